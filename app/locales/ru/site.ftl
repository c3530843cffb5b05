# Russian. Same messages as lv.ftl (a test checks). Plural forms follow CLDR: one (1, 21…),
# few (2–4, 22–24…), many (5–20, 25–30…).

## The frame of every page

skip-link = Перейти к содержанию
site-tagline = Предотвращение торговли людьми в Латвии
nav-label = Основная навигация
nav-home = Главная
nav-calendar = Календарь
nav-news = Новости
nav-menu = Меню
language-label = Язык
footer-about = Информационный ресурс о предотвращении торговли людьми и помощи пострадавшим.
footer-project = Notikumi — портал с открытым кодом для государственных учреждений.
footer-editors = Редакторам
search-label = Поиск по сайту
search-placeholder = Искать…
search-button = Найти
account-signed-in = Вы вошли:
account-sign-out = Выйти
feed-title = Notikumi — новости
calendar-subscribe = Подписаться на этот календарь в своей программе календаря (.ics)
calendar-feed-name = Календарь событий Notikumi

## Dates and counts

month-1 = январь
month-2 = февраль
month-3 = март
month-4 = апрель
month-5 = май
month-6 = июнь
month-7 = июль
month-8 = август
month-9 = сентябрь
month-10 = октябрь
month-11 = ноябрь
month-12 = декабрь
month-of-1 = января
month-of-2 = февраля
month-of-3 = марта
month-of-4 = апреля
month-of-5 = мая
month-of-6 = июня
month-of-7 = июля
month-of-8 = августа
month-of-9 = сентября
month-of-10 = октября
month-of-11 = ноября
month-of-12 = декабря
# After "на" (moved to a day).
month-to-1 = января
month-to-2 = февраля
month-to-3 = марта
month-to-4 = апреля
month-to-5 = мая
month-to-6 = июня
month-to-7 = июля
month-to-8 = августа
month-to-9 = сентября
month-to-10 = октября
month-to-11 = ноября
month-to-12 = декабря
weekday-1 = понедельник
weekday-2 = вторник
weekday-3 = среда
weekday-4 = четверг
weekday-5 = пятница
weekday-6 = суббота
weekday-7 = воскресенье
weekday-short-1 = Пн
weekday-short-2 = Вт
weekday-short-3 = Ср
weekday-short-4 = Чт
weekday-short-5 = Пт
weekday-short-6 = Сб
weekday-short-7 = Вс
date-long = { $day } { $month } { $year } г.
date-days-of-month = { $first }–{ $last } { $month } { $year } г.
month-heading = { $month } { $year }
all-day = весь день
event-count = { $count ->
    [one] { $count } событие
    [few] { $count } события
   *[many] { $count } событий
}
news-count = { $count ->
    [one] { $count } новость
    [few] { $count } новости
   *[many] { $count } новостей
}
article-count = { $count ->
    [one] { $count } статья
    [few] { $count } статьи
   *[many] { $count } статей
}

## The calendar

calendar-heading = Календарь событий — { $period }
calendar-month-empty = В этом месяце событий нет.
calendar-month-empty-filtered = В выбранных категориях в этом месяце событий нет.
calendar-month-summary = { $month }: { $events }.
calendar-this-month = Этот месяц
calendar-previous-month = Предыдущий месяц:
calendar-next-month = Следующий месяц:
calendar-this-week = Эта неделя
calendar-previous-week = Предыдущая неделя:
calendar-next-week = Следующая неделя:
calendar-today = Сегодня
calendar-previous-day = Предыдущий день:
calendar-next-day = Следующий день:
calendar-week = { $week }-я неделя { $year } года
calendar-week-description = События { $week }-й недели { $year } года.
calendar-day-empty = В этот день событий нет.
calendar-no-events = Событий нет.
calendar-more = ещё { $count }
calendar-views = Вид
calendar-options = Вид и фильтры
view-month = Месяц
view-week = Неделя
view-day = День
view-list = Список
calendar-pick-month = Месяц и год
calendar-show = Показать
calendar-month-unreadable = Не удалось понять месяц. Напишите его как 2020-08 или 08.2020 (год от 1900 до 2999).
categories = Категории
categories-apply = Фильтровать
categories-all = Показать все
calendar-periods = Периоды
news-days-show = Показать дни новостей
news-days-hide = Скрыть дни новостей

## An event's page

event-when = Время
event-repeats = Повторяется
event-where = Место
event-category = Категория
event-add = Добавить в свой календарь
event-add-ics = Скачать (.ics)
event-add-webcal = Подписаться (webcal)
event-add-google = Google Календарь
event-news = Новости о событии

## Event lists and paging

list-archive = Архив событий
list-upcoming = Предстоящие события
list-past = Прошедшие события
list-events = События
list-past-description = События, которые уже прошли.
list-upcoming-description = Предстоящие события.
list-recurring = Регулярные события
list-next-time = в следующий раз: { $when }
list-last-time = в последний раз: { $when }
pager = Страницы
pager-previous = Предыдущая страница
pager-next = Следующая страница
pager-position = Страница { $page } из { $pages }

## Articles

breadcrumb = Навигационная цепочка
article-attachments = Вложения
# An attachment's format when neither its media type nor its name tells it.
article-attachment-file = Файл
article-event = Событие
article-others = Другие статьи
article-newer = Более новая статья
article-older = Более старая статья
article-related = Похожие статьи
archive-heading = Архив новостей — { $period }
archive-index = Архив
news-newer = Новее
news-older = Старее

## Search

search-heading = Поиск
search-description = Поиск по новостям и событиям.
search-searching = Идёт поиск…
search-where = Где искать
search-everywhere = Везде
search-in-news = В новостях
search-in-events = В событиях
search-prompt = Введите, что искать: слова из заголовка или текста.
search-none = Ничего не найдено.
search-count = Найдено результатов: { $count }
search-kind-event = Событие
search-kind-article = Новость
text-in-latvian = на латышском языке

## Signing in

login-heading = Войти
login-description = Вход для редакторов.
login-already = Вы вошли как
login-intro = Вход предназначен для редакторов содержания. Читателям учётная запись не нужна.
login-email = Адрес электронной почты
login-password = Пароль

## Front page, news, errors

home-title = Главная
home-description = Календарь событий и новости о предотвращении торговли людьми в Латвии.
home-heading = Предотвращение торговли людьми
home-intro = Обучение, конференции и информационные мероприятия, а также последние новости о борьбе с торговлей людьми в Латвии и странах-партнёрах.
home-calendar = Календарь событий
home-all-news = Все новости
home-upcoming = Ближайшие события
home-no-upcoming = В ближайшее время событий нет.
home-latest = Последние новости
loading = Загрузка…
loading-archive = Загрузка архива…
loading-article = Загрузка статьи…
loading-calendar = Загрузка календаря…
loading-week = Загрузка недели…
loading-events = Загрузка событий…
loading-event = Загрузка события…
loading-day = Загрузка дня…
news-heading = Новости
paged-title = { $title } — страница { $page }
news-description = Последние новости о предотвращении торговли людьми в Латвии.
news-none = Новостей пока нет.
news-empty = В этих категориях новостей нет.
error-not-found = Страница не найдена
error-to-home = На главную
error-generic = Произошла ошибка
error-in-trash-heading = Запись в корзине

## Shown on a page whose item readers cannot see yet, and beside news in the month grid

article-unpublished = Эта статья ещё не опубликована.
event-unpublished = Это событие ещё не опубликовано.
article-hidden = Эта статья скрыта от читателей.
event-hidden = Это событие скрыто от читателей.
day-news-tag = Новость
day-news-more = { $count ->
    [one] ещё { $count } новость в архиве
    [few] ещё { $count } новости в архиве
   *[many] ещё { $count } новостей в архиве
}
