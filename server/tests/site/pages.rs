//! The router answered through `oneshot`, without a socket: status codes and the server-rendered
//! HTML a reader (or a search engine, or a browser without JavaScript) gets.

use crate::{common::Site, read::Page};
use app::{locale, timezone};
use chrono::Datelike;
use http::StatusCode;

mod news;

#[tokio::test(flavor = "multi_thread")]
async fn health_and_readiness_answer() {
    let site = Site::with_demo_content().await;
    assert_eq!(site.get("/healthz").await, (StatusCode::OK, "ok".into()));
    assert_eq!(site.get("/readyz").await, (StatusCode::OK, "ready".into()));
}

#[tokio::test(flavor = "multi_thread")]
async fn readiness_fails_while_the_database_is_unavailable() {
    let site = Site::with_demo_content().await;
    site.store.close().await;
    assert_eq!(
        site.get("/readyz").await,
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "database unavailable".into()
        )
    );
    assert_eq!(site.get("/healthz").await.0, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread")]
async fn august_2020_is_rendered_on_the_server() {
    let site = Site::with_demo_content().await;
    let (status, html) = site.get("/calendar/2020/08").await;
    assert_eq!(status, StatusCode::OK);
    let page = Page::parse(&html);
    assert_eq!(page.lang(), "lv");
    assert_eq!(page.heading().0, "Notikumu kalendārs — Augusts, 2020");
    let webinar = page
        .link_named("Vebinārs par viltus darba piedāvājumiem sociālajos tīklos")
        .expect("the webinar's link");
    assert!(webinar.starts_with("/events/"), "{webinar}");
    assert!(page.shows("10:00–12:00"));
    assert!(page.shows("otrdiena, 2020. gada 4. augusts, 1 notikums"));
    assert!(page.links_to("/calendar/2020/07") && page.links_to("/calendar/2020/09"));
    assert_eq!(page.attr("meta[name=robots]", "content"), None);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_calendar_opens_on_the_current_month_in_riga() {
    let site = Site::with_demo_content().await;
    let today = timezone::today();
    let (status, html) = site.get("/calendar").await;
    assert_eq!(status, StatusCode::OK);
    let page = Page::parse(&html);
    let month = locale::month_heading(app::i18n::Lang::Lv, today.year(), today.month());
    assert_eq!(page.heading().0, format!("Notikumu kalendārs — {month}"));
    // The demo content always has an event on the day it was loaded.
    let event = "Atvērto durvju konsultācijas par drošu darbu ārzemēs";
    assert!(page.link_named(event).is_some(), "{:?}", page.links());
    // Today is marked, and the keyboard starts there.
    let today_cell = format!("day-{today}");
    for marked in ["[aria-current=date]", "[tabindex='0']"] {
        assert_eq!(
            page.attrs(&format!("[role=gridcell]{marked}"), "id"),
            [today_cell.as_str()],
            "{marked}"
        );
    }
    // So is it in its week.
    let (_, html) = site.get(&app::paths::week_path(today)).await;
    let week = Page::parse(&html);
    assert_eq!(
        week.texts(".week-view__day[aria-current=date] h2"),
        [locale::long_date_with_weekday(app::i18n::Lang::Lv, today)]
    );
}

/// In a month without today nothing is marked, and the keyboard (and a phone's agenda) starts
/// at its first day with events, or at its first day when it has none.
#[tokio::test(flavor = "multi_thread")]
async fn another_month_marks_no_day_and_starts_at_its_first_with_events() {
    let site = Site::with_demo_content().await;
    for (month, start) in [
        ("/calendar/2020/08", "day-2020-08-04"),
        ("/calendar/1995/01", "day-1995-01-01"),
    ] {
        let (_, html) = site.get(month).await;
        let page = Page::parse(&html);
        assert_eq!(page.count("[aria-current=date]"), 0, "{month}");
        assert_eq!(
            page.attrs("[role=gridcell][tabindex='0']", "id"),
            [start],
            "{month}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_empty_month_still_renders_and_is_not_indexed() {
    let site = Site::with_demo_content().await;
    let (status, html) = site.get("/calendar/1995/01").await;
    assert_eq!(status, StatusCode::OK);
    let page = Page::parse(&html);
    assert_eq!(page.heading().0, "Notikumu kalendārs — Janvāris, 1995");
    // A paragraph of its own: the structured data in <main> says the same for search engines.
    let paragraphs = page.texts("main p");
    assert!(
        paragraphs
            .iter()
            .any(|shown| shown == "Šajā mēnesī notikumu nav."),
        "{paragraphs:?}"
    );
    assert_eq!(
        page.attr("meta[name=robots]", "content").as_deref(),
        Some("noindex")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn impossible_dates_and_unknown_paths_are_404_pages_in_the_layout() {
    let site = Site::with_demo_content().await;
    for uri in [
        "/calendar/2020/13",
        "/calendar/abc/01",
        "/calendar/2020/00",
        "/calendar/99999/01",
        "/events/nav-tada-notikuma",
        "/news/nav-tada-raksta",
        "/news?page=999",
        "/news?page=abc",
        "/calendar/2021/w53",
        "/calendar/2021/02/29",
        "/calendar/list?page=999",
        "/search?q=moldova&page=abc",
        "/search?q=moldova&page=999",
        "/news/2020/13",
        "/nekas/te/nav",
    ] {
        let (status, html) = site.get(uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        let page = Page::parse(&html);
        // One level-1 heading, the error's (past its end the news list showed its own too).
        assert_eq!(page.heading().0, "Lapa nav atrasta", "{uri}");
        let site_nav = page.links_in("Galvenā navigācija");
        assert!(
            ["/calendar", "/news"]
                .iter()
                .all(|section| site_nav.iter().any(|(_, href)| href == section)),
            "{uri} lacks the site layout's navigation: {site_nav:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn event_pages_show_latvian_dates_places_and_bodies() {
    let site = Site::with_demo_content().await;
    let (status, html) = site
        .get("/events/vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos")
        .await;
    assert_eq!(status, StatusCode::OK);
    let page = Page::parse(&html);
    let title = "Vebinārs par viltus darba piedāvājumiem sociālajos tīklos";
    assert_eq!(page.heading(), (title.to_string(), Some("lv".to_string())));
    assert!(page.shows("otrdiena, 2020. gada 4. augusts, 10:00–12:00"));
    assert_eq!(page.title(), format!("{title} — Notikumi"));

    let (status, html) = site
        .get("/events/informativa-kampana-latvijas-regionu-bibliotekas")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(Page::parse(&html).shows("2020. gada 6.–11. augusts"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_front_page_links_to_calendar_news_and_content() {
    let site = Site::with_demo_content().await;
    let (status, html) = site.get("/").await;
    assert_eq!(status, StatusCode::OK);
    let page = Page::parse(&html);
    assert!(page.links_to("/calendar") && page.links_to("/news"));
    let links = page.links();
    for content in ["/events/", "/news/"] {
        assert!(
            links
                .iter()
                .any(|(name, href)| href.starts_with(content) && !name.is_empty()),
            "a named link to {content}…: {links:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_day_lists_only_its_own_events() {
    let site = Site::with_demo_content().await;
    // The all-day stand on 12 August ends at the midnight that starts the 13th.
    let (_, twelfth) = site.get("/calendar/2020/08/12").await;
    let twelfth = Page::parse(&twelfth);
    assert!(twelfth
        .link_named("Informatīvā stenda diena Rīgas Centrālajā stacijā")
        .is_some());
    assert!(!twelfth.shows("Informatīvā kampaņa Latvijas reģionu bibliotēkās"));
    let (status, thirteenth) = site.get("/calendar/2020/08/13").await;
    assert_eq!(status, StatusCode::OK);
    let thirteenth = Page::parse(&thirteenth);
    assert!(!thirteenth.shows("Informatīvā stenda diena"));
    assert!(thirteenth.shows("Šajā dienā notikumu nav."));
}

#[tokio::test(flavor = "multi_thread")]
async fn series_are_listed_upcoming_with_their_next_time_and_past_with_their_last() {
    let site = Site::with_demo_content().await;
    let (_, upcoming) = site.get("/calendar/list").await;
    let upcoming = Page::parse(&upcoming);
    assert!(
        upcoming
            .link_named("Atbalsta grupas tikšanās cietušajiem un viņu tuviniekiem")
            .is_some(),
        "{:?}",
        upcoming.links()
    );
    // The working group met monthly until the end of 2019.
    assert!(
        !upcoming.shows("Starpinstitūciju darba grupas sēde"),
        "{}",
        upcoming.main_text()
    );
    // Each series says when it next takes place, not only how it repeats.
    let series = upcoming.texts(".agenda-item--series");
    let next = upcoming.texts(".agenda-item--series .agenda-item__next");
    assert_eq!(next.len(), series.len(), "{series:?}");
    assert!(
        next.iter()
            .all(|when| when.starts_with("nākamā reize: ") && when.contains(". gada ")),
        "{next:?}"
    );

    // The past list has the series that took place, with their last time.
    let (_, past) = site.get("/calendar/list?past=1").await;
    let past = Page::parse(&past);
    let group = past
        .texts(".agenda-item--series")
        .into_iter()
        .find(|item| item.contains("Starpinstitūciju darba grupas sēde"));
    assert!(
        group.as_ref().is_some_and(
            |item| item.contains("pēdējā reize: ") && item.contains("2019. gada 11. decembris")
        ),
        "{group:?}: {:?}",
        past.texts(".agenda-item--series")
    );
}

/// The list is one of the calendar's views: its switcher leads to the current month, this
/// week and today, in the list's categories.
#[tokio::test(flavor = "multi_thread")]
async fn the_list_switches_to_the_other_views_in_its_categories() {
    let site = Site::with_demo_content().await;
    // Read again if Riga's day turned while the page was made.
    let (views, today) = loop {
        let today = timezone::today();
        let (_, list) = site.get("/calendar/list?category=apmacibas").await;
        if timezone::today() == today {
            break (Page::parse(&list).links_in("Skats"), today);
        }
    };
    let in_category = |path: String| format!("{path}?category=apmacibas");
    assert_eq!(
        views,
        [
            ("Mēnesis".to_string(), in_category("/calendar".into())),
            (
                "Nedēļa".to_string(),
                in_category(app::paths::week_path(today))
            ),
            (
                "Diena".to_string(),
                in_category(app::paths::day_path(today))
            ),
            ("Saraksts".to_string(), in_category("/calendar/list".into())),
        ]
    );
    // On the past events' list the list's own link, marked current, is that list.
    let (_, past) = site.get("/calendar/list?past=1").await;
    let current = Page::parse(&past).current_links();
    assert!(
        current.contains(&("Saraksts".to_string(), "/calendar/list?past=1".to_string())),
        "{current:?}"
    );
}

/// No two pages of a paged list share a title: the later ones say their number. The link
/// back from the second page leads to the first page's one address, without `page=`.
#[tokio::test(flavor = "multi_thread")]
async fn later_pages_of_a_list_say_their_number_in_the_title() {
    let site = Site::with_demo_content().await;
    for (path, title, back) in [
        ("/news", "Jaunumi — Notikumi", None),
        (
            "/news?page=2",
            "Jaunumi — 2. lapa — Notikumi",
            Some("/news"),
        ),
        ("/calendar/list?past=1", "Notikumu arhīvs — Notikumi", None),
        (
            "/calendar/list?past=1&page=2",
            "Notikumu arhīvs — 2. lapa — Notikumi",
            Some("/calendar/list?past=1"),
        ),
        (
            "/en/calendar/list?past=1&page=3",
            "Event archive — page 3 — Notikumi",
            Some("/en/calendar/list?past=1&page=2"),
        ),
    ] {
        let (status, html) = site.get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let page = Page::parse(&html);
        assert_eq!(page.title(), title, "{path}");
        assert_eq!(page.attr("a[rel=prev]", "href").as_deref(), back, "{path}");
    }
    let (_, second) = site.get("/search?q=cilv&page=2").await;
    assert_eq!(
        Page::parse(&second).attr("a[rel=prev]", "href").as_deref(),
        Some("/search?q=cilv"),
        "search's second page leads back to the first's one address"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn dates_beyond_the_calendar_are_not_found_rather_than_a_crash() {
    let site = Site::with_demo_content().await;
    for uri in [
        "/events/atbalsta-grupas-tiksanas-cietusajiem-un-vinu-tuviniekiem?date=%2B262142-12-31",
        "/events/atbalsta-grupas-tiksanas-cietusajiem-un-vinu-tuviniekiem?date=nav-datums",
        "/calendar/9999/12",
    ] {
        assert_eq!(site.get(uri).await.0, StatusCode::NOT_FOUND, "{uri}");
    }
    let (status, body) = site
        .get("/api/events?start=%2B262142-12-30&end=%2B262142-12-31T12:00:00")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let error: serde_json::Value = serde_json::from_str(&body).expect("a JSON error");
    assert!(
        error["error"]
            .as_str()
            .is_some_and(|message| message.contains("between the years")),
        "{body}"
    );
    assert_eq!(site.get("/healthz").await.0, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_calendars_first_and_last_periods_open_and_link_no_further() {
    let site = Site::with_demo_content().await;
    // The grid of December 2999 reaches into January 3000, outside the calendar's years.
    for (uri, beyond) in [
        ("/calendar/2999/12", "/calendar/3000/01"),
        ("/calendar/1900/01", "/calendar/1899/12"),
        ("/calendar/2999/12/31", "/calendar/3000/01/01"),
        ("/calendar/1900/01/01", "/calendar/1899/12/31"),
        // 31 December 2999 is in ISO year 3000's first week.
        ("/calendar/3000/w01", "/calendar/3000/w02"),
        ("/calendar/1900/w01", "/calendar/1899/w52"),
    ] {
        let (status, body) = site.get(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        let links = Page::parse(&body).links();
        assert!(
            !links.iter().any(|(_, href)| href.starts_with(beyond)),
            "{uri} links to {beyond}: {links:?}"
        );
        assert_eq!(site.get(beyond).await.0, StatusCode::NOT_FOUND, "{beyond}");
        let calendar_links: std::collections::BTreeSet<_> = links
            .into_iter()
            .map(|(_, href)| href)
            .filter(|href| href.starts_with("/calendar/") || href.starts_with("/events/"))
            .collect();
        for href in calendar_links {
            assert_eq!(
                site.get(&href).await.0,
                StatusCode::OK,
                "{uri} links to {href}"
            );
        }
    }
    let (_, november) = site.get("/calendar/2999/11").await;
    let november = Page::parse(&november);
    assert_eq!(
        november.link_named("Nākamais mēnesis").as_deref(),
        Some("/calendar/2999/12"),
        "the month before links on: {:?}",
        november.links()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn search_finds_articles_and_events_without_diacritics() {
    let site = Site::with_demo_content().await;
    let (status, found) = site.get("/search?q=moldova").await;
    assert_eq!(status, StatusCode::OK);
    let found = Page::parse(&found);
    let article = "Lietuva un Latvija sniegs atbalstu Moldovai cīņā pret cilvēku tirdzniecību";
    assert!(
        found
            .link_named(article)
            .is_some_and(|href| href.starts_with("/news/")),
        "{:?}",
        found.links()
    );
    // The word found, with its diacritics and ending, is highlighted.
    let marked = found.texts("main mark");
    assert!(
        marked
            .iter()
            .any(|word| word == "Moldovai" || word == "Moldovas"),
        "{marked:?}"
    );

    // Russian readers type `е` for `ё`, and find the same as with it.
    let russian = |query: &str| {
        let site = &site;
        let query = query.to_string();
        async move {
            let uri = format!("/ru/search?q={}", urlencoding(&query));
            let (_, html) = site.get(&uri).await;
            Page::parse(&html).texts("main ol > li")
        }
    };
    let with_yo = russian("Кишинёв").await;
    assert!(!with_yo.is_empty(), "the demo's Russian text names Кишинёв");
    assert_eq!(russian("Кишинев").await, with_yo);

    let (_, folded) = site.get("/search?q=cilveku+tirdzniec").await;
    let folded = Page::parse(&folded);
    let status_line = folded.texts("[role=status]");
    assert!(
        status_line
            .iter()
            .any(|said| said.starts_with("Atrasti rezultāti: ")),
        "{status_line:?}"
    );
    let marked = folded.texts("main mark");
    assert!(
        marked
            .iter()
            .any(|word| word == "cilvēku" || word == "Cilvēku"),
        "{marked:?}"
    );

    let (_, events) = site.get("/search?q=bibliotek&kind=event").await;
    let events = Page::parse(&events);
    assert!(
        events
            .link_named("Informatīvā kampaņa Latvijas reģionu bibliotēkās")
            .is_some(),
        "{:?}",
        events.links()
    );
    // Each result names its kind before its date: only events, no news ("Jaunums").
    let results = events.texts("main ol > li");
    assert!(
        !results.is_empty() && results.iter().all(|result| result.contains("Notikums ·")),
        "{results:?}"
    );

    for hostile in [
        "/search?q=%22",
        "/search?q=*+OR+(",
        "/search?q=%27%3B+DROP+TABLE",
    ] {
        let (status, html) = site.get(hostile).await;
        assert_eq!(status, StatusCode::OK, "{hostile}");
        assert_eq!(Page::parse(&html).heading().0, "Meklēšana", "{hostile}");
    }
    let long = format!("/search?q={}", "a".repeat(1000));
    assert_eq!(site.get(&long).await.0, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_kind_of_page_names_its_canonical_url_and_opengraph_tags() {
    let site = Site::with_demo_content().await;
    for (path, expected) in [
        ("/", "https://notikumi.example.lv/"),
        ("/news", "https://notikumi.example.lv/news"),
        ("/news?page=2", "https://notikumi.example.lv/news?page=2"),
        ("/news/2018/03", "https://notikumi.example.lv/news/2018/03"),
        (
            "/calendar/2020/08?category=apmacibas",
            "https://notikumi.example.lv/calendar/2020/08",
        ),
        (
            "/calendar/2020/w32",
            "https://notikumi.example.lv/calendar/2020/w32",
        ),
        (
            "/calendar/2020/08/04",
            "https://notikumi.example.lv/calendar/2020/08/04",
        ),
        (
            "/calendar/list?past=1",
            "https://notikumi.example.lv/calendar/list?past=1",
        ),
    ] {
        let (status, page) = site.get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let page = Page::parse(&page);
        assert_eq!(
            page.attr("link[rel=canonical]", "href").as_deref(),
            Some(expected),
            "{path}"
        );
        assert_eq!(
            page.attr("meta[property='og:url']", "content").as_deref(),
            Some(expected),
            "{path}"
        );
        for (tag, css) in [
            ("og:title", "meta[property='og:title']"),
            ("description", "meta[name=description]"),
        ] {
            assert!(
                page.attr(css, "content")
                    .is_some_and(|content| !content.is_empty()),
                "{path} has {tag}"
            );
        }
        let data = page.structured_data();
        assert!(
            !data.is_empty()
                && data
                    .iter()
                    .all(|item| item["@context"] == "https://schema.org"),
            "{path} has JSON-LD: {data:?}"
        );
    }
    let (_, home) = site.get("/").await;
    let data = Page::parse(&home).structured_data();
    assert!(
        data.iter()
            .any(|item| item["potentialAction"]["@type"] == "SearchAction"),
        "{data:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_calendar_marks_news_days_only_when_asked() {
    let site = Site::with_demo_content().await;
    let article =
        "/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu";
    let (_, plain) = site.get("/calendar/2018/03").await;
    let plain = Page::parse(&plain);
    // Unasked, the grid links to no article on its days.
    let articles: Vec<_> = plain
        .links()
        .into_iter()
        .filter(|(_, href)| href.starts_with("/news/"))
        .collect();
    assert!(articles.is_empty(), "{articles:?}");
    let show_news = "Rādīt ziņu dienas";
    assert_eq!(
        plain.link_named(show_news).as_deref(),
        Some("/calendar/2018/03?news=1")
    );

    let (status, marked) = site.get("/calendar/2018/03?news=1").await;
    assert_eq!(status, StatusCode::OK);
    let marked = Page::parse(&marked);
    let days = marked.texts("[role=gridcell]");
    assert!(
        days.iter()
            .any(|day| day.contains("2018. gada 26. marts, 0 notikumi, 1 ziņa")),
        "{days:?}"
    );
    assert!(marked.links_to(article), "{:?}", marked.links());
    // The choice is kept when moving on and can be undone.
    assert_eq!(
        marked.link_named("Nākamais mēnesis").as_deref(),
        Some("/calendar/2018/04?news=1")
    );
    let hide_news = "Nerādīt ziņu dienas";
    assert_eq!(
        marked.link_named(show_news),
        None,
        "it says what it does now"
    );
    assert_eq!(
        marked.link_named(hide_news).as_deref(),
        Some("/calendar/2018/03")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn server_functions_answer_errors_with_their_own_status() {
    use leptos::server_fn::ServerFn;
    let site = Site::with_demo_content().await;
    let missing = site
        .post_form(
            app::articles::GetArticle::PATH,
            "slug=nav-tada-raksta&lang=Lv",
            None,
            Some(crate::common::ORIGIN),
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND, "{}", missing.body);
    assert_eq!(
        serde_json::from_str::<app::error::AppError>(&missing.body).ok(),
        Some(app::error::AppError::NotFound),
        "{}",
        missing.body
    );
}

/// An address typed with a slash at its end leads to the page without it, query kept; an
/// address that would lead to another site does not.
#[tokio::test(flavor = "multi_thread")]
async fn a_slash_at_the_end_of_an_address_leads_to_the_page() {
    let site = Site::with_demo_content().await;
    for (typed, page) in [
        ("/en/", "/en"),
        ("/ru/", "/ru"),
        ("/news/", "/news"),
        ("/news/?page=1", "/news?page=1"),
    ] {
        let answer = site.send(request(typed)).await;
        assert_eq!(answer.status, StatusCode::PERMANENT_REDIRECT, "{typed}");
        assert_eq!(answer.headers[http::header::LOCATION], page, "{typed}");
        let (status, _) = site.get(page).await;
        assert_eq!(status, StatusCode::OK, "{page}");
    }
    let unknown = site.send(request("/nav-tadas-lapas/")).await;
    assert_eq!(unknown.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(unknown.headers[http::header::LOCATION], "/nav-tadas-lapas");
    let elsewhere = site.send(request("//example.com/")).await;
    assert_eq!(elsewhere.status, StatusCode::NOT_FOUND);
    assert_eq!(elsewhere.headers.get(http::header::LOCATION), None);
}

fn request(uri: &str) -> http::Request<axum::body::Body> {
    let request = http::Request::get(uri).body(axum::body::Body::empty());
    request.expect("request")
}

/// `text` as a URL's query value: every byte percent-encoded.
fn urlencoding(text: &str) -> String {
    text.bytes().map(|byte| format!("%{byte:02X}")).collect()
}
