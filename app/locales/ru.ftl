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
calendar-views = Вид
view-month = Месяц
view-week = Неделя
view-day = День
view-list = Список
calendar-pick-month = Месяц и год
calendar-show = Показать
categories = Категории
categories-apply = Фильтровать
categories-all = Показать все
calendar-periods = Периоды
news-days-show = Показать дни новостей
news-days-hide = Скрыть дни новостей

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
news-heading = Новости
news-page-title = Новости — страница { $page }
news-description = Последние новости о предотвращении торговли людьми в Латвии.
error-not-found = Страница не найдена
error-to-home = На главную
error-generic = Произошла ошибка
