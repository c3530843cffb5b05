//! The router answered through `oneshot`, without a socket: status codes and the server-rendered
//! HTML a reader (or a search engine, or a browser without JavaScript) gets.

use crate::{common::Site, read::Page};
use app::{locale, timezone};
use chrono::Datelike;
use http::StatusCode;

mod calendar;
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
    // A word in another form than the text's finds it: the demo says "торговлей" and
    // "торговлю", a reader types "торговля".
    let trade = russian("торговля").await;
    assert!(!trade.is_empty(), "торговля finds торговлей");
    assert_eq!(russian("торговлю").await, trade);

    // The same in Latvian: the demo has "seminārs", "semināra" and "seminārā".
    let (_, seminars) = site.get("/search?q=semin%C4%81ri").await;
    let seminars = Page::parse(&seminars);
    let marked = seminars.texts("main mark");
    assert!(
        !marked.is_empty()
            && marked
                .iter()
                .all(|word| word.to_lowercase().starts_with("seminār")),
        "{marked:?}"
    );

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
