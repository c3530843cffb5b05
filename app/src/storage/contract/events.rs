//! Events: categories, ranges, slugs, instants, listing and the demo content.

use super::*;

contract_tests!(
    categories_round_trip,
    events_are_found_by_the_range_they_overlap,
    drafts_stay_hidden_from_readers,
    slugs_are_transliterated_and_unique,
    an_unknown_category_is_refused,
    instants_round_trip_across_daylight_saving_changes,
    events_are_listed_upcoming_and_past_in_pages,
    long_events_are_found_however_far_back_they_start,
    many_events_are_stored_in_one_transaction,
    demo_content_loads_with_august_2020_and_the_2018_article,
    events_ending_before_a_bound_are_left_out_but_series_reaching_past_it_are_not,
);

async fn events_ending_before_a_bound_are_left_out_but_series_reaching_past_it_are_not(
    store: SharedStore,
) {
    let bound = utc(2020, 1, 1, 0, 0);
    let weekly = |series_end| {
        let mut series = event("Series", utc(2018, 1, 2, 7, 0), utc(2018, 1, 2, 9, 0));
        series.recurrence = Some(Recurrence {
            rule: "FREQ=WEEKLY".into(),
            exdates: Vec::new(),
            series_end,
        });
        series
    };
    let mut ended_series = weekly(Some(utc(2019, 6, 4, 9, 0)));
    ended_series.title = "Series that ended".into();
    let mut endless_series = weekly(None);
    endless_series.title = "Series without end".into();
    let mut running_series = weekly(Some(utc(2020, 3, 3, 9, 0)));
    running_series.title = "Series running past the bound".into();
    for new in [
        event("Long ago", utc(2019, 5, 1, 7, 0), utc(2019, 5, 1, 9, 0)),
        event(
            "Across the bound",
            utc(2019, 12, 31, 7, 0),
            utc(2020, 1, 2, 9, 0),
        ),
        event("After", utc(2020, 2, 1, 7, 0), utc(2020, 2, 1, 9, 0)),
        ended_series,
        endless_series,
        running_series,
    ] {
        store.create_event(&new, None).await.expect("create event");
    }
    let titles: Vec<String> = store
        .published_events_ending_after(crate::i18n::Lang::Lv, bound)
        .await
        .expect("events")
        .into_iter()
        .map(|event| event.title)
        .collect();
    assert_eq!(
        titles,
        [
            "Series without end",
            "Series running past the bound",
            "Across the bound",
            "After"
        ]
    );
}

async fn categories_round_trip(store: SharedStore) {
    let created = store
        .create_category(&NewCategory {
            slug: "apmacibas".into(),
            name: "Apmācības".into(),
            name_en: "Training".into(),
            colour: "#1d4ed8".into(),
            ..NewCategory::default()
        })
        .await
        .expect("create category");
    assert_eq!(created.name, "Apmācības");
    assert_eq!(
        (created.name_en.as_str(), created.name_ru.as_str()),
        ("Training", "")
    );
    assert_eq!(
        store.categories().await.expect("categories"),
        vec![created.clone()]
    );
    assert!(!store.is_empty().await.expect("is_empty"));

    let mut with_category = event("Seminārs", utc(2020, 8, 4, 7, 0), utc(2020, 8, 4, 9, 0));
    with_category.category = Some("apmacibas".into());
    let stored = store
        .create_event(&with_category, None)
        .await
        .expect("create event");
    assert_eq!(stored.category, Some(created));
}

async fn events_are_found_by_the_range_they_overlap(store: SharedStore) {
    let from = utc(2020, 7, 26, 21, 0);
    let to = utc(2020, 9, 6, 21, 0);
    for (title, start, end) in [
        ("Before", utc(2020, 7, 20, 7, 0), utc(2020, 7, 20, 9, 0)),
        (
            "Across the start",
            utc(2020, 7, 25, 7, 0),
            utc(2020, 7, 28, 9, 0),
        ),
        ("Inside", utc(2020, 8, 4, 7, 0), utc(2020, 8, 4, 9, 0)),
        ("Ends as the range starts", utc(2020, 7, 26, 9, 0), from),
        ("Starts as the range ends", to, utc(2020, 9, 7, 9, 0)),
        ("After", utc(2020, 9, 10, 7, 0), utc(2020, 9, 10, 9, 0)),
    ] {
        store
            .create_event(&event(title, start, end), None)
            .await
            .expect("create event");
    }
    let found = store
        .events_between(crate::i18n::Lang::Lv, from, to)
        .await
        .expect("events_between");
    assert_eq!(
        titles(&found),
        vec!["Across the start", "Ends as the range starts", "Inside"]
    );
}

async fn drafts_stay_hidden_from_readers(store: SharedStore) {
    let mut draft = event("Melnraksts", utc(2020, 8, 4, 7, 0), utc(2020, 8, 4, 9, 0));
    draft.status = Status::Draft;
    let stored = store
        .create_event(&draft, None)
        .await
        .expect("create draft");
    assert_eq!(stored.status, Status::Draft);
    assert!(store
        .events_between(
            crate::i18n::Lang::Lv,
            utc(2020, 8, 1, 0, 0),
            utc(2020, 9, 1, 0, 0)
        )
        .await
        .expect("events_between")
        .is_empty());
    assert_eq!(
        store
            .published_event(crate::i18n::Lang::Lv, &stored.slug)
            .await
            .expect("lookup"),
        None
    );

    let mut draft_article = article("Nepublicēts raksts", utc(2020, 8, 4, 7, 0));
    draft_article.status = Status::Draft;
    let stored = store
        .create_article(&draft_article, None)
        .await
        .expect("create draft");
    assert_eq!(
        store
            .published_article(crate::i18n::Lang::Lv, &stored.slug)
            .await
            .expect("lookup"),
        None
    );
    assert_eq!(
        store
            .published_articles(crate::i18n::Lang::Lv, &[], 10, 0)
            .await
            .expect("list")
            .total,
        0
    );
}

async fn slugs_are_transliterated_and_unique(store: SharedStore) {
    let title = "Lietuva un Latvija sniegs atbalstu Moldovai";
    let first = store
        .create_article(&article(title, utc(2018, 3, 26, 7, 0)), None)
        .await
        .expect("first");
    let second = store
        .create_article(&article(title, utc(2018, 3, 27, 7, 0)), None)
        .await
        .expect("second");
    assert_eq!(first.slug, "lietuva-un-latvija-sniegs-atbalstu-moldovai");
    assert_eq!(second.slug, "lietuva-un-latvija-sniegs-atbalstu-moldovai-2");
    let found = store
        .published_article(crate::i18n::Lang::Lv, &second.slug)
        .await
        .expect("lookup")
        .expect("found");
    assert_eq!(found.published_at, utc(2018, 3, 27, 7, 0));
    assert_eq!(
        found.contact,
        "Informāciju sagatavoja Jānis Kalniņš, tālrunis 67000000"
    );

    let first_event = store
        .create_event(
            &event("Ģimeņu ceļš", utc(2020, 8, 4, 7, 0), utc(2020, 8, 4, 9, 0)),
            None,
        )
        .await
        .expect("event");
    let second_event = store
        .create_event(
            &event("Ģimeņu ceļš", utc(2020, 8, 5, 7, 0), utc(2020, 8, 5, 9, 0)),
            None,
        )
        .await
        .expect("event");
    assert_eq!(first_event.slug, "gimenu-cels");
    assert_eq!(second_event.slug, "gimenu-cels-2");
    assert_eq!(
        store
            .published_event(crate::i18n::Lang::Lv, "gimenu-cels-2")
            .await
            .expect("lookup"),
        Some(second_event)
    );
}

async fn an_unknown_category_is_refused(store: SharedStore) {
    let mut orphan = event(
        "Bez kategorijas",
        utc(2020, 8, 4, 7, 0),
        utc(2020, 8, 4, 9, 0),
    );
    orphan.category = Some("nav-tadas".into());
    let error = store
        .create_event(&orphan, None)
        .await
        .expect_err("refused");
    assert!(matches!(error, StoreError::UnknownCategory(slug) if slug == "nav-tadas"));
    assert!(store.is_empty().await.expect("nothing was stored"));
}

async fn instants_round_trip_across_daylight_saving_changes(store: SharedStore) {
    let at = |y, m, d, h| {
        timezone::instant(
            NaiveDate::from_ymd_opt(y, m, d)
                .and_then(|date| date.and_hms_opt(h, 0, 0))
                .expect("valid"),
        )
    };
    let spring = store
        .create_event(
            &event("Pavasara maiņa", at(2020, 3, 29, 2), at(2020, 3, 29, 5)),
            None,
        )
        .await
        .expect("spring");
    let autumn = store
        .create_event(
            &event("Rudens maiņa", at(2020, 10, 25, 2), at(2020, 10, 25, 5)),
            None,
        )
        .await
        .expect("autumn");
    // Three wall-clock hours are two real hours in spring and four in autumn.
    assert_eq!((spring.ends_at - spring.starts_at).num_hours(), 2);
    assert_eq!((autumn.ends_at - autumn.starts_at).num_hours(), 4);
    let again = store
        .published_event(crate::i18n::Lang::Lv, &autumn.slug)
        .await
        .expect("lookup")
        .expect("found");
    assert_eq!(again.starts_at, autumn.starts_at);
    assert_eq!(
        timezone::local(again.ends_at).format("%H:%M").to_string(),
        "05:00"
    );
}

async fn events_are_listed_upcoming_and_past_in_pages(store: SharedStore) {
    let now = utc(2026, 11, 29, 12, 0);
    for (title, start, end) in [
        ("Pagājis", utc(2026, 11, 1, 7, 0), utc(2026, 11, 1, 9, 0)),
        ("Sen pagājis", utc(2025, 1, 1, 7, 0), utc(2025, 1, 1, 9, 0)),
        ("Notiek", utc(2026, 11, 29, 10, 0), utc(2026, 11, 29, 14, 0)),
        ("Rīt", utc(2026, 11, 30, 7, 0), utc(2026, 11, 30, 9, 0)),
        ("Vēlāk", utc(2027, 1, 5, 7, 0), utc(2027, 1, 5, 9, 0)),
    ] {
        store
            .create_event(&event(title, start, end), None)
            .await
            .expect("create");
    }
    let upcoming = store
        .list_events(crate::i18n::Lang::Lv, now, Direction::Upcoming, &[], 2, 0)
        .await
        .expect("upcoming");
    assert_eq!(titles(&upcoming.events), vec!["Notiek", "Rīt"]);
    assert_eq!(upcoming.total, 3);
    let later = store
        .list_events(crate::i18n::Lang::Lv, now, Direction::Upcoming, &[], 2, 2)
        .await
        .expect("upcoming page 2");
    assert_eq!(titles(&later.events), vec!["Vēlāk"]);
    let past = store
        .list_events(crate::i18n::Lang::Lv, now, Direction::Past, &[], 10, 0)
        .await
        .expect("past");
    assert_eq!(titles(&past.events), vec!["Pagājis", "Sen pagājis"]);
    assert_eq!(past.total, 2);
}

async fn long_events_are_found_however_far_back_they_start(store: SharedStore) {
    // A year-long exhibition started long before the month asked for.
    store
        .create_event(
            &event("Izstāde", utc(2020, 1, 10, 7, 0), utc(2021, 1, 10, 7, 0)),
            None,
        )
        .await
        .expect("create");
    store
        .create_event(
            &event("Īss", utc(2020, 8, 4, 7, 0), utc(2020, 8, 4, 9, 0)),
            None,
        )
        .await
        .expect("create");
    let found = store
        .events_between(
            crate::i18n::Lang::Lv,
            utc(2020, 7, 31, 21, 0),
            utc(2020, 8, 31, 21, 0),
        )
        .await
        .expect("events_between");
    assert_eq!(titles(&found), vec!["Izstāde", "Īss"]);
}

async fn many_events_are_stored_in_one_transaction(store: SharedStore) {
    let batch: Vec<NewEvent> = (0..250)
        .map(|i| {
            let start = utc(2031, 5, 1, 7, 0) + chrono::Duration::hours(i);
            event(
                "Slodzes tests",
                start,
                start + chrono::Duration::minutes(30),
            )
        })
        .collect();
    assert_eq!(store.create_events(&batch).await.expect("bulk insert"), 250);
    let found = store
        .events_between(
            crate::i18n::Lang::Lv,
            utc(2031, 4, 30, 21, 0),
            utc(2031, 5, 31, 21, 0),
        )
        .await
        .expect("events_between");
    assert_eq!(found.len(), 250);
    assert!(found.iter().any(|event| event.slug == "slodzes-tests-250"));

    // One bad event (unknown category) and nothing of the batch is stored.
    let mut bad_batch = batch.clone();
    bad_batch[100].category = Some("nav-tadas".into());
    assert!(store.create_events(&bad_batch).await.is_err());
    assert_eq!(
        store
            .events_between(
                crate::i18n::Lang::Lv,
                utc(2031, 4, 30, 21, 0),
                utc(2031, 5, 31, 21, 0)
            )
            .await
            .expect("events_between")
            .len(),
        250
    );
}

async fn demo_content_loads_with_august_2020_and_the_2018_article(store: SharedStore) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("valid");
    let loaded = demo::load(store.as_ref(), today).await.expect("demo loads");
    assert!(loaded.events >= 40 && loaded.articles >= 12 && loaded.categories >= 4);
    assert!(demo::load_if_empty(store.as_ref())
        .await
        .expect("second load")
        .is_none());

    let august = store
        .events_between(
            crate::i18n::Lang::Lv,
            utc(2020, 7, 31, 21, 0),
            utc(2020, 8, 31, 21, 0),
        )
        .await
        .expect("August 2020");
    assert!(august.len() >= 6, "{} events in August 2020", august.len());
    assert!(august.iter().any(|event| event.all_day));
    assert!(august.iter().any(|event| !event.all_day));

    let this_month = store
        .events_between(
            crate::i18n::Lang::Lv,
            utc(2026, 11, 28, 22, 0),
            utc(2026, 11, 29, 22, 0),
        )
        .await
        .expect("today");
    assert!(!this_month.is_empty(), "the current month has an event");

    let all = store
        .published_articles(crate::i18n::Lang::Lv, &[], 100, 0)
        .await
        .expect("articles");
    let launch = all
        .articles
        .iter()
        .find(|article| timezone::local(article.published_at).date().to_string() == "2018-03-26")
        .expect("the 26.03.2018 article");
    assert_eq!(
        launch.slug,
        "lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu"
    );
    assert!(launch.body_html.contains("<ul>"));
    assert!(!launch.contact.is_empty());
    assert!(
        launch.event_id.is_some(),
        "the article reports on the Chișinău meeting"
    );
    assert_eq!(store.attachments(launch.id).await.expect("files").len(), 2);
}
