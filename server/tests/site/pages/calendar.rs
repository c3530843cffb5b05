//! The calendar as readers get it from the server: a month, a day, the list with its series
//! and pages, the first and last periods it opens, and the news days it marks when asked.

use super::*;

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

/// The month picker's answer, as a browser with a month field sends it and as a reader types
/// it where the browser shows a text field; what cannot be read is said so, not "not found".
#[tokio::test(flavor = "multi_thread")]
async fn the_month_picker_opens_the_month_written_either_way() {
    let site = Site::with_demo_content().await;
    for (uri, heading) in [
        (
            "/calendar?month=2020-08",
            "Notikumu kalendārs — Augusts, 2020",
        ),
        (
            "/calendar?month=08.2020",
            "Notikumu kalendārs — Augusts, 2020",
        ),
        (
            "/en/calendar?month=8%2F2020",
            "Event calendar — August 2020",
        ),
    ] {
        let (status, html) = site.get(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_eq!(Page::parse(&html).heading().0, heading, "{uri}");
    }
    for unreadable in ["augusts", "32021-08"] {
        let (status, html) = site.get(&format!("/calendar?month={unreadable}")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{unreadable}");
        let page = Page::parse(&html);
        assert!(
            page.shows(
                "Mēnesi neizdevās saprast. Ierakstiet to kā 2020-08 vai 08.2020 (gadu no 1900 \
                 līdz 2999)."
            ),
            "{:?}",
            page.heading()
        );
        assert!(page.links_to("/calendar"));
        // The picker is there to try again, with what was written in it.
        assert_eq!(page.attrs("#calendar-month", "value"), vec![unreadable]);
        assert_eq!(
            page.attrs("form.calendar-picker", "action"),
            vec!["/calendar"]
        );
    }
    // The browser's picker keeps to those years itself.
    let (_, html) = site.get("/calendar/2020/08").await;
    let picker = Page::parse(&html);
    let bounds = ["min", "max"].map(|bound| picker.attrs("#calendar-month", bound));
    assert_eq!(bounds, [vec!["1900-01"], vec!["2999-12"]]);
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

/// A week's heading names its days as its readers write dates: with the month's name in
/// English (03.08 reads as 8 March there), with dots in Latvian and Russian.
#[tokio::test(flavor = "multi_thread")]
async fn a_weeks_heading_writes_its_dates_as_its_readers_do() {
    let site = Site::with_demo_content().await;
    for (uri, heading) in [
        (
            "/en/calendar/2020/w32",
            "Event calendar — Week 32, 2020 (3 Aug 2020 – 9 Aug 2020)",
        ),
        (
            "/calendar/2020/w32",
            "Notikumu kalendārs — 32. nedēļa, 2020 (03.08.2020 – 09.08.2020)",
        ),
    ] {
        let (status, html) = site.get(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_eq!(Page::parse(&html).heading().0, heading, "{uri}");
    }
}

/// A month filtered to categories without events there says so, and its options (folded on
/// a phone) start unfolded, with the way back to every category in sight.
#[tokio::test(flavor = "multi_thread")]
async fn a_filter_that_hides_every_event_is_in_sight_and_named() {
    let site = Site::with_demo_content().await;
    let (status, html) = site.get("/en/calendar/2020/08?category=konferences").await;
    assert_eq!(status, StatusCode::OK);
    let page = Page::parse(&html);
    assert!(page.shows("There are no events in the chosen categories this month."));
    assert_eq!(page.attrs("details.calendar-options", "open").len(), 1);
    let (_, html) = site.get("/en/calendar/2020/08").await;
    let page = Page::parse(&html);
    assert!(page.attrs("details.calendar-options", "open").is_empty());
    assert!(!page.shows("There are no events in the chosen categories this month."));
}
