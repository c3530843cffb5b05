# What can go wrong, as the server reports it and the browser words it.

error-not-found-text = Страница не найдена.
error-unauthorized = Необходимо войти.
error-forbidden = У вас нет прав на это действие.
error-bad-credentials = Неверный адрес электронной почты или пароль.
error-too-many-attempts = Слишком много неудачных попыток. Повторите через { $seconds } с.
error-conflict = Кто-то другой уже изменил эту запись.
error-in-trash = Кто-то переместил эту запись в корзину. Восстановить её можно из корзины на странице редакции.
error-internal = Ошибка сервера. Пожалуйста, повторите попытку.
error-unavailable = Сервис временно недоступен. Пожалуйста, повторите попытку через минуту.
error-bad-request = Неверный запрос: { $reason }
error-transport = Ошибка соединения: { $reason }
error-too-large = Отправленное слишком велико ({ $size } кБ; допустимо { $max } кБ). Вставляйте изображения кнопкой изображения, а не из буфера обмена.

## Fields editors fill in

invalid-title-empty = Заголовок не может быть пустым.
invalid-title-long = Заголовок не может быть длиннее { $max } знаков.
invalid-lead-long = Вводный абзац не может быть длиннее { $max } знаков.
invalid-contact-long = Контактные данные не могут быть длиннее { $max } знаков.
invalid-summary-long = Краткое описание не может быть длиннее { $max } знаков.
invalid-location-long = Место не может быть длиннее { $max } знаков.
invalid-event-too-long = Событие не может длиться дольше { $days } дней; разделите более долгое на несколько.
invalid-event-start-after-series = Серия этого события заканчивается { $until }: событие не может начаться позже.
invalid-body-long = Текст слишком длинный ({ $size } кБ; допустимо { $max } кБ).
invalid-body-nesting = Текст вложен слишком глубоко (списки в списках или цитаты в цитатах глубже { $max } уровней).
invalid-slug-empty = В адресе должна быть хотя бы одна буква или цифра.
invalid-slug-year = Четыре цифры — это адрес года в архиве.
invalid-slug-taken = Этот адрес уже занят.
invalid-category = Такой категории нет.
invalid-alt-text = Перед публикацией у каждого изображения должно быть описание (alt-текст).
invalid-article-empty = Перед публикацией статье нужно вступление или текст.
invalid-show-unwritten = У статьи ещё нет опубликованного текста: опубликуйте её кнопкой «Опубликовать».
invalid-event-title-empty = Название не может быть пустым.
invalid-event-title-long = Название не может быть длиннее { $max } знаков.
invalid-event-body-long = Описание слишком длинное ({ $size } кБ; допустимо { $max } кБ).
invalid-date = Такой даты нет (формат ГГГГ-ММ-ДД).
invalid-date-years = Дата должна быть с { $first } по { $last } год.
invalid-time = Такого времени нет (формат ЧЧ:ММ).
invalid-time-skipped = В этот день такого времени нет: ночью часы переводят на час вперёд (с 03:00 на 04:00).
invalid-end-before-start = Окончание не может быть раньше начала.
invalid-move-recurring = Повторяющееся событие переносят на его странице, изменив дату начала.
invalid-translation-lang = Латышский текст — это оригинал; переводить можно на английский или русский.
invalid-translation-untranslated = Ещё ничего не переведено: переведите хотя бы заголовок.
