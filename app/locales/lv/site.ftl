# Latvian: the default language of the interface. Every message here must also be in en.ftl
# and ru.ftl (a test checks). Plural forms follow CLDR: Latvian "one" is 1, 21, 31… (not 11).

## The frame of every page

skip-link = Pāriet uz saturu
site-tagline = Cilvēku tirdzniecības novēršana Latvijā
nav-label = Galvenā navigācija
nav-home = Sākums
nav-calendar = Kalendārs
nav-news = Jaunumi
nav-menu = Izvēlne
language-label = Valoda
footer-about = Informatīvs resurss par cilvēku tirdzniecības novēršanu un palīdzību cietušajiem.
footer-project = Notikumi — atvērtā koda portāls valsts iestādēm.
footer-editors = Redaktoriem
search-label = Meklēt vietnē
search-placeholder = Meklēt…
search-button = Meklēt
account-signed-in = Pieteicies:
account-sign-out = Iziet
feed-title = Notikumi — jaunumi
calendar-subscribe = Abonēt šo kalendāru savā kalendāra programmā (.ics)
calendar-feed-name = Notikumu kalendārs

## Dates and counts

month-1 = janvāris
month-2 = februāris
month-3 = marts
month-4 = aprīlis
month-5 = maijs
month-6 = jūnijs
month-7 = jūlijs
month-8 = augusts
month-9 = septembris
month-10 = oktobris
month-11 = novembris
month-12 = decembris
# The month as a date names it ("4. augusts"; Russian needs the genitive).
month-of-1 = janvāris
month-of-2 = februāris
month-of-3 = marts
month-of-4 = aprīlis
month-of-5 = maijs
month-of-6 = jūnijs
month-of-7 = jūlijs
month-of-8 = augusts
month-of-9 = septembris
month-of-10 = oktobris
month-of-11 = novembris
month-of-12 = decembris
# After "uz" (moved to a day): the accusative.
month-to-1 = janvāri
month-to-2 = februāri
month-to-3 = martu
month-to-4 = aprīli
month-to-5 = maiju
month-to-6 = jūniju
month-to-7 = jūliju
month-to-8 = augustu
month-to-9 = septembri
month-to-10 = oktobri
month-to-11 = novembri
month-to-12 = decembri
weekday-1 = pirmdiena
weekday-2 = otrdiena
weekday-3 = trešdiena
weekday-4 = ceturtdiena
weekday-5 = piektdiena
weekday-6 = sestdiena
weekday-7 = svētdiena
weekday-short-1 = P
weekday-short-2 = O
weekday-short-3 = T
weekday-short-4 = C
weekday-short-5 = Pk
weekday-short-6 = S
weekday-short-7 = Sv
date-long = { $year }. gada { $day }. { $month }
date-days-of-month = { $year }. gada { $first }.–{ $last }. { $month }
month-heading = { $month }, { $year }
all-day = visu dienu
event-count = { $count ->
    [one] { $count } notikums
   *[other] { $count } notikumi
}
news-count = { $count ->
    [one] { $count } ziņa
   *[other] { $count } ziņas
}
article-count = { $count ->
    [one] { $count } raksts
   *[other] { $count } raksti
}

## The calendar

calendar-heading = Notikumu kalendārs — { $period }
calendar-month-empty = Šajā mēnesī notikumu nav.
calendar-month-empty-filtered = Izvēlētajās kategorijās šajā mēnesī notikumu nav.
calendar-month-summary = { $events } mēnesī: { $month }.
calendar-this-month = Šis mēnesis
calendar-previous-month = Iepriekšējais mēnesis:
calendar-next-month = Nākamais mēnesis:
calendar-this-week = Šī nedēļa
calendar-previous-week = Iepriekšējā nedēļa:
calendar-next-week = Nākamā nedēļa:
calendar-today = Šodien
calendar-previous-day = Iepriekšējā diena:
calendar-next-day = Nākamā diena:
calendar-week = { $week }. nedēļa, { $year }
calendar-week-description = Notikumi { $week }. nedēļā, { $year }.
calendar-day-empty = Šajā dienā notikumu nav.
calendar-no-events = Notikumu nav.
calendar-more = +{ $count } vēl
calendar-views = Skats
calendar-options = Skats un filtri
view-month = Mēnesis
view-week = Nedēļa
view-day = Diena
view-list = Saraksts
calendar-pick-month = Mēnesis un gads
calendar-show = Rādīt
calendar-month-unreadable = Mēnesi neizdevās saprast. Ierakstiet to kā 2020-08 vai 08.2020 (gadu no 1900 līdz 2999).
categories = Kategorijas
categories-apply = Filtrēt
categories-all = Rādīt visas
calendar-periods = Periodi
news-days-show = Rādīt ziņu dienas
news-days-hide = Nerādīt ziņu dienas

## An event's page

event-when = Laiks
event-repeats = Atkārtojas
event-where = Vieta
event-category = Kategorija
event-add = Pievienot savam kalendāram
event-add-ics = Lejupielādēt (.ics)
event-add-webcal = Abonēt (webcal)
event-add-google = Google kalendārs
event-news = Ziņas par notikumu

## Event lists and paging

list-archive = Notikumu arhīvs
list-upcoming = Gaidāmie notikumi
list-past = Pagājušie notikumi
list-events = Notikumi
list-past-description = Notikumi, kas jau notikuši.
list-upcoming-description = Gaidāmie notikumi.
list-recurring = Regulāri notikumi
list-next-time = nākamā reize: { $when }
list-last-time = pēdējā reize: { $when }
pager = Lapas
pager-previous = Iepriekšējā lapa
pager-next = Nākamā lapa
pager-position = { $page }. lapa no { $pages }

## Articles

breadcrumb = Navigācijas ceļš
article-attachments = Pielikumi
# An attachment's format when neither its media type nor its name tells it.
article-attachment-file = Fails
article-event = Notikums
article-others = Citi raksti
article-newer = Jaunāks raksts
article-older = Vecāks raksts
article-related = Saistītie raksti
archive-heading = Jaunumu arhīvs — { $period }
archive-index = Arhīvs
news-newer = Jaunāki
news-older = Vecāki

## Search

search-heading = Meklēšana
search-description = Meklēšana jaunumos un notikumos.
search-searching = Meklē…
search-where = Kur meklēt
search-everywhere = Visur
search-in-news = Jaunumos
search-in-events = Notikumos
search-prompt = Ierakstiet, ko meklēt: vārdus no virsraksta vai teksta.
search-none = Nekas netika atrasts.
search-count = Atrasti rezultāti: { $count }
search-kind-event = Notikums
search-kind-article = Jaunums
text-in-latvian = latviešu valodā

## Signing in

login-heading = Pieteikties
login-description = Redaktoru pieteikšanās.
login-already = Jūs esat pieteicies kā
login-intro = Pieteikšanās ir paredzēta satura redaktoriem. Lasītājiem konts nav vajadzīgs.
login-email = E-pasta adrese
login-password = Parole

## Front page, news, errors

home-title = Sākums
home-description = Notikumu kalendārs un jaunumi par cilvēku tirdzniecības novēršanu Latvijā.
home-heading = Cilvēku tirdzniecības novēršana
home-intro = Apmācības, konferences un informatīvi pasākumi, kā arī jaunākās ziņas par cīņu pret cilvēku tirdzniecību Latvijā un sadarbības valstīs.
home-calendar = Notikumu kalendārs
home-all-news = Visi jaunumi
home-upcoming = Tuvākie notikumi
home-no-upcoming = Tuvākajā laikā notikumu nav.
home-latest = Jaunākās ziņas
loading = Ielādē…
loading-archive = Ielādē arhīvu…
loading-article = Ielādē rakstu…
loading-calendar = Ielādē kalendāru…
loading-week = Ielādē nedēļu…
loading-events = Ielādē notikumus…
loading-event = Ielādē notikumu…
loading-day = Ielādē dienu…
news-heading = Jaunumi
paged-title = { $title } — { $page }. lapa
news-description = Jaunākās ziņas par cilvēku tirdzniecības novēršanu Latvijā.
news-none = Jaunumu vēl nav.
news-empty = Šajās kategorijās jaunumu nav.
error-not-found = Lapa nav atrasta
error-to-home = Uz sākumlapu
error-generic = Radās kļūda
error-in-trash-heading = Ieraksts ir miskastē

## Shown on a page whose item readers cannot see yet, and beside news in the month grid

article-unpublished = Šis raksts vēl nav publicēts.
event-unpublished = Šis notikums vēl nav publicēts.
article-hidden = Šis raksts ir paslēpts no lasītājiem.
event-hidden = Šis notikums ir paslēpts no lasītājiem.
day-news-tag = Ziņa
day-news-more = { $count ->
    [one] +{ $count } ziņa arhīvā
   *[other] +{ $count } ziņas arhīvā
}
