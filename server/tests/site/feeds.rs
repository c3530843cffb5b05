//! Calendar feeds and the JSON event API, through the router: what calendar programs and
//! widgets receive.

use crate::common::Site;
use crate::read::Page;
use http::StatusCode;

#[tokio::test(flavor = "multi_thread")]
async fn the_site_feed_is_icalendar_with_the_last_years_events_and_the_riga_time_zone() {
    let site = Site::with_demo_content().await;
    let (status, content_type, body) = site.get_typed("/calendar.ics").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "text/calendar; charset=utf-8");
    assert!(body.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(body.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Riga\r\n"));
    // Every published event still going on a year ago or later: the series without end and
    // what the demo places around the day it is loaded, not the 2020 calendar.
    let today = app::timezone::today();
    let since =
        app::timezone::start_of_day(today - chrono::Days::new(app::feeds::CALENDAR_FEED_DAYS_BACK));
    let in_window = site
        .store
        .published_events_ending_after(app::i18n::Lang::Lv, since)
        .await
        .expect("events");
    let all = site
        .store
        .published_events_ending_after(app::i18n::Lang::Lv, chrono::DateTime::UNIX_EPOCH)
        .await
        .expect("events");
    assert!(in_window.len() > 3 && in_window.len() < all.len());
    assert_eq!(body.matches("BEGIN:VEVENT").count(), in_window.len());
    assert!(
        !body.contains("DTSTART;TZID=Europe/Riga:20200804T100000"),
        "August 2020 ended years ago"
    );
    assert!(body.contains("RRULE:FREQ=MONTHLY;BYDAY=-1TH"));
    assert!(body.contains("EXDATE;TZID=Europe/Riga:20211230T170000"));
    assert!(body.contains("RRULE:FREQ=YEARLY"));
    assert!(body.lines().all(|line| line.len() <= 75));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_feed_narrows_to_categories() {
    let site = Site::with_demo_content().await;
    let (_, _, all) = site.get_typed("/calendar.ics").await;
    let (status, _, narrowed) = site.get_typed("/calendar.ics?category=apmacibas").await;
    assert_eq!(status, StatusCode::OK);
    let count = narrowed.matches("BEGIN:VEVENT").count();
    assert!(count > 0 && count < all.matches("BEGIN:VEVENT").count());
    assert_eq!(narrowed.matches("CATEGORIES:Apmācības").count(), count);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_calendar_view_offers_its_feed_in_its_language_and_categories() {
    let site = Site::with_demo_content().await;
    const SUBSCRIBE: &str = "Abonēt šo kalendāru";
    for (page, name, feed) in [
        ("/calendar/2020/08", SUBSCRIBE, "/calendar.ics"),
        (
            "/calendar/2020/08?category=apmacibas&news=1",
            SUBSCRIBE,
            "/calendar.ics?category=apmacibas",
        ),
        (
            "/en/calendar/2020/w32",
            "Subscribe to this calendar",
            "/en/calendar.ics",
        ),
        (
            "/ru/calendar/list?category=apmacibas",
            "Подписаться на этот календарь",
            "/ru/calendar.ics?category=apmacibas",
        ),
    ] {
        let (status, html) = site.get(page).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        let offered = Page::parse(&html).link_named(name);
        assert_eq!(offered.as_deref(), Some(feed), "{page}");
        let (status, content_type, body) = site.get_typed(feed).await;
        assert_eq!(
            (status, content_type.as_str()),
            (StatusCode::OK, "text/calendar; charset=utf-8"),
            "{feed}"
        );
        assert!(body.starts_with("BEGIN:VCALENDAR"), "{feed}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn at_most_fifty_categories_narrow_a_feed() {
    let site = Site::with_demo_content().await;
    let query = |real_at: usize| {
        let mut slugs: Vec<String> = (0..60).map(|n| format!("nav-{n}")).collect();
        slugs.insert(real_at, "apmacibas".to_string());
        let pairs: Vec<String> = slugs
            .iter()
            .map(|slug| format!("category={slug}"))
            .collect();
        format!("/calendar.ics?{}", pairs.join("&"))
    };
    let (status, _, within) = site.get_typed(&query(49)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        within.contains("CATEGORIES:Apmācības"),
        "the 50th category counts"
    );
    let (status, _, beyond) = site.get_typed(&query(50)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        beyond.matches("BEGIN:VEVENT").count(),
        0,
        "the 51st category is not read"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn one_event_has_its_own_feed_and_unknown_ones_are_404() {
    let site = Site::with_demo_content().await;
    let (status, content_type, body) = site
        .get_typed("/events/vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos.ics")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "text/calendar; charset=utf-8");
    assert_eq!(body.matches("BEGIN:VEVENT").count(), 1);
    // Long lines are folded (CRLF and a space); unfolded, the URL is whole.
    assert!(body.replace("\r\n ", "").contains(
        "URL:https://notikumi.example.lv/events/vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos\r\n"
    ));
    let (status, _, _) = site.get_typed("/events/nav-tada.ics").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A calendar program asking only for the headers, from a browser an editor signed in on
    // (no page cache in front): the feed's headers, not the event page's.
    let cookie = site
        .signed_in("anna@example.lv", app::auth::Role::Editor)
        .await;
    let head = http::Request::head(
        "/events/vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos.ics",
    )
    .header(http::header::COOKIE, cookie)
    .body(axum::body::Body::empty())
    .expect("request");
    let answer = site.send(head).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.headers[http::header::CONTENT_TYPE],
        "text/calendar; charset=utf-8"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_api_answers_fullcalendar_requests_with_expanded_events() {
    let site = Site::with_demo_content().await;
    let (status, content_type, body) = site
        .get_typed("/api/events?start=2020-07-27T00%3A00%3A00%2B03%3A00&end=2020-09-07T00%3A00%3A00%2B03%3A00")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/json");
    assert!(body.contains(r#""title":"Vebinārs par viltus darba piedāvājumiem sociālajos tīklos","start":"2020-08-04T10:00:00+03:00","end":"2020-08-04T12:00:00+03:00","allDay":false"#));
    assert!(body.contains(r#""start":"2020-08-06","end":"2020-08-12","allDay":true"#));
    assert!(body.contains(r##""color":"#"##));

    // Recurring series come expanded, each occurrence with its own id and dated link.
    let (_, _, year) = site
        .get_typed("/api/events?start=2021-01-01&end=2021-12-31&timeZone=Europe%2FRiga")
        .await;
    let support_group = year.matches("atbalsta-grupas-tiksanas").count();
    // Last Thursdays of 2021, less the excluded 30 December: 11 occurrences, id and url each.
    assert_eq!(support_group, 22, "{year}");
    assert!(year.contains("atbalsta-grupas-tiksanas-cietusajiem-un-vinu-tuviniekiem@2021-02-25"));
    assert!(year.contains("?date=2021-02-25"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_api_refuses_bad_requests_with_a_json_reason() {
    let site = Site::with_demo_content().await;
    for (query, reason) in [
        ("", "start is missing"),
        ("start=2020-08-01", "end is missing"),
        ("start=vakar&end=2020-09-01", "start must be a date"),
        ("start=2020-09-01&end=2020-08-01", "end must be after start"),
        ("start=2020-01-01&end=2022-01-01", "at most 366 days"),
        (
            "start=2020-08-01&end=2020-09-01&timeZone=Nav%2FZona",
            "not a known IANA time zone",
        ),
    ] {
        let (status, content_type, body) = site.get_typed(&format!("/api/events?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(content_type, "application/json", "{query}");
        assert!(
            body.starts_with(r#"{"error":""#) && body.contains(reason),
            "{query}: {body}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn week_day_and_list_views_render_on_the_server() {
    let site = Site::with_demo_content().await;
    let (status, week) = site.get("/calendar/2020/w32").await;
    assert_eq!(status, StatusCode::OK);
    assert!(week.contains("32. nedēļa, 2020"));
    assert!(week.contains("Vebinārs par viltus darba piedāvājumiem sociālajos tīklos"));

    let (status, day) = site.get("/calendar/2020/08/04").await;
    assert_eq!(status, StatusCode::OK);
    assert!(day.contains("otrdiena, 2020. gada 4. augusts"));
    assert!(day.contains("10:00–12:00"));

    let (status, list) = site.get("/calendar/list?past=1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Notikumu arhīvs"));
    let (status, upcoming) = site.get("/calendar/list").await;
    assert_eq!(status, StatusCode::OK);
    assert!(upcoming.contains("Regulāri notikumi"));
    assert!(upcoming.contains("katra mēneša pēdējā ceturtdienā"));

    for missing in [
        "/calendar/2021/w53",
        "/calendar/2021/02/29",
        "/calendar/list?page=999",
    ] {
        assert_eq!(
            site.get(missing).await.0,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
}

/// A conference from Thursday 09:00 to Saturday 17:00 is listed on each of its days, in the
/// day and week views, with both its dates: the hours alone would read as that day's.
#[tokio::test(flavor = "multi_thread")]
async fn an_event_over_several_days_is_dated_in_the_day_and_week_views() {
    let site = Site::with_demo_content().await;
    let at = |day: u32, hour: u32| {
        app::timezone::instant(
            chrono::NaiveDate::from_ymd_opt(2020, 8, day)
                .and_then(|date| date.and_hms_opt(hour, 0, 0))
                .expect("a time"),
        )
    };
    let conference = app::storage::NewEvent {
        title: "Trīs dienu konference".into(),
        summary: String::new(),
        body_html: app::sanitize::SafeHtml::sanitize("<p>Programma</p>"),
        starts_at: at(6, 9),
        ends_at: at(8, 17),
        all_day: false,
        location: "Rīga".into(),
        category: None,
        recurrence: None,
        status: app::storage::Status::Published,
    };
    site.store
        .create_event(&conference, None)
        .await
        .expect("stored");
    for path in ["/calendar/2020/08/07", "/calendar/2020/w32"] {
        let (status, html) = site.get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let page = crate::read::Page::parse(&html);
        let lines = page.texts(".agenda-item");
        let line = lines
            .iter()
            .find(|line| line.contains("Trīs dienu konference"))
            .unwrap_or_else(|| panic!("{path}: {lines:?}"));
        assert!(!line.contains("09:00–17:00"), "{path}: {line}");
        assert!(line.contains("17:00"), "{path}: {line}");
        assert!(line.contains("6."), "{path}: {line}");
    }
}

/// A weekly series whose occurrences last three days: on the day after one began, its page
/// (without `?date=`) shows the one still running, not next week's, and the upcoming list
/// keeps the series.
#[tokio::test(flavor = "multi_thread")]
async fn a_series_occurrence_still_running_is_the_one_shown() {
    let site = Site::with_demo_content().await;
    let today = app::timezone::today();
    let began = today - chrono::Days::new(1);
    let at =
        |day: chrono::NaiveDate| app::timezone::instant(day.and_hms_opt(10, 0, 0).expect("a time"));
    let rule = "FREQ=WEEKLY".to_string();
    let starts_at = at(began);
    let ends_at = at(began + chrono::Days::new(3));
    let series_end = None;
    let exdates = Vec::new();
    let training = app::storage::NewEvent {
        title: "Nedēļas apmācības trīs dienās".into(),
        summary: String::new(),
        body_html: app::sanitize::SafeHtml::sanitize("<p>Programma</p>"),
        starts_at,
        ends_at,
        all_day: false,
        location: "Rīga".into(),
        category: None,
        recurrence: Some(app::storage::Recurrence {
            rule,
            exdates,
            series_end,
        }),
        status: app::storage::Status::Published,
    };
    let stored = site
        .store
        .create_event(&training, None)
        .await
        .expect("stored");
    let (status, html) = site.get(&format!("/events/{}", stored.slug)).await;
    assert_eq!(status, StatusCode::OK);
    let page = crate::read::Page::parse(&html);
    let shown = app::locale::long_date(app::i18n::Lang::Lv, began);
    assert!(
        page.main_text().contains(&shown),
        "{shown}: {}",
        page.main_text()
    );
    let (_, list) = site.get("/calendar/list").await;
    assert!(crate::read::Page::parse(&list)
        .link_named("Nedēļas apmācības")
        .is_some());
}

/// Choosing categories on the past events' list stays on that list: the form sends `past=1`
/// along, and so does "Rādīt visas".
#[tokio::test(flavor = "multi_thread")]
async fn the_category_filter_of_past_events_keeps_to_past_events() {
    let site = Site::with_demo_content().await;
    let (status, html) = site.get("/calendar/list?past=1&category=apmacibas").await;
    assert_eq!(status, StatusCode::OK);
    let page = crate::read::Page::parse(&html);
    let kept = "form.calendar-filter input[type=hidden][name=past]";
    assert_eq!(page.attr(kept, "value").as_deref(), Some("1"));
    assert_eq!(
        page.link_named("Rādīt visas").as_deref(),
        Some("/calendar/list?past=1")
    );
    let (_, upcoming) = site.get("/calendar/list?category=apmacibas").await;
    assert_eq!(crate::read::Page::parse(&upcoming).count(kept), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn recurring_occurrences_link_to_their_date_and_others_are_404() {
    let site = Site::with_demo_content().await;
    let (status, month) = site.get("/calendar/2021/02").await;
    assert_eq!(status, StatusCode::OK);
    assert!(month.contains(
        "/events/atbalsta-grupas-tiksanas-cietusajiem-un-vinu-tuviniekiem?date=2021-02-25"
    ));
    let (status, page) = site
        .get("/events/atbalsta-grupas-tiksanas-cietusajiem-un-vinu-tuviniekiem?date=2021-02-25")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("ceturtdiena, 2021. gada 25. februāris, 17:00–18:30"));
    assert!(page.contains("katra mēneša pēdējā ceturtdienā"));
    let (status, _) = site
        .get("/events/atbalsta-grupas-tiksanas-cietusajiem-un-vinu-tuviniekiem?date=2021-02-24")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread")]
async fn event_pages_carry_structured_data_and_calendar_links() {
    let site = Site::with_demo_content().await;
    let (_, page) = site
        .get("/events/vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos")
        .await;
    assert!(page.contains(r#"<script type="application/ld+json">"#));
    assert!(page.contains(r#""@type":"Event""#));
    assert!(page.contains(r#""startDate":"2020-08-04T10:00""#));
    assert!(page.contains(r#"property="og:title""#));
    assert!(page.contains(
        "href=\"/events/vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos.ics\""
    ));
    assert!(page.contains("webcal://notikumi.example.lv/events/"));
    assert!(page.contains("dates=20200804T070000Z/20200804T090000Z"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_category_filter_in_the_url_narrows_the_month() {
    let site = Site::with_demo_content().await;
    let (_, all) = site.get("/calendar/2020/08").await;
    let (status, filtered) = site.get("/calendar/2020/08?category=apmacibas").await;
    assert_eq!(status, StatusCode::OK);
    assert!(all.contains("Vebinārs par viltus darba"));
    assert!(!filtered.contains("Vebinārs par viltus darba"));
    assert!(filtered.contains("Mācību diena Valsts darba inspekcijas inspektoriem"));
    // Neighbour links keep the filter.
    assert!(filtered.contains("href=\"/calendar/2020/09?category=apmacibas\""));
}

#[tokio::test(flavor = "multi_thread")]
async fn robots_point_to_the_sitemap() {
    let site = Site::with_demo_content().await;
    let (status, content_type, body) = site.get_typed("/robots.txt").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "text/plain; charset=utf-8");
    assert!(body.contains("Sitemap: https://notikumi.example.lv/sitemap.xml"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sitemap_lists_articles_events_and_months_with_events() {
    let site = Site::with_demo_content().await;
    let (status, content_type, index) = site.get_typed("/sitemap.xml").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/xml; charset=utf-8");
    assert!(index.contains("<sitemapindex"), "{index}");
    // The demo's few hundred addresses fit in one part of at most 50,000.
    assert_eq!(index.matches("<loc>").count(), 1, "{index}");
    assert!(index.contains("<loc>https://notikumi.example.lv/sitemaps/1.xml</loc>"));
    for missing in ["/sitemaps/2.xml", "/sitemaps/0.xml", "/sitemaps/one.xml"] {
        assert_eq!(
            site.get(missing).await.0,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
    let (status, content_type, body) = site.get_typed("/sitemaps/1.xml").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/xml; charset=utf-8");
    assert!(body.starts_with("<?xml") && body.contains("<urlset"));
    let has = |path: &str| body.contains(&format!("<loc>https://notikumi.example.lv{path}</loc>"));
    assert!(has(
        "/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu"
    ));
    assert!(has(
        "/events/vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos"
    ));
    assert!(has("/calendar/2020/08"));
    // The yearly 18 October series puts every October into the sitemap.
    assert!(has("/calendar/2019/10") && has("/calendar/2023/10"));
    // A month without events is not listed.
    assert!(!has("/calendar/1995/01"));
    // 3 fixed pages, 16 articles, 58 events, and at least one month each.
    assert!(body.matches("<url>").count() > 3 + 16 + 58);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_atom_feed_has_the_newest_articles_first() {
    let site = Site::with_demo_content().await;
    let (status, content_type, body) = site.get_typed("/feed.xml").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/atom+xml; charset=utf-8");
    let feed = atom_syndication::Feed::read_from(body.as_bytes()).expect("valid Atom");
    assert_eq!(feed.entries.len(), 16);
    let published: Vec<_> = feed
        .entries
        .iter()
        .filter_map(|entry| entry.published)
        .collect();
    assert!(published.windows(2).all(|pair| pair[0] >= pair[1]));
    let launch = feed
        .entries
        .iter()
        .find(|entry| {
            entry
                .title
                .value
                .starts_with("Lietuva un Latvija sniegs atbalstu")
        })
        .expect("the 2018 article");
    assert_eq!(
        launch.links[0].href,
        "https://notikumi.example.lv/news/lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu"
    );
    // Its id is permanent: it does not follow the address (nor the scheme).
    assert!(
        launch.id.starts_with("tag:notikumi.example.lv,") && launch.id.contains(":article-"),
        "{}",
        launch.id
    );
    assert!(launch
        .content
        .as_ref()
        .and_then(|content| content.value.as_deref())
        .is_some_and(|html| html.contains("<ul>")));
}
