//! The interface in Latvian (no prefix), English (`/en`) and Russian (`/ru`): the same pages
//! under each prefix, in that language, with `lang` set and every language version linked.

use http::StatusCode;

use crate::common::Site;

#[tokio::test(flavor = "multi_thread")]
async fn each_language_has_the_calendar_in_its_own_words() {
    let site = Site::with_demo_content().await;
    for (path, lang, heading, weekday) in [
        (
            "/calendar/2020/08",
            "lv",
            "Notikumu kalendārs — Augusts, 2020",
            "otrdiena, 2020. gada 4. augusts, 1 notikums",
        ),
        (
            "/en/calendar/2020/08",
            "en",
            "Event calendar — August 2020",
            "Tuesday, 4 August 2020, 1 event",
        ),
        (
            "/ru/calendar/2020/08",
            "ru",
            "Календарь событий — Август 2020",
            "вторник, 4 августа 2020 г., 1 событие",
        ),
    ] {
        let (status, page) = site.get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            page.contains(&format!("<html lang=\"{lang}\"")),
            "{path}: html lang"
        );
        assert!(page.contains(heading), "{path}: {heading}");
        assert!(page.contains(weekday), "{path}: {weekday}");
        for (code, prefix) in [("lv", ""), ("en", "/en"), ("ru", "/ru"), ("x-default", "")] {
            let alternate = format!(
                "<link href=\"https://notikumi.example.lv{prefix}/calendar/2020/08\" hreflang=\"{code}\" rel=\"alternate\">"
            );
            let links: Vec<&str> = page
                .split('<')
                .filter(|tag| tag.contains("hreflang"))
                .collect();
            assert!(
                page.contains(&alternate),
                "{path}: {alternate} in {links:?}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn links_keep_the_readers_language_and_unknown_pages_say_so_in_it() {
    let site = Site::with_demo_content().await;
    let (status, home) = site.get("/en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("Preventing human trafficking"));
    assert!(
        home.contains("href=\"/en/calendar\""),
        "the navigation stays in English"
    );
    assert!(
        home.contains("hreflang=\"ru\" lang=\"ru\""),
        "the switcher offers Russian"
    );

    let (status, page) = site.get("/ru/nav-tadas-lapas").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("Страница не найдена"), "{page}");

    let (_, latvian) = site.get("/news").await;
    assert!(latvian.contains("<html lang=\"lv\""));
    assert!(latvian.contains("<h1>Jaunumi</h1>"));
    let (_, russian) = site.get("/ru/news").await;
    assert!(russian.contains("<h1>Новости</h1>"));
}
