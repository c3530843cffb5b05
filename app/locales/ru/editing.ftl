# Editors' tools: the desk, the editors, history and conflicts.

## Editing an article or event where it stands

editor-opening = Открывается для редактирования…
# The editing toolbar, as a named region.
editor-bar = Редактирование
# The page title while editing.
editor-editing = Редактирование: { $title }
editor-edit-article = Редактировать эту статью
editor-edit-event = Редактировать событие
editor-save-draft = Сохранить черновик
editor-save-event = Сохранить событие
editor-publish = Опубликовать
editor-stop = Закончить редактирование
editor-delete = Удалить
editor-article-delete-question = Переместить эту статью в корзину? Её можно будет восстановить на странице редакции.
editor-event-delete-question = Переместить это событие в корзину?
editor-readers-see-published = Читатели видят опубликованную версию.
editor-recurring-note = Повторяющееся событие: даты — это даты первого проведения; порядок повторения не меняется.

## Where the work stands ($at is a time, or a date and time)

editor-state-unchanged = Изменений нет
editor-state-unsaved = Несохранённые изменения…
editor-state-saving = Сохранение…
editor-state-saved = Черновик сохранён: { $at }
editor-state-failed = Не удалось сохранить: { $reason }
editor-published-at = Опубликовано в { $at }
editor-saved-as-draft-at = Сохранено как черновик в { $at }
# Why a save failed: it follows "Не удалось сохранить:".
editor-saved-meanwhile = кто-то другой тем временем сохранил свою версию; выберите, что оставить, над полями
editor-saved-meanwhile-kept = Черновик сохранён, но кто-то другой тем временем сохранил свою версию: выберите над полями, что оставить
editor-kept-as-draft = Текст сохранён как черновик.
editor-choose-first = сначала выберите над полями, что оставить
editor-choose-first-saved = Черновик сохранён; сначала выберите над полями, что оставить
editor-taken-in = Другой редактор тем временем сохранил изменения в частях, которые вы с тех пор не меняли ({ $parts }): теперь они в вашем тексте.
editor-no-answer = сервер не ответил; текст остался здесь, попробуйте ещё раз (Ctrl+S)
editor-no-answer-write = сервер не ответил; текст остался здесь, попробуйте ещё раз
editor-signed-out = вы больше не вошли в систему; текст по-прежнему здесь: войдите снова в другой вкладке, затем сохраните (Ctrl+S)
editor-text-in-trash = кто-то переместил эту запись в корзину; текст по-прежнему здесь: восстановите запись из корзины на странице редакции, затем сохраните (Ctrl+S)
editor-sign-in-again = Войти (в новой вкладке)
editor-leave-question = Есть несохранённые изменения. Всё равно покинуть страницу?

## Fields, as the editors, conflicts and history name them

editor-field-title = Заголовок
editor-field-lead = Вводный абзац
editor-field-body = Текст
editor-field-contact = Контактная информация
# An event's title.
editor-field-name = Название
# An event's dates and times as one part.
editor-field-when = Дата и время
editor-field-location = Место
editor-field-category = Категория
editor-field-summary = Краткое описание
editor-field-status = Статус
editor-date = Дата
# A time of day; also the audit log's column.
editor-time = Время
editor-start = Начало
editor-end = Окончание
editor-all-day = Весь день
editor-no-category = Без категории
editor-status-unpublished-hidden = Не опубликовано (читатели не видят)
editor-status-published = Опубликовано
# An event's status as conflicts and history compare it.
editor-status-word-published = опубликовано
editor-status-word-unpublished = не опубликовано

## An article's settings

editor-settings = Настройки
editor-address = Адрес: { $path }
editor-address-save = Изменить адрес
editor-address-changed = Адрес изменён.
editor-settings-save = Сохранить настройки
editor-settings-saved = Настройки сохранены.
editor-changed-meanwhile = Другой редактор тем временем изменил то же самое: теперь показано сохранённое им. Если хотите своё, выберите снова и сохраните.
editor-choice-first = Другой редактор тем временем изменил текст: сначала выберите, что оставить, затем сохраните снова.

## The body editor's toolbar

editor-toolbar = Форматирование текста
editor-format-paragraph = Абзац
editor-format-heading = Подзаголовок
editor-format-bold = Полужирный
editor-format-italic = Курсив
editor-format-link = Ссылка
editor-format-bulleted-list = Маркированный список
editor-format-numbered-list = Нумерованный список
editor-format-quote = Цитата
editor-format-image = Изображение
editor-format-describe = Описания изображений (alt-текст)
editor-describe-image = Описание изображения { $number } из { $count } для тех, кто его не видит (alt-текст)
editor-describe-none = В тексте нет изображений.
editor-link-question = Адрес ссылки (https://…)
editor-link-refused = Ссылка может вести только на веб-адрес (https://…), адрес эл. почты (mailto:…), номер телефона (tel:…) или страницу этого сайта (/…).

## Images in the body

upload-choose-image = Выбрать изображение
upload-uploading = Загрузка «{ $name }» ({ $size } кБ)…
upload-progress = Загрузка
upload-alt-question = Описание изображения для тех, кто его не видит (alt-текст)
upload-no-alt = У изображения нет описания: добавьте его перед публикацией.
upload-not-an-image = Файл не является изображением JPEG, PNG, WebP или GIF.
upload-too-large = Изображение слишком большое: допустимо { $max } МБ.
upload-too-many-pixels = В изображении слишком много пикселей: допустимо { $max } мегапикселей.
upload-unreadable = Не удаётся прочитать изображение: возможно, файл повреждён.
upload-not-stored = Не удалось сохранить изображение.
upload-not-processed = Не удалось обработать изображение.
# An HTTP status code.
upload-failed-status = Ошибка { $status }
upload-in-browser-only = Изображения загружаются в браузере.

## Someone else saved meanwhile

conflict-article-heading = Кто-то другой сохранил эту статью, пока вы её редактировали
conflict-event-heading = Кто-то другой сохранил это событие, пока вы его редактировали
conflict-older-draft-heading = Этот черновик начат с более старой версии: с тех пор сохранена более новая
conflict-undoes-heading = Пока вы редактировали, кто-то другой изменил то, что видят читатели: публикация отменила бы это
hidden-meanwhile-heading = Пока вы редактировали, кто-то другой скрыл это от читателей
hidden-meanwhile-text = Сейчас читатели этого не видят. Если опубликовать, они снова это увидят.
hidden-meanwhile-publish = Всё равно опубликовать
hidden-meanwhile-keep = Не публиковать
conflict-intro = Ничего не потеряно. Для каждой отличающейся части выберите, что оставить, и сохраните.
# $who: an editor's e-mail address and a time, or one of the versions below.
conflict-theirs-by = Другая версия: { $who }
conflict-mine = Ваша версия
conflict-theirs = Другая версия
conflict-only-theirs = Эту часть изменили только в другой версии, поэтому она сохраняется, если вы не выберете иное.
conflict-keep-mine = Оставить мою
conflict-keep-theirs = Оставить другую
conflict-keep-both = Оставить обе
conflict-save = Сохранить выбранное
conflict-save-and-publish = Сохранить выбранное и опубликовать
conflict-save-to-event = Сохранить выбранное в событии
conflict-saved-version = сохранённая версия
conflict-other-editor = другой редактор

## Version history

history-heading = История версий
history-loading = Загрузка истории…
history-version = Версия { $version }
history-current = текущая версия
history-original = исходная версия
history-restore = Восстановить версию { $version }
history-restored = Версия { $version } восстановлена как версия { $new }. Страница перезагружается…
history-restore-question = Восстановить версию { $version }? Она станет новейшей; текущая останется в истории.
history-restore-unsaved = Ваши несохранённые изменения будут потеряны.
history-restored-now = Версия { $version } восстановлена как версия { $new }.
history-compare-from = Сравнить версии с
history-compare-to = по
history-compare = Сравнить
history-differences = Различия между версиями { $older } и { $newer }

## Translating ($language is the language's own name: English, Русский)

translation-start = Перевести на русский
translation-page-title = { $language } перевод: { $title }
translation-visibility = { $language } перевод. Читатели видят его сразу после сохранения.
translation-save = Сохранить перевод
translation-saved-at = Перевод сохранён в { $at }
translation-conflict-heading = Кто-то другой сохранил этот перевод, пока вы над ним работали
translation-conflict-other = перевод другого редактора
translation-source-changed = Латышский текст изменился после сохранения этого перевода: { $parts }. Проверьте, соответствует ли ему перевод.
translation-source-show = Показать изменения латышского текста
translation-source-hide = Скрыть изменения
translation-source-differences = Изменения латышского текста после перевода

## The editors' desk and the audit log

desk-heading = Редакция
desk-description = Черновики и корзина.
desk-new-article = + Новая статья
desk-drafts = Неопубликованные статьи и события
desk-no-drafts = Неопубликованных статей и событий нет.
desk-trash = Корзина
desk-trash-empty = Корзина пуста.
desk-event = Событие
# Also the audit log's column of items.
desk-article = Статья
desk-audit-item = Запись
desk-deleted-at = удалено { $when }
desk-restore = Восстановить «{ $title }»
desk-restored = Восстановлено как черновик.
desk-trashed = Перемещено в корзину; это можно восстановить ниже.
desk-audit-log = Журнал действий
desk-audit-page = Страница { $page }
desk-audit-description = Кто что изменил.
desk-audit-latest = Последние действия
desk-audit-empty = В журнале пока нет действий.
desk-audit-who = Кто
desk-audit-action = Действие

## Adding and moving events on the month grid ($date as in date-long)

editor-add-event = Добавить событие
editor-add-event-on = Добавить событие: { $date }
editor-month-help = Для редакторов: «+» в ячейке дня добавляет событие; событие можно перетащить на другой день или, находясь в его дне, нажать M, выбрать день стрелками и нажать Enter. На сенсорном экране: нажмите ⇄ у события, а затем на день.
editor-move-event = Перенести «{ $title }» на другой день
editor-move-by-keys = Перенос «{ $title }»: выберите день стрелками и нажмите Enter; Esc — отмена.
editor-move-by-touch = Перенос «{ $title }»: нажмите на день, на который его перенести; Esc — отмена.
editor-move-nothing = В этот день нет события, которое можно перенести.
editor-move-series = Повторяющееся событие не переносится по одному разу: измените его начало в редакторе события.
editor-move-cancelled = Перенос отменён.
# The Russian date ends in "г.", so no full stop follows it.
editor-moved = «{ $title }» перенесено на { $date }
editor-move-failed = Не удалось перенести «{ $title }»: { $reason }
editor-move-in-trash = кто-то переместил его в корзину; восстановить его можно на странице редакции.

## The audit log's actions

audit-created = создал(а)
audit-changed = изменил(а)
audit-published = опубликовал(а)
audit-changed-settings = изменил(а) настройки
# A settings change that published the article, or hid it from readers.
audit-shown = показал(а) читателям
audit-hidden = скрыл(а) от читателей
audit-changed-address = изменил(а) адрес
audit-deleted = удалил(а)
audit-restored = восстановил(а)
audit-moved = перенёс(ла) на { $day }
audit-translated = { $code ->
    [ru] перевёл(а) на русский
   *[other] перевёл(а) на английский
}
audit-restored-version = восстановил(а) версию { $version }
