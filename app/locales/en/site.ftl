# English. Same messages as lv.ftl (a test checks).

## The frame of every page

skip-link = Skip to content
site-tagline = Preventing human trafficking in Latvia
nav-label = Main navigation
nav-home = Home
nav-calendar = Calendar
nav-news = News
nav-menu = Menu
language-label = Language
footer-about = An information resource on preventing human trafficking and helping its victims.
footer-project = Notikumi — an open-source portal for public institutions.
footer-editors = For editors
search-label = Search the site
search-placeholder = Search…
search-button = Search
account-signed-in = Signed in:
account-sign-out = Sign out
feed-title = Notikumi — news
calendar-subscribe = Subscribe to this calendar in your calendar app (.ics)
calendar-feed-name = Notikumi event calendar

## Dates and counts

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-of-1 = January
month-of-2 = February
month-of-3 = March
month-of-4 = April
month-of-5 = May
month-of-6 = June
month-of-7 = July
month-of-8 = August
month-of-9 = September
month-of-10 = October
month-of-11 = November
month-of-12 = December
# After "to" (moved to a day).
month-to-1 = January
month-to-2 = February
month-to-3 = March
month-to-4 = April
month-to-5 = May
month-to-6 = June
month-to-7 = July
month-to-8 = August
month-to-9 = September
month-to-10 = October
month-to-11 = November
month-to-12 = December
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
weekday-short-1 = Mon
weekday-short-2 = Tue
weekday-short-3 = Wed
weekday-short-4 = Thu
weekday-short-5 = Fri
weekday-short-6 = Sat
weekday-short-7 = Sun
date-long = { $day } { $month } { $year }
date-days-of-month = { $first }–{ $last } { $month } { $year }
month-heading = { $month } { $year }
all-day = all day
event-count = { $count ->
    [one] { $count } event
   *[other] { $count } events
}
news-count = { $count ->
    [one] { $count } news item
   *[other] { $count } news items
}
article-count = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}

## The calendar

calendar-heading = Event calendar — { $period }
calendar-month-empty = There are no events this month.
calendar-month-empty-filtered = There are no events in the chosen categories this month.
calendar-month-summary = { $events } in { $month }.
calendar-this-month = This month
calendar-previous-month = Previous month:
calendar-next-month = Next month:
calendar-this-week = This week
calendar-previous-week = Previous week:
calendar-next-week = Next week:
calendar-today = Today
calendar-previous-day = Previous day:
calendar-next-day = Next day:
calendar-week = Week { $week }, { $year }
calendar-week-description = Events in week { $week }, { $year }.
calendar-day-empty = There are no events on this day.
calendar-no-events = No events.
calendar-more = +{ $count } more
calendar-views = View
calendar-options = View and filters
view-month = Month
view-week = Week
view-day = Day
view-list = List
calendar-pick-month = Month and year
calendar-show = Show
calendar-month-unreadable = The month could not be read. Write it as 2020-08 or 08.2020 (a year from 1900 to 2999).
categories = Categories
categories-apply = Filter
categories-all = Show all
calendar-periods = Periods
news-days-show = Show news days
news-days-hide = Hide news days

## An event's page

event-when = When
event-repeats = Repeats
event-where = Where
event-category = Category
event-add = Add to your calendar
event-add-ics = Download (.ics)
event-add-webcal = Subscribe (webcal)
event-add-google = Google Calendar
event-news = News about the event

## Event lists and paging

list-archive = Event archive
list-upcoming = Upcoming events
list-past = Past events
list-events = Events
list-past-description = Events that have already taken place.
list-upcoming-description = Upcoming events.
list-recurring = Regular events
list-next-time = next: { $when }
list-last-time = last: { $when }
pager = Pages
pager-previous = Previous page
pager-next = Next page
pager-position = Page { $page } of { $pages }

## Articles

breadcrumb = Breadcrumb
article-attachments = Attachments
# An attachment's format when neither its media type nor its name tells it.
article-attachment-file = File
article-event = Event
article-others = Other articles
article-newer = Newer article
article-older = Older article
article-related = Related articles
archive-heading = News archive — { $period }
archive-index = Archive
news-newer = Newer
news-older = Older

## Search

search-heading = Search
search-description = Search the news and events.
search-searching = Searching…
search-where = Where to search
search-everywhere = Everywhere
search-in-news = In the news
search-in-events = In events
search-prompt = Type what to search for: words from a title or text.
search-none = Nothing was found.
search-count = Results found: { $count }
search-kind-event = Event
search-kind-article = News
text-in-latvian = in Latvian

## Signing in

login-heading = Sign in
login-description = Sign-in for editors.
login-already = You are signed in as
login-intro = Signing in is for content editors. Readers need no account.
login-email = E-mail address
login-password = Password

## Front page, news, errors

home-title = Home
home-description = Event calendar and news on preventing human trafficking in Latvia.
home-heading = Preventing human trafficking
home-intro = Training, conferences and information events, and the latest news on the fight against human trafficking in Latvia and partner countries.
home-calendar = Event calendar
home-all-news = All news
home-upcoming = Upcoming events
home-no-upcoming = No events coming up.
home-latest = Latest news
loading = Loading…
loading-archive = Loading the archive…
loading-article = Loading the article…
loading-calendar = Loading the calendar…
loading-week = Loading the week…
loading-events = Loading events…
loading-event = Loading the event…
loading-day = Loading the day…
news-heading = News
paged-title = { $title } — page { $page }
news-description = The latest news on preventing human trafficking in Latvia.
news-none = There is no news yet.
news-empty = There is no news in these categories.
error-not-found = Page not found
error-to-home = To the front page
error-generic = Something went wrong
error-in-trash-heading = This item is in the trash

## Shown on a page whose item readers cannot see yet, and beside news in the month grid

article-unpublished = This article is not published yet.
event-unpublished = This event is not published yet.
article-hidden = This article is hidden from readers.
event-hidden = This event is hidden from readers.
day-news-tag = News
day-news-more = +{ $count } more in the archive
