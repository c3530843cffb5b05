//! The interface in Latvian (no prefix), English (`/en`) and Russian (`/ru`): the same pages
//! under each prefix, in that language, with `lang` set and every language version linked.

use http::StatusCode;

use crate::{common::Site, read::Page};

#[tokio::test(flavor = "multi_thread")]
async fn each_language_has_the_calendar_in_its_own_words() {
    let site = Site::with_demo_content().await;
    for (prefix, lang, heading, busy_day) in [
        (
            "",
            "lv",
            "Notikumu kalendārs — Augusts, 2020",
            "otrdiena, 2020. gada 4. augusts, 1 notikums",
        ),
        (
            "/en",
            "en",
            "Event calendar — August 2020",
            "Tuesday, 4 August 2020, 1 event",
        ),
        (
            "/ru",
            "ru",
            "Календарь событий — Август 2020",
            "вторник, 4 августа 2020 г., 1 событие",
        ),
    ] {
        let path = format!("{prefix}/calendar/2020/08");
        let (status, html) = site.get(&path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let page = Page::parse(&html);
        assert_eq!(page.lang(), lang, "{path}");
        assert_eq!(page.heading().0, heading, "{path}");
        assert!(page.shows(busy_day), "{path}: {busy_day}");
        assert_eq!(
            page.attr("link[type='application/atom+xml']", "href"),
            Some(format!("{prefix}/feed.xml")),
            "{path}: the news feed in its language"
        );
        let alternates = page.alternates();
        for (code, prefix) in [("lv", ""), ("en", "/en"), ("ru", "/ru"), ("x-default", "")] {
            let href = format!("https://notikumi.example.lv{prefix}/calendar/2020/08");
            assert!(
                alternates.contains(&(code.to_string(), href.clone())),
                "{path}: {code} {href} in {alternates:?}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn links_keep_the_readers_language_and_unknown_pages_say_so_in_it() {
    let site = Site::with_demo_content().await;
    let (status, home) = site.get("/en").await;
    assert_eq!(status, StatusCode::OK);
    let home = Page::parse(&home);
    assert_eq!(home.heading().0, "Preventing human trafficking");
    assert!(
        home.links_to("/en/calendar"),
        "the navigation stays in English"
    );
    assert_eq!(
        home.attr(".language-switcher a[hreflang='ru']", "lang")
            .as_deref(),
        Some("ru"),
        "the switcher offers Russian, in Russian"
    );

    let (status, page) = site.get("/ru/nav-tadas-lapas").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(Page::parse(&page).says("Страница не найдена"), "{page}");

    let (_, latvian) = site.get("/news").await;
    let latvian = Page::parse(&latvian);
    assert_eq!(latvian.lang(), "lv");
    assert_eq!(latvian.heading().0, "Jaunumi");
    let (_, russian) = site.get("/ru/news").await;
    assert_eq!(Page::parse(&russian).heading().0, "Новости");
}

const MOLDOVA: &str =
    "/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu";

#[tokio::test(flavor = "multi_thread")]
async fn a_translated_article_is_read_in_the_readers_language_and_links_its_versions() {
    let site = Site::with_demo_content().await;
    let (status, english) = site.get(&format!("/en{MOLDOVA}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        english.contains("\"inLanguage\":\"en\""),
        "structured data says English"
    );
    let english = Page::parse(&english);
    let (title, lang) = english.heading();
    assert!(
        title.contains("Lithuania and Latvia to support Moldova"),
        "{title}"
    );
    assert_eq!(lang.as_deref(), Some("en"));
    let (_, russian) = site.get(&format!("/ru{MOLDOVA}")).await;
    assert!(Page::parse(&russian)
        .heading()
        .0
        .contains("Литва и Латвия поддержат Молдову"));
    let codes: Vec<String> = english
        .alternates()
        .into_iter()
        .map(|(code, _)| code)
        .collect();
    assert_eq!(
        codes,
        ["lv", "en", "ru", "x-default"],
        "every version linked"
    );

    // An article without translations keeps its Latvian text (marked as such) under /en,
    // and names only its Latvian version.
    let (status, untranslated) = site
        .get("/en/news/darba-inspektori-macas-atpazit-darba-ekspluataciju")
        .await;
    assert_eq!(status, StatusCode::OK);
    let untranslated = Page::parse(&untranslated);
    assert_eq!(
        untranslated.heading(),
        (
            "Darba inspektori mācās atpazīt darba ekspluatāciju".to_string(),
            Some("lv".to_string())
        )
    );
    let codes: Vec<String> = untranslated
        .alternates()
        .into_iter()
        .map(|(code, _)| code)
        .collect();
    assert_eq!(codes, ["lv", "x-default"], "only the Latvian version");
    let latvian =
        "https://notikumi.example.lv/news/darba-inspektori-macas-atpazit-darba-ekspluataciju";
    assert_eq!(
        untranslated.attr("link[rel=canonical]", "href").as_deref(),
        Some(latvian),
        "one text, one canonical URL: the Latvian page's"
    );
    let data = untranslated.structured_data();
    assert!(data.iter().any(|item| item["url"] == latvian), "{data:?}");
    assert_eq!(
        untranslated
            .attr("meta[property='og:locale']", "content")
            .as_deref(),
        Some("lv_LV"),
        "the text's locale"
    );
    // An event alike; its "add to Google Calendar" link still leads back to the reader's page.
    let consultations = "/events/atverto-durvju-konsultacijas-par-drosu-darbu-arzemes";
    let (_, event) = site.get(&format!("/en{consultations}")).await;
    let event = Page::parse(&event);
    assert_eq!(
        event.attr("link[rel=canonical]", "href"),
        Some(format!("https://notikumi.example.lv{consultations}"))
    );
    let google = event
        .link_named("Google")
        .expect("an add-to-Google-Calendar link");
    let back = format!(
        "notikumi.example.lv%2Fen{}",
        consultations.replace('/', "%2F")
    );
    assert!(google.contains(&back), "{google}");
    assert_eq!(
        english.attr("link[rel=canonical]", "href"),
        Some(format!("https://notikumi.example.lv/en{MOLDOVA}")),
        "a translation is its own page"
    );

    let webinar = "/events/vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos";
    let (_, event) = site.get(&format!("/en{webinar}")).await;
    assert_eq!(
        Page::parse(&event).heading(),
        (
            "Webinar on fake job offers in social networks".to_string(),
            Some("en".to_string())
        )
    );
    let (_, event_ru) = site.get(&format!("/ru{webinar}")).await;
    assert_eq!(
        Page::parse(&event_ru).heading().1.as_deref(),
        Some("lv"),
        "no Russian version yet"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_events_news_are_named_in_the_readers_language_like_every_other_list() {
    let site = Site::with_demo_content().await;
    let meeting = "/events/starptautiska-projekta-uzsaksanas-sanaksme-kisineva";
    let (status, english) = site.get(&format!("/en{meeting}")).await;
    assert_eq!(status, StatusCode::OK);
    // The event has no English version; the article about it has one, and its link says so.
    let english = Page::parse(&english);
    assert_eq!(english.heading().1.as_deref(), Some("lv"));
    assert!(
        english
            .link_named("Lithuania and Latvia to support Moldova")
            .is_some_and(|href| href.starts_with("/en/news/")),
        "the news about the event in English: {:?}",
        english.links()
    );
    let (_, latvian) = site.get(meeting).await;
    let latvian = Page::parse(&latvian);
    assert!(latvian
        .link_named("Lietuva un Latvija sniegs atbalstu Moldovai")
        .is_some());
    assert!(!latvian.shows("Lithuania and Latvia"));
}

#[tokio::test(flavor = "multi_thread")]
async fn lists_and_calendars_name_translated_items_in_the_readers_language() {
    let site = Site::with_demo_content().await;
    let (_, august) = site.get("/en/calendar/2020/08").await;
    let august = Page::parse(&august);
    assert_eq!(
        august
            .lang_of(".month-chip__title", "Webinar on fake job offers")
            .as_deref(),
        Some("en"),
        "a translated title is marked English"
    );
    assert_eq!(
        august
            .lang_of(".month-bar__title", "Informatīvā kampaņa")
            .as_deref(),
        Some("lv"),
        "an untranslated title is marked Latvian on the English page"
    );
    let (_, day) = site.get("/en/calendar/2020/08/04").await;
    assert!(Page::parse(&day).shows("Webinar on fake job offers in social networks"));
    let (_, archive) = site.get("/ru/news/2018/03").await;
    assert!(Page::parse(&archive)
        .link_named("Литва и Латвия поддержат Молдову")
        .is_some());
    let (_, latvian) = site.get("/calendar/2020/08").await;
    let latvian = Page::parse(&latvian);
    assert!(latvian.shows("Vebinārs par viltus darba piedāvājumiem sociālajos tīklos"));
    assert!(!latvian.shows("Webinar on fake job offers"));
}

#[tokio::test(flavor = "multi_thread")]
async fn each_language_has_its_news_feed_with_the_translations() {
    let site = Site::with_demo_content().await;
    let moldova = "lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu";
    // Its English version leaves the lead in Latvian.
    site.behind_the_stores_back(&format!(
        "UPDATE article_translations SET lead = '' WHERE lang = 'en' \
         AND article_id = (SELECT id FROM articles WHERE slug = '{moldova}')"
    ))
    .await;
    let (status, _, body) = site.get_typed("/en/feed.xml").await;
    assert_eq!(status, StatusCode::OK);
    let feed = atom_syndication::Feed::read_from(body.as_bytes()).expect("valid Atom");
    assert_eq!(feed.title.value, "Notikumi — news");
    assert_eq!(feed.lang.as_deref(), Some("en"));
    assert_eq!(feed.entries.len(), 16);
    let translated = feed
        .entries
        .iter()
        .find(|entry| entry.links[0].href.ends_with(moldova))
        .expect("the translated article");
    assert_eq!(
        translated.links[0].href,
        format!("https://notikumi.example.lv/en/news/{moldova}")
    );
    assert!(translated.id.ends_with("-en"), "{}", translated.id);
    assert_eq!(
        translated.title.value,
        "Lithuania and Latvia to support Moldova in the fight against human trafficking"
    );
    assert_eq!(translated.title.lang, None, "in the feed's own language");
    let lead = translated.summary.as_ref().expect("the lead");
    assert_eq!(
        lead.lang.as_deref(),
        Some("lv"),
        "the part left in Latvian says so"
    );
    // The others are in Latvian, and say so.
    let untranslated = feed
        .entries
        .iter()
        .find(|entry| !entry.links[0].href.ends_with(moldova))
        .expect("an untranslated article");
    assert_eq!(untranslated.title.lang.as_deref(), Some("lv"));
    assert!(untranslated.links[0]
        .href
        .starts_with("https://notikumi.example.lv/en/news/"));

    let (_, _, russian) = site.get_typed("/ru/feed.xml").await;
    let feed = atom_syndication::Feed::read_from(russian.as_bytes()).expect("valid Atom");
    assert_eq!(feed.title.value, "Notikumi — новости");
    assert!(feed.entries.iter().any(|entry| entry
        .title
        .value
        .starts_with("Литва и Латвия поддержат Молдову")));
}

#[tokio::test(flavor = "multi_thread")]
async fn calendar_feeds_speak_the_readers_language() {
    let site = Site::with_demo_content().await;
    let webinar = "vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos";
    let (status, content_type, body) = site.get_typed("/en/calendar.ics").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "text/calendar; charset=utf-8");
    let body = body.replace("\r\n ", "");
    assert!(body.contains("X-WR-CALNAME:Notikumi event calendar\r\n"));
    assert!(
        body.contains("CATEGORIES:Training\r\n"),
        "category names in English"
    );
    let (_, _, latvian_feed) = site.get_typed("/calendar.ics").await;
    assert_eq!(
        body.matches("BEGIN:VEVENT").count(),
        latvian_feed.matches("BEGIN:VEVENT").count(),
        "the same events in every language"
    );

    // The webinar (August 2020) ended long before the site feed's window; its own feed stays.
    let (status, _, one) = site.get_typed(&format!("/en/events/{webinar}.ics")).await;
    assert_eq!(status, StatusCode::OK);
    let one = one.replace("\r\n ", "");
    assert!(one.contains("SUMMARY:Webinar on fake job offers in social networks\r\n"));
    assert!(one.contains(&format!(
        "URL:https://notikumi.example.lv/en/events/{webinar}\r\n"
    )));
    let (status, _, latvian) = site.get_typed(&format!("/ru/events/{webinar}.ics")).await;
    assert_eq!(status, StatusCode::OK, "no Russian version: the original");
    assert!(latvian.contains("SUMMARY:Vebinārs par viltus darba piedāvājumiem"));
    let (status, _, missing) = site.get_typed("/ru/events/nav-tada.ics").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(missing, "Страница не найдена.");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sitemap_lists_each_page_in_the_languages_it_is_written_in() {
    let site = Site::with_demo_content().await;
    let (status, _, body) = site.get_typed("/sitemaps/1.xml").await;
    assert_eq!(status, StatusCode::OK);
    let loc = |path: &str| format!("<loc>https://notikumi.example.lv{path}</loc>");
    let moldova =
        "/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu";
    for path in ["/en/calendar", "/ru/calendar/2020/08", moldova] {
        assert!(body.contains(&loc(path)), "{path}");
    }
    assert!(body.contains(&loc(&format!("/ru{moldova}"))));
    assert!(body.contains(&format!(
        r#"<xhtml:link rel="alternate" hreflang="en" href="https://notikumi.example.lv/en{moldova}"/>"#
    )));
    // An article nobody translated is listed once, in Latvian.
    let untranslated = "/news/darba-inspektori-macas-atpazit-darba-ekspluataciju";
    assert!(body.contains(&loc(untranslated)));
    assert!(!body.contains(&loc(&format!("/en{untranslated}"))));
}

#[tokio::test(flavor = "multi_thread")]
async fn how_an_event_repeats_is_said_in_each_language() {
    let site = Site::with_demo_content().await;
    let slug = "atbalsta-grupas-tiksanas-cietusajiem-un-vinu-tuviniekiem";
    for (prefix, words) in [
        ("", "katra mēneša pēdējā ceturtdienā"),
        ("/en", "every month on the last Thursday"),
        ("/ru", "каждый месяц, в последний четверг"),
    ] {
        let (status, body) = site.get(&format!("{prefix}/events/{slug}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(body.contains(words), "{prefix}: {words}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn categories_are_named_in_the_readers_language() {
    let site = Site::with_demo_content().await;
    for (prefix, name) in [("", "Apmācības"), ("/en", "Training"), ("/ru", "Обучение")] {
        let (status, page) = site.get(&format!("{prefix}/calendar/2020/08")).await;
        assert_eq!(status, StatusCode::OK);
        // The filter's labels name every category in the page's own language.
        let labels = Page::parse(&page).texts(".calendar-filter .category-label");
        assert!(
            labels.iter().any(|label| label == name),
            "{prefix}: {labels:?}"
        );
        if !prefix.is_empty() {
            assert!(
                !labels.iter().any(|label| label == "Apmācības"),
                "{prefix}: no Latvian name left: {labels:?}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn english_readers_find_the_english_version() {
    let site = Site::with_demo_content().await;
    let (status, page) = site.get("/en/search?q=Chisinau").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(
            "Lithuania and Latvia to support Moldova in the fight against human trafficking"
        ),
        "the English title"
    );
    assert_eq!(
        Page::parse(&page)
            .lang_of(".search-result__title a", "Lithuania and Latvia")
            .as_deref(),
        Some("en"),
        "the English title is marked English"
    );
    let (_, latvian) = site.get("/search?q=Chisinau").await;
    assert!(
        !latvian.contains("Lithuania and Latvia"),
        "Latvian readers search the Latvian text"
    );
}

/// In lists, an item not translated yet says that its text is Latvian, in the page's own
/// language; a translated one says nothing of it.
#[tokio::test(flavor = "multi_thread")]
async fn lists_say_which_items_are_still_in_latvian() {
    let site = Site::with_demo_content().await;
    let translated =
        "Lithuania and Latvia to support Moldova in the fight against human trafficking";
    let (_, found) = site.get("/en/search?q=moldova").await;
    let found = crate::read::Page::parse(&found);
    let results = found.texts(".search-result");
    assert!(
        results
            .iter()
            .any(|result| result.contains(translated) && !result.contains("in Latvian")),
        "{results:?}"
    );
    assert!(
        results.iter().any(|result| result.contains("in Latvian")),
        "{results:?}"
    );
    for (prefix, note) in [("/en", "in Latvian"), ("/ru", "на латышском языке")] {
        let (_, news) = site.get(&format!("{prefix}/news")).await;
        let news = crate::read::Page::parse(&news);
        // Every item says it, and only those whose title is marked Latvian.
        let items = news.texts(".news-list > li");
        let said = items.iter().filter(|item| item.contains(note)).count();
        assert_eq!(
            said,
            news.count(".news-list h2 a[lang=lv]"),
            "{prefix}: {items:?}"
        );
        assert!(said > 0, "{prefix}: {items:?}");
    }
    let (_, latvian) = site.get("/news").await;
    assert!(
        !latvian.contains("latviešu valodā"),
        "nothing to say on a Latvian page"
    );
}

/// Text with Latvian letters that no element marks as Latvian, and control labels
/// (`aria-label`, `placeholder`, `alt`) with them: on an English or Russian page the interface
/// must be in that language, and content left in Latvian must say so, for screen readers.
fn unmarked_latvian(page: &str) -> Vec<String> {
    let latvian = |text: &str| text.chars().any(|c| "āēīūčšžņļķģĀĒĪŪČŠŽŅĻĶĢ".contains(c));
    let document = scraper::Html::parse_document(page);
    let body = scraper::Selector::parse("body").expect("selector");
    let mut found = Vec::new();
    let Some(body) = document.select(&body).next() else {
        return vec!["no body".into()];
    };
    for node in body.descendants() {
        let elements = || node.ancestors().filter_map(|n| n.value().as_element());
        let lang = node
            .value()
            .as_element()
            .and_then(|element| element.attr("lang"))
            .or_else(|| elements().find_map(|element| element.attr("lang")));
        if lang == Some("lv") {
            continue;
        }
        if let Some(text) = node.value().as_text() {
            let hidden = elements().any(|element| matches!(element.name(), "script" | "style"));
            if !hidden && latvian(text) {
                found.push(text.trim().to_string());
            }
        } else if let Some(element) = node.value().as_element() {
            for name in ["aria-label", "placeholder", "alt"] {
                if let Some(value) = element.attr(name).filter(|value| latvian(value)) {
                    found.push(format!("{name}={value}"));
                }
            }
        }
    }
    found
}

#[tokio::test(flavor = "multi_thread")]
async fn english_and_russian_pages_leave_no_latvian_unmarked() {
    let site = Site::with_demo_content().await;
    let paths = [
        "",
        "/calendar/2020/08",
        "/calendar/2020/w32",
        "/calendar/2020/08/04",
        "/calendar/list",
        "/news",
        "/news/2018",
        "/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu",
        "/news/darba-inspektori-macas-atpazit-darba-ekspluataciju",
        "/events/vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos",
        "/events/atbalsta-grupas-tiksanas-cietusajiem-un-vinu-tuviniekiem",
        "/search?q=darbs",
        "/login",
        "/nav-tadas-lapas",
    ];
    assert!(
        !unmarked_latvian("<html lang=\"en\"><body><p>Sākums</p></body></html>").is_empty(),
        "the check sees Latvian"
    );
    for prefix in ["/en", "/ru"] {
        for path in paths {
            let url = format!("{prefix}{path}");
            let (_, page) = site.get(&url).await;
            let found = unmarked_latvian(&page);
            assert!(found.is_empty(), "{url}: {found:#?}");
        }
    }
    // Editors see the same pages with their tools, and the desk and audit log.
    let admin = site
        .signed_in("anna@example.lv", app::auth::Role::Admin)
        .await;
    for prefix in ["/en", "/ru"] {
        for path in [
            "/editor",
            "/editor/audit",
            "/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu",
            "/calendar/2020/08",
        ] {
            let url = format!("{prefix}{path}");
            let page = site.get_as(&url, &admin).await;
            let found = unmarked_latvian(&page.body);
            assert!(found.is_empty(), "{url} for editors: {found:#?}");
        }
    }
}
