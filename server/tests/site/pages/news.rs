//! News and articles as readers get them from the server: the list, the archive, categories,
//! an article's metadata, files, neighbours and related articles, and an event's news.

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn news_lists_newest_first_and_opens_the_2018_article() {
    let site = Site::with_demo_content().await;
    let (status, first_page) = site.get("/news").await;
    assert_eq!(status, StatusCode::OK);
    let first_page = Page::parse(&first_page);
    assert!(first_page.shows("1. lapa no 2"));
    let (status, second_page) = site.get("/news?page=2").await;
    assert_eq!(status, StatusCode::OK);
    let second_page = Page::parse(&second_page);
    assert!(second_page.shows("2. lapa no 2"));
    let dates = |page: &Page| page.attrs("main time[datetime]", "datetime");
    let all: Vec<String> = dates(&first_page)
        .into_iter()
        .chain(dates(&second_page))
        .collect();
    assert_eq!(all.len(), 16);
    assert!(
        all.windows(2).all(|pair| pair[0] >= pair[1]),
        "newest first: {all:?}"
    );

    let (status, article) = site
        .get("/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu")
        .await;
    assert_eq!(status, StatusCode::OK);
    let article = Page::parse(&article);
    assert!(article.shows("26.03.2018"));
    assert_eq!(
        article.count("main .prose ul li"),
        3,
        "the body's bulleted list"
    );
    assert!(article.shows("tālrunis 67014582"));
}

/// A published article of 10:00 on `day` November 2019, in `category` if one is named.
fn november_news(title: &str, day: u32, category: Option<&str>) -> app::storage::NewArticle {
    app::storage::NewArticle {
        title: title.to_string(),
        lead: "Ievads.".into(),
        body_html: app::sanitize::SafeHtml::sanitize("<p>Teksts.</p>"),
        contact: String::new(),
        published_at: app::timezone::instant(
            chrono::NaiveDate::from_ymd_opt(2019, 11, day)
                .and_then(|date| date.and_hms_opt(10, 0, 0))
                .expect("a date"),
        ),
        category: category.map(String::from),
        event: None,
        attachments: Vec::new(),
        status: app::storage::Status::Published,
    }
}

/// A year with more articles than one page holds: its description counts them all, as the
/// month index does, not only those on the page.
#[tokio::test(flavor = "multi_thread")]
async fn an_archive_years_description_counts_every_article_in_it() {
    let site = Site::with_demo_content().await;
    let more: Vec<_> = (1..=11)
        .map(|day| november_news(&format!("Ziņa {day}. novembrī"), day, None))
        .collect();
    site.store.create_articles(&more).await.expect("stored");
    let (status, year) = site.get("/news/2019").await;
    assert_eq!(status, StatusCode::OK);
    let year = Page::parse(&year);
    assert_eq!(year.count("main time[datetime]"), 10, "one page");
    assert_eq!(
        year.attr("meta[name=description]", "content").as_deref(),
        Some("Jaunumu arhīvs — 2019: 13 raksti.")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_news_archive_goes_by_year_and_month_with_counts() {
    let site = Site::with_demo_content().await;
    let (status, year) = site.get("/news/2018").await;
    assert_eq!(status, StatusCode::OK);
    let year = Page::parse(&year);
    assert_eq!(year.heading().0, "Jaunumu arhīvs — 2018");
    assert!(
        year.link_named("Lietuva un Latvija sniegs atbalstu Moldovai")
            .is_some(),
        "{:?}",
        year.links()
    );
    let (status, march) = site.get("/news/2018/03").await;
    assert_eq!(status, StatusCode::OK);
    let march = Page::parse(&march);
    assert_eq!(march.heading().0, "Jaunumu arhīvs — Marts, 2018");
    let dates = march.texts("main time");
    assert!(dates.iter().any(|date| date == "26.03.2018"), "{dates:?}");
    // The month's entry in the archive index, with its count, is marked as the page shown.
    let current = march.current_links();
    assert!(
        current.contains(&("Marts (1)".to_string(), "/news/2018/03".to_string())),
        "{current:?}"
    );
    let (_, news) = site.get("/news").await;
    let archive = Page::parse(&news).links_under("Arhīvs");
    assert!(
        archive.iter().any(|(_, href)| href == "/news/2018/03"),
        "{archive:?}"
    );
    for missing in ["/news/1990", "/news/2018/13", "/news/2018/x"] {
        assert_eq!(
            site.get(missing).await.0,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
}

/// An upgrade that changes how search text is made empties it (a migration); the server folds
/// it again when it starts, a batch at a time (more than one here), and search finds every
/// item again.
#[tokio::test(flavor = "multi_thread")]
async fn search_text_emptied_by_an_upgrade_is_folded_again() {
    let site = Site::with_demo_content().await;
    let many: Vec<_> = (1..=1_234)
        .map(|n| app::storage::NewArticle {
            body_html: app::sanitize::SafeHtml::sanitize(
                "<ul><li>policiju</li><li>prokuratūru</li></ul>",
            ),
            ..november_news(&format!("Ziņa numur {n}"), 1 + n % 28, None)
        })
        .collect();
    site.store.create_articles(&many).await.expect("stored");
    let found = || async {
        let request = app::storage::SearchRequest {
            words: vec!["prokuratur".into()],
            kind: None,
            categories: Vec::new(),
            limit: 10,
            offset: 0,
            lang: app::i18n::Lang::Lv,
        };
        site.store.search(&request).await.expect("searched").total
    };
    let before = found().await;
    assert!(before >= 1_234, "{before}");
    site.behind_the_stores_back("UPDATE articles SET search_title = '', search_body = ''")
        .await;
    site.behind_the_stores_back("UPDATE event_translations SET search_title = ''")
        .await;
    assert!(found().await < 1_234, "emptied, the articles are not found");
    let folded = site.store.backfill_search().await.expect("folded");
    assert!(folded > 1_234, "{folded}");
    assert_eq!(site.store.backfill_search().await.expect("none left"), 0);
    assert_eq!(found().await, before, "every item is found again");
}

/// The archive counts an article in its month on Riga's calendar, not UTC's: 1 December at
/// 00:30 in Riga is still 30 November in UTC.
#[tokio::test(flavor = "multi_thread")]
async fn the_archive_counts_months_in_riga_time() {
    let site = Site::with_demo_content().await;
    let at = |title: &str, day: chrono::NaiveDate, time: (u32, u32)| app::storage::NewArticle {
        published_at: app::timezone::instant(day.and_hms_opt(time.0, time.1, 0).expect("time")),
        ..november_news(title, 1, None)
    };
    let day = |month, day| chrono::NaiveDate::from_ymd_opt(1999, month, day).expect("a day");
    let turn_of_the_month = [
        at("Novembra pēdējā ziņa", day(11, 30), (23, 30)),
        at("Decembra pirmā ziņa", day(12, 1), (0, 30)),
        at("Vēl viena decembra ziņa", day(12, 31), (23, 59)),
    ];
    site.store
        .create_articles(&turn_of_the_month)
        .await
        .expect("stored");
    let (_, year) = site.get("/news/1999").await;
    let index = Page::parse(&year).links_under("Arhīvs");
    for entry in [
        ("1999 (3)", "/news/1999"),
        ("Novembris (1)", "/news/1999/11"),
        ("Decembris (2)", "/news/1999/12"),
    ] {
        assert!(
            index.contains(&(entry.0.to_string(), entry.1.to_string())),
            "{entry:?} in {index:?}"
        );
    }
}

/// The news list's category filter goes with it into the archive: the index counts the news
/// in those categories and its links keep them, and the archive's pages show only those.
#[tokio::test(flavor = "multi_thread")]
async fn the_archive_follows_the_news_lists_categories() {
    let site = Site::with_demo_content().await;
    site.store
        .create_category(&app::storage::NewCategory {
            slug: "prakse".into(),
            name: "Prakse".into(),
            name_en: String::new(),
            name_ru: String::new(),
            colour: "#205080".into(),
        })
        .await
        .expect("the category is created");
    let articles = [
        november_news("Prakse slimnīcā", 4, Some("prakse")),
        november_news("Prakse skolā", 5, Some("prakse")),
        november_news("Ziņa bez kategorijas", 6, None),
    ];
    site.store.create_articles(&articles).await.expect("stored");

    let (_, list) = site.get("/news?category=prakse").await;
    let index = Page::parse(&list).links_under("Arhīvs");
    assert_eq!(
        index,
        [
            (
                "2019 (2)".to_string(),
                "/news/2019?category=prakse".to_string()
            ),
            (
                "Novembris (2)".to_string(),
                "/news/2019/11?category=prakse".to_string()
            ),
        ],
        "only the category's months, and links that keep it"
    );

    let (status, november) = site.get("/news/2019/11?category=prakse").await;
    assert_eq!(status, StatusCode::OK);
    let november = Page::parse(&november);
    let titles = november.texts("main .news-list h2");
    assert_eq!(titles, ["Prakse skolā", "Prakse slimnīcā"], "{titles:?}");
    assert!(november.current_links().contains(&(
        "Novembris (2)".to_string(),
        "/news/2019/11?category=prakse".to_string()
    )));
    assert_eq!(
        november
            .attr("meta[name=description]", "content")
            .as_deref(),
        Some("Jaunumu arhīvs — Novembris, 2019: 2 raksti.")
    );

    let (_, everything) = site.get("/news/2019/11").await;
    let everything = Page::parse(&everything).texts("main .news-list h2");
    assert!(
        everything.len() >= 3 && everything.iter().any(|t| t == "Ziņa bez kategorijas"),
        "without a filter the month has all its news: {everything:?}"
    );

    // The calendar's news marks go by its categories too, and a day with more news than it
    // shows leads to the archive's month in the same categories.
    let busier_day = [
        november_news("Prakse laboratorijā", 4, Some("prakse")),
        november_news("Prakse aptiekā", 4, Some("prakse")),
    ];
    site.store
        .create_articles(&busier_day)
        .await
        .expect("stored");
    let (_, month) = site.get("/calendar/2019/11?news=1&category=prakse").await;
    let month = Page::parse(&month);
    let marks = month.texts("main .month-news__link");
    assert!(
        marks.iter().any(|mark| mark.contains("Prakse skolā"))
            && !marks
                .iter()
                .any(|mark| mark.contains("Ziņa bez kategorijas")),
        "{marks:?}"
    );
    assert_eq!(
        month.link_named("+1 ziņa arhīvā").as_deref(),
        Some("/news/2019/11?category=prakse"),
        "{:?}",
        month.links()
    );

    // A period with news, but none in the category, says so; one without news is not found.
    let (status, march) = site.get("/news/2018/03?category=prakse").await;
    assert_eq!(status, StatusCode::OK);
    let march = Page::parse(&march);
    assert!(march.shows("Šajās kategorijās jaunumu nav."));
    assert_eq!(march.count("main .news-list li"), 0);
    for none in [
        "/news/2018/03?category=prakse&page=2",
        "/news/1990?category=prakse",
    ] {
        assert_eq!(site.get(none).await.0, StatusCode::NOT_FOUND, "{none}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn articles_carry_metadata_neighbours_and_related_articles() {
    let site = Site::with_demo_content().await;
    let path = "/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu";
    let (_, page) = site.get(path).await;
    let page = Page::parse(&page);
    assert_eq!(
        page.attr("link[rel=canonical]", "href"),
        Some(format!("https://notikumi.example.lv{path}"))
    );
    assert_eq!(
        page.attr("meta[property='og:type']", "content").as_deref(),
        Some("article")
    );
    let data = page.structured_data();
    assert!(
        data.iter().any(|item| item["@type"] == "NewsArticle"
            && item["datePublished"] == "2018-03-26T07:00:00+00:00"),
        "{data:?}"
    );
    let trail = page.links_in("Navigācijas ceļš");
    assert!(
        trail.iter().any(|(_, href)| href == "/news"),
        "the breadcrumb leads back to the news: {trail:?}"
    );
    for neighbour in ["Jaunāks raksts", "Vecāks raksts"] {
        assert!(
            page.link_named(neighbour)
                .is_some_and(|href| href.starts_with("/news/")),
            "{neighbour}: {:?}",
            page.links()
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_news_list_narrows_to_a_category_kept_in_the_url() {
    let site = Site::with_demo_content().await;
    let (status, projects) = site.get("/news?category=projekti").await;
    assert_eq!(status, StatusCode::OK);
    let projects = Page::parse(&projects);
    assert!(
        projects
            .link_named("Lietuva un Latvija sniegs atbalstu Moldovai")
            .is_some(),
        "{:?}",
        projects.links()
    );
    // Every listed article carries the chosen category's label, and the box is ticked.
    let listed = projects.texts("main ol > li");
    assert!(
        !listed.is_empty() && listed.iter().all(|item| item.contains("Projekti")),
        "{listed:?}"
    );
    assert_eq!(projects.ticked(), ["Projekti"]);
    let (_, all) = site.get("/news").await;
    let all = Page::parse(&all).texts("main ol > li");
    assert!(all.len() > listed.len(), "{all:?}");

    // A category without articles says so, and is not for search engines.
    let (status, none) = site.get("/en/news?category=konferences").await;
    assert_eq!(status, StatusCode::OK);
    let none = Page::parse(&none);
    assert!(none.texts("main ol.news-list > li").is_empty());
    assert!(
        none.texts("main p")
            .iter()
            .any(|said| said == "There is no news in these categories."),
        "{:?}",
        none.texts("main p")
    );
    assert_eq!(
        none.attr("meta[name=robots]", "content").as_deref(),
        Some("noindex")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_article_offers_its_files_with_sizes_and_names_its_event() {
    let site = Site::with_demo_content().await;
    let launch = "/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu";
    let (_, article) = site.get(launch).await;
    let article = Page::parse(&article);
    let files = article.links_under("Pielikumi");
    assert!(
        files
            .iter()
            .any(|(_, href)| href == "/files/moldovas-projekta-apraksts.pdf"),
        "{files:?}"
    );
    // Each file's type and size follow its name.
    let attachments = article.text_under("Pielikumi");
    for file in [
        "Projekta apraksts (PDF, 930 B)",
        "Sanāksmes darba kārtība (DOCX, 1,1 kB)",
    ] {
        assert!(attachments.contains(file), "{file}: {attachments}");
    }
    let event_links = article.links_under("Notikums");
    let event_link = event_links
        .iter()
        .find(|(name, _)| name == "Starptautiskā projekta uzsākšanas sanāksme Kišiņevā")
        .map(|(_, href)| href)
        .unwrap_or_else(|| panic!("a link to the event: {event_links:?}"));

    let (status, event) = site.get(event_link).await;
    assert_eq!(status, StatusCode::OK);
    let news = Page::parse(&event).links_under("Ziņas par notikumu");
    assert!(news.iter().any(|(_, href)| href == launch), "{news:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_event_lists_its_news_and_an_article_its_related_articles() {
    let site = Site::with_demo_content().await;
    let launch = "/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu";
    let (status, article) = site.get(launch).await;
    assert_eq!(status, StatusCode::OK);
    let event = Page::parse(&article)
        .links_under("Notikums")
        .into_iter()
        .map(|(_, href)| href)
        .find(|href| href.starts_with("/events/"))
        .expect("the article links to its event");
    let (status, event_page) = site.get(&event).await;
    assert_eq!(status, StatusCode::OK);
    let news = Page::parse(&event_page).links_under("Ziņas par notikumu");
    assert!(news.iter().any(|(_, href)| href == launch), "{news:?}");

    // Some article of the first news page has others in its category, listed under it.
    let (_, news) = site.get("/news").await;
    let paths: Vec<String> = Page::parse(&news)
        .attrs("main a[href^='/news/']", "href")
        .into_iter()
        .filter(|href| !href.trim_start_matches("/news/").contains('/'))
        .collect();
    let mut found = None;
    for path in paths {
        let (_, page) = site.get(&path).await;
        let links = Page::parse(&page).links_under("Saistītie raksti");
        if !links.is_empty() {
            found = Some((path, links));
            break;
        }
    }
    let (path, links) = found.expect("an article with related articles under their heading");
    assert!(
        links
            .iter()
            .all(|(name, href)| href.starts_with("/news/") && *href != path && !name.is_empty()),
        "{links:?}"
    );
}
