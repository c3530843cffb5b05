//! The storage contract: every test here runs against SQLite and against PostgreSQL, each on
//! a fresh, migrated database of its own.
//!
//! PostgreSQL comes from `TEST_DATABASE_URL` (a server where the test user may create
//! databases); `make test` starts a throwaway cluster and sets it. Without it the PostgreSQL
//! half fails with a message saying so: a missing backend is never a skipped test.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sqlx::{Connection, Executor, PgConnection};

use super::*;
use crate::{demo, sanitize::SafeHtml, timezone};

/// A fresh database for one test, removed by `finish`.
enum TestDb {
    Sqlite {
        store: SharedStore,
        path: std::path::PathBuf,
    },
    Postgres {
        store: SharedStore,
        admin_url: String,
        name: String,
    },
}

impl TestDb {
    async fn sqlite() -> Self {
        let path = std::env::temp_dir().join(format!("notikumi-test-{}.db", uuid::Uuid::new_v4()));
        let store = connect(&format!("sqlite:{}", path.display()))
            .await
            .expect("SQLite test database opens");
        TestDb::Sqlite { store, path }
    }

    async fn postgres() -> Self {
        let admin_url = std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| {
            panic!(
                "TEST_DATABASE_URL is not set, so the PostgreSQL contract tests cannot run. \
                 Run `make test` (it starts a throwaway PostgreSQL) or set TEST_DATABASE_URL \
                 to a server where this user may create databases."
            )
        });
        let name = format!("notikumi_test_{}", uuid::Uuid::new_v4().simple());
        let mut admin = PgConnection::connect(&admin_url)
            .await
            .expect("TEST_DATABASE_URL answers");
        admin
            .execute(format!("CREATE DATABASE {name}").as_str())
            .await
            .expect("test database can be created");
        let store = connect(&with_database_name(&admin_url, &name))
            .await
            .expect("PostgreSQL test database opens");
        TestDb::Postgres {
            store,
            admin_url,
            name,
        }
    }

    fn store(&self) -> SharedStore {
        match self {
            TestDb::Sqlite { store, .. } | TestDb::Postgres { store, .. } => Arc::clone(store),
        }
    }

    async fn finish(self) {
        match self {
            TestDb::Sqlite { store, path } => {
                drop(store);
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            TestDb::Postgres {
                store,
                admin_url,
                name,
            } => {
                drop(store);
                let mut admin = PgConnection::connect(&admin_url)
                    .await
                    .expect("TEST_DATABASE_URL answers");
                admin
                    .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                    .await
                    .expect("test database can be dropped");
            }
        }
    }
}

macro_rules! contract_tests {
    ($($test:ident),* $(,)?) => {
        mod on_sqlite {
            $(
                #[tokio::test]
                async fn $test() {
                    let db = super::TestDb::sqlite().await;
                    super::$test(db.store()).await;
                    db.finish().await;
                }
            )*
        }
        mod on_postgres {
            $(
                #[tokio::test]
                async fn $test() {
                    let db = super::TestDb::postgres().await;
                    super::$test(db.store()).await;
                    db.finish().await;
                }
            )*
        }
    };
}

contract_tests!(
    a_new_database_is_migrated_and_empty,
    categories_round_trip,
    events_are_found_by_the_range_they_overlap,
    drafts_stay_hidden_from_readers,
    slugs_are_transliterated_and_unique,
    an_unknown_category_is_refused,
    instants_round_trip_across_daylight_saving_changes,
    events_are_listed_upcoming_and_past_in_pages,
    long_events_are_found_however_far_back_they_start,
    many_events_are_stored_in_one_transaction,
    many_articles_are_stored_in_one_transaction,
    articles_are_listed_newest_first_in_pages,
    demo_content_loads_with_august_2020_and_the_2018_article,
    search_ignores_case_and_diacritics_and_matches_prefixes,
    search_filters_by_kind_and_category_and_pages,
    search_survives_hostile_queries,
    an_edited_or_trashed_article_is_found_or_missed_at_once,
    a_stale_save_conflicts_and_changes_nothing,
    articles_link_to_their_event_and_carry_attachments,
    accounts_and_sessions_round_trip_and_can_be_revoked,
    drafts_refuse_stale_saves_and_publishing_keeps_revisions,
    trash_restore_failed_sign_ins_and_the_audit_log,
    events_are_updated_with_a_version_check_and_trashed,
    article_settings_change_address_category_and_status,
    event_drafts_refuse_stale_saves_and_survive_publishing_elsewhere,
    translations_are_kept_per_language_and_replaced_only_at_the_version_seen,
    readers_find_items_by_their_version_in_their_language,
);

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("valid test instant")
}

fn event(title: &str, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> NewEvent {
    NewEvent {
        title: title.to_string(),
        summary: "Īss apraksts.".to_string(),
        body_html: SafeHtml::sanitize("<p>Apraksts</p>"),
        starts_at,
        ends_at,
        all_day: false,
        location: "Rīga".to_string(),
        category: None,
        recurrence: None,
        status: Status::Published,
    }
}

fn article(title: &str, published_at: DateTime<Utc>) -> NewArticle {
    NewArticle {
        title: title.to_string(),
        lead: "Ievads.".to_string(),
        body_html: SafeHtml::sanitize("<p>Teksts</p>"),
        contact: "Informāciju sagatavoja Jānis Kalniņš, tālrunis 67000000".to_string(),
        published_at,
        category: None,
        event: None,
        attachments: Vec::new(),
        status: Status::Published,
    }
}

/// The audit line of a test's editing write.
fn audit(action: &str) -> Audit<'_> {
    Audit {
        actor: "redaktore@example.lv",
        action,
    }
}

/// The audit log's actions, newest first.
async fn actions(store: &SharedStore) -> Vec<String> {
    store
        .audit_log(100, 0)
        .await
        .expect("audit log")
        .into_iter()
        .map(|entry| entry.action)
        .collect()
}

fn titles(events: &[Event]) -> Vec<&str> {
    events.iter().map(|event| event.title.as_str()).collect()
}

async fn a_new_database_is_migrated_and_empty(store: SharedStore) {
    store.ping().await.expect("ping");
    assert!(store.is_empty().await.expect("is_empty"));
    assert!(store.categories().await.expect("categories").is_empty());
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
        .events_between(from, to)
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
        .events_between(utc(2020, 8, 1, 0, 0), utc(2020, 9, 1, 0, 0))
        .await
        .expect("events_between")
        .is_empty());
    assert_eq!(
        store.published_event(&stored.slug).await.expect("lookup"),
        None
    );

    let mut draft_article = article("Nepublicēts raksts", utc(2020, 8, 4, 7, 0));
    draft_article.status = Status::Draft;
    let stored = store
        .create_article(&draft_article, None)
        .await
        .expect("create draft");
    assert_eq!(
        store.published_article(&stored.slug).await.expect("lookup"),
        None
    );
    assert_eq!(
        store
            .published_articles(&[], 10, 0)
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
        .published_article(&second.slug)
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
            .published_event("gimenu-cels-2")
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
        .published_event(&autumn.slug)
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
        .list_events(now, Direction::Upcoming, &[], 2, 0)
        .await
        .expect("upcoming");
    assert_eq!(titles(&upcoming.events), vec!["Notiek", "Rīt"]);
    assert_eq!(upcoming.total, 3);
    let later = store
        .list_events(now, Direction::Upcoming, &[], 2, 2)
        .await
        .expect("upcoming page 2");
    assert_eq!(titles(&later.events), vec!["Vēlāk"]);
    let past = store
        .list_events(now, Direction::Past, &[], 10, 0)
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
        .events_between(utc(2020, 7, 31, 21, 0), utc(2020, 8, 31, 21, 0))
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
        .events_between(utc(2031, 4, 30, 21, 0), utc(2031, 5, 31, 21, 0))
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
            .events_between(utc(2031, 4, 30, 21, 0), utc(2031, 5, 31, 21, 0))
            .await
            .expect("events_between")
            .len(),
        250
    );
}

async fn articles_are_listed_newest_first_in_pages(store: SharedStore) {
    for (title, day) in [("Vecākais", 1), ("Jaunākais", 3), ("Vidējais", 2)] {
        store
            .create_article(&article(title, utc(2020, 3, day, 7, 0)), None)
            .await
            .expect("create");
    }
    let first = store.published_articles(&[], 2, 0).await.expect("page 1");
    assert_eq!(first.total, 3);
    let first_titles: Vec<_> = first.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(first_titles, vec!["Jaunākais", "Vidējais"]);
    let second = store.published_articles(&[], 2, 2).await.expect("page 2");
    let none = store
        .published_articles(&["nav-tadas".to_string()], 10, 0)
        .await
        .expect("unknown category");
    assert_eq!((none.total, none.articles.len()), (0, 0));
    let second_titles: Vec<_> = second.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(second_titles, vec!["Vecākais"]);
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
        .events_between(utc(2020, 7, 31, 21, 0), utc(2020, 8, 31, 21, 0))
        .await
        .expect("August 2020");
    assert!(august.len() >= 6, "{} events in August 2020", august.len());
    assert!(august.iter().any(|event| event.all_day));
    assert!(august.iter().any(|event| !event.all_day));

    let this_month = store
        .events_between(utc(2026, 11, 28, 22, 0), utc(2026, 11, 29, 22, 0))
        .await
        .expect("today");
    assert!(!this_month.is_empty(), "the current month has an event");

    let all = store
        .published_articles(&[], 100, 0)
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

#[test]
fn database_urls_swap_only_the_database_name() {
    assert_eq!(
        with_database_name("postgres://u:p@127.0.0.1:5432/postgres", "t1"),
        "postgres://u:p@127.0.0.1:5432/t1"
    );
    assert_eq!(
        with_database_name("postgres://u@localhost:5432/postgres?sslmode=disable", "t2"),
        "postgres://u@localhost:5432/t2?sslmode=disable"
    );
    assert_eq!(
        with_database_name("postgres://localhost", "t3"),
        "postgres://localhost/t3"
    );
}

fn words(query: &str) -> Vec<String> {
    crate::search::text::query_words(query)
}

fn search_request(query: &str) -> SearchRequest {
    SearchRequest {
        words: words(query),
        kind: None,
        categories: Vec::new(),
        limit: 10,
        offset: 0,
        lang: crate::i18n::Lang::Lv,
    }
}

async fn search_titles(store: &SharedStore, request: &SearchRequest) -> Vec<String> {
    let mut titles: Vec<String> = store
        .search(request)
        .await
        .expect("search")
        .hits
        .into_iter()
        .map(|hit| hit.title)
        .collect();
    titles.sort();
    titles
}

async fn search_ignores_case_and_diacritics_and_matches_prefixes(store: SharedStore) {
    store
        .create_article(
            &NewArticle {
                body_html: SafeHtml::sanitize(
                    "<p>Projekts stiprinās <strong>Moldovas</strong> iestādes.</p>",
                ),
                ..article("Cīņa pret cilvēku tirdzniecību", utc(2018, 3, 26, 7, 0))
            },
            None,
        )
        .await
        .expect("article");
    let mut lecture = event(
        "Lekcija par darba riskiem",
        utc(2020, 8, 4, 7, 0),
        utc(2020, 8, 4, 9, 0),
    );
    lecture.body_html = SafeHtml::sanitize("<p>Kā atpazīt cilveku tirdzniecibas pazīmes.</p>");
    store.create_event(&lecture, None).await.expect("event");
    let mut draft = article(
        "Nepublicēta cilvēku tirdzniecības ziņa",
        utc(2020, 1, 1, 7, 0),
    );
    draft.status = Status::Draft;
    store.create_article(&draft, None).await.expect("draft");

    let both = vec![
        "Cīņa pret cilvēku tirdzniecību",
        "Lekcija par darba riskiem",
    ];
    // Without diacritics, with them, in capitals, and the stored text without them.
    assert_eq!(
        search_titles(&store, &search_request("cilveku tirdzniec")).await,
        both
    );
    assert_eq!(
        search_titles(&store, &search_request("cilveku tirdzniecibu")).await,
        vec!["Cīņa pret cilvēku tirdzniecību"]
    );
    assert_eq!(
        search_titles(&store, &search_request("CILVĒKU")).await,
        both
    );
    // A prefix finds the longer word.
    assert_eq!(
        search_titles(&store, &search_request("tirdzniec")).await,
        both
    );
    assert_eq!(
        search_titles(&store, &search_request("moldov")).await,
        vec!["Cīņa pret cilvēku tirdzniecību"]
    );
    // Every word must match.
    assert!(
        search_titles(&store, &search_request("cilveku moldova lekcija"))
            .await
            .is_empty()
    );
    // Title matches rank above body matches.
    let ranked = store
        .search(&search_request("cilveku"))
        .await
        .expect("search");
    assert_eq!(ranked.hits[0].title, "Cīņa pret cilvēku tirdzniecību");
    assert_eq!(ranked.total, 2);
    assert_eq!(store.backfill_search().await.expect("backfill"), 0);
}

async fn search_filters_by_kind_and_category_and_pages(store: SharedStore) {
    store
        .create_category(&NewCategory {
            slug: "apmacibas".into(),
            name: "Apmācības".into(),
            colour: "#1d4ed8".into(),
            ..NewCategory::default()
        })
        .await
        .expect("category");
    for i in 0..12 {
        let mut news = article(&format!("Apmācību ziņa {i}"), utc(2020, 1, 1 + i, 7, 0));
        news.category = (i % 2 == 0).then(|| "apmacibas".to_string());
        store.create_article(&news, None).await.expect("article");
    }
    store
        .create_event(
            &event(
                "Apmācību diena",
                utc(2020, 8, 4, 7, 0),
                utc(2020, 8, 4, 9, 0),
            ),
            None,
        )
        .await
        .expect("event");
    let all = store
        .search(&search_request("apmacib"))
        .await
        .expect("search");
    assert_eq!((all.total, all.hits.len()), (13, 10));
    let second = store
        .search(&SearchRequest {
            offset: 10,
            ..search_request("apmacib")
        })
        .await
        .expect("page 2");
    assert_eq!(second.hits.len(), 3);
    let events = store
        .search(&SearchRequest {
            kind: Some(SearchKind::Event),
            ..search_request("apmacib")
        })
        .await
        .expect("events");
    assert_eq!(events.total, 1);
    assert_eq!(events.hits[0].title, "Apmācību diena");
    let in_category = store
        .search(&SearchRequest {
            categories: vec!["apmacibas".into()],
            ..search_request("apmacib")
        })
        .await
        .expect("category");
    assert_eq!(in_category.total, 6);
    assert!(in_category
        .hits
        .iter()
        .all(|hit| hit.category.as_ref().is_some_and(|c| c.slug == "apmacibas")));
}

async fn search_survives_hostile_queries(store: SharedStore) {
    store
        .create_article(
            &article("Cilvēku tirdzniecība", utc(2020, 1, 1, 7, 0)),
            None,
        )
        .await
        .expect("article");
    let long = "ā".repeat(1000);
    for query in [
        "\"cilvēku",
        "cilvēku\" OR \"x",
        "NEAR(cilvēku tirdzniecība)",
        "cilvēku AND NOT tirdzniecība",
        "* ^ - : ( ) { } [ ] ' ; --",
        "cilvēku:* & !x | y",
        "'; DROP TABLE articles; --",
        long.as_str(),
    ] {
        let found = store.search(&search_request(query)).await;
        assert!(found.is_ok(), "{query:?}: {found:?}");
    }
    assert_eq!(
        search_titles(&store, &search_request("\"cilvēku\"")).await,
        vec!["Cilvēku tirdzniecība"]
    );
    assert_eq!(
        store
            .search(&search_request("* ^ ( )"))
            .await
            .expect("symbols")
            .total,
        0
    );
}

async fn many_articles_are_stored_in_one_transaction(store: SharedStore) {
    let batch: Vec<NewArticle> = (0..30)
        .map(|i| {
            article(
                "Slodzes ziņa",
                utc(2020, 1, 1, 7, 0) + chrono::Duration::hours(i),
            )
        })
        .collect();
    assert_eq!(
        store.create_articles(&batch).await.expect("bulk insert"),
        30
    );
    let listed = store.published_articles(&[], 100, 0).await.expect("list");
    assert_eq!(listed.total, 30);
    assert!(listed.articles.iter().any(|a| a.slug == "slodzes-zina-30"));
    assert_eq!(
        search_titles(&store, &search_request("slodzes"))
            .await
            .len(),
        10,
        "bulk-inserted articles are searchable"
    );

    let mut bad_batch = batch.clone();
    bad_batch[20].category = Some("nav-tadas".into());
    assert!(store.create_articles(&bad_batch).await.is_err());
    assert_eq!(
        store
            .published_articles(&[], 100, 0)
            .await
            .expect("list")
            .total,
        30
    );
}

async fn an_edited_or_trashed_article_is_found_or_missed_at_once(store: SharedStore) {
    let stored = store
        .create_article(
            &article("Rīgā atklāj jaunu atbalsta centru", utc(2021, 5, 3, 7, 0)),
            None,
        )
        .await
        .expect("article");
    assert_eq!(
        search_titles(&store, &search_request("atbalsta centru")).await,
        vec!["Rīgā atklāj jaunu atbalsta centru"]
    );

    let edited = store
        .update_article(
            stored.id,
            stored.version,
            &article(
                "Daugavpilī atklāj jaunu konsultāciju punktu",
                stored.published_at,
            ),
            DraftRule::Publishes(0),
            audit("published"),
        )
        .await
        .expect("update");
    assert_eq!(edited.version, stored.version + 1);
    assert_eq!(
        edited.slug, stored.slug,
        "the address stays when the title changes"
    );
    assert!(search_titles(&store, &search_request("atbalsta centru"))
        .await
        .is_empty());
    assert_eq!(
        search_titles(&store, &search_request("daugavpili")).await,
        vec!["Daugavpilī atklāj jaunu konsultāciju punktu"]
    );

    store
        .trash_article(stored.id, audit("deleted"))
        .await
        .expect("trash");
    assert!(search_titles(&store, &search_request("daugavpili"))
        .await
        .is_empty());
    assert_eq!(
        store.published_article(&stored.slug).await.expect("read"),
        None
    );
    assert!(matches!(
        store
            .trash_article(stored.id + 1000, audit("deleted"))
            .await,
        Err(StoreError::NotFound)
    ));
}

async fn a_stale_save_conflicts_and_changes_nothing(store: SharedStore) {
    let stored = store
        .create_article(
            &article("Sākotnējais virsraksts", utc(2021, 5, 3, 7, 0)),
            None,
        )
        .await
        .expect("article");
    let first = store
        .update_article(
            stored.id,
            stored.version,
            &article("Pirmā redaktora virsraksts", stored.published_at),
            DraftRule::Publishes(0),
            audit("published"),
        )
        .await
        .expect("first save");
    let second = store
        .update_article(
            stored.id,
            stored.version,
            &article("Otrā redaktora virsraksts", stored.published_at),
            DraftRule::Publishes(0),
            audit("published"),
        )
        .await;
    assert!(
        matches!(second, Err(StoreError::Conflict { expected, stored }) if expected == 1 && stored == 2),
        "{second:?}"
    );
    let now = store
        .published_article(&stored.slug)
        .await
        .expect("read")
        .expect("still there");
    assert_eq!(now.title, first.title);
    assert!(matches!(
        store
            .update_article(
                stored.id + 1000,
                1,
                &article("X", stored.published_at),
                DraftRule::Publishes(0),
                audit("published")
            )
            .await,
        Err(StoreError::NotFound)
    ));
}

async fn articles_link_to_their_event_and_carry_attachments(store: SharedStore) {
    let meeting = store
        .create_event(
            &event(
                "Projekta sanāksme",
                utc(2018, 3, 23, 7, 30),
                utc(2018, 3, 23, 11, 0),
            ),
            None,
        )
        .await
        .expect("event");
    let report = Attachment {
        title: "Ziņojums".into(),
        href: "/files/zinojums.pdf".into(),
        media_type: "application/pdf".into(),
        size_bytes: 48_213,
    };
    let agenda = Attachment {
        title: "Darba kārtība".into(),
        href: "/files/darba-kartiba.docx".into(),
        media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            .into(),
        size_bytes: 1_135,
    };
    let stored = store
        .create_article(
            &NewArticle {
                event: Some(meeting.slug.clone()),
                attachments: vec![report.clone(), agenda.clone()],
                ..article("Sanāksmē vienojas par darba plānu", utc(2018, 3, 26, 7, 0))
            },
            None,
        )
        .await
        .expect("article");
    assert_eq!(stored.event_id, Some(meeting.id));
    assert_eq!(
        store.attachments(stored.id).await.expect("attachments"),
        vec![report.clone(), agenda]
    );
    let about = store
        .articles_about_event(meeting.id)
        .await
        .expect("articles about the event");
    assert_eq!(about.len(), 1);
    assert_eq!(about[0].slug, stored.slug);
    assert_eq!(
        store
            .published_event_by_id(meeting.id)
            .await
            .expect("event by id")
            .map(|event| event.slug),
        Some(meeting.slug.clone())
    );

    // Saving replaces the attachments and can unlink the event.
    store
        .update_article(
            stored.id,
            stored.version,
            &NewArticle {
                attachments: vec![report.clone()],
                ..article("Sanāksmē vienojas par darba plānu", stored.published_at)
            },
            DraftRule::Publishes(0),
            audit("published"),
        )
        .await
        .expect("update");
    assert_eq!(
        store.attachments(stored.id).await.expect("attachments"),
        vec![report]
    );
    assert!(store
        .articles_about_event(meeting.id)
        .await
        .expect("about")
        .is_empty());

    assert!(matches!(
        store
            .create_article(
                &NewArticle {
                    event: Some("nav-tada-notikuma".into()),
                    ..article("Kļūda", stored.published_at)
                },
                None
            )
            .await,
        Err(StoreError::UnknownEvent(_))
    ));
}

async fn accounts_and_sessions_round_trip_and_can_be_revoked(store: SharedStore) {
    let anna = store
        .create_user("anna@example.lv", "$argon2id$hash-a", Role::Admin)
        .await
        .expect("account");
    assert_eq!(anna.role, Role::Admin);
    assert!(matches!(
        store
            .create_user("anna@example.lv", "$argon2id$other", Role::Editor)
            .await,
        Err(StoreError::Taken("email"))
    ));
    let credentials = store
        .credentials("anna@example.lv")
        .await
        .expect("read")
        .expect("found");
    assert_eq!(credentials.password_hash, "$argon2id$hash-a");
    assert_eq!(
        store
            .credentials("nav@example.lv")
            .await
            .expect("read")
            .map(|c| c.user),
        None
    );

    let now = utc(2026, 11, 29, 10, 0);
    store
        .create_session("hash-1", anna.id, now + chrono::Duration::hours(8))
        .await
        .expect("session");
    assert_eq!(
        store.session_user("hash-1", now).await.expect("lookup"),
        Some(anna.clone())
    );
    assert_eq!(
        store
            .session_user("hash-1", now + chrono::Duration::hours(9))
            .await
            .expect("lookup"),
        None,
        "an expired session signs nobody in"
    );
    store.delete_session("hash-1").await.expect("sign out");
    assert_eq!(
        store.session_user("hash-1", now).await.expect("lookup"),
        None
    );

    store
        .create_session("hash-2", anna.id, Utc::now() + chrono::Duration::hours(8))
        .await
        .expect("session");
    store
        .set_password("anna@example.lv", "$argon2id$hash-b")
        .await
        .expect("new password");
    assert_eq!(
        store
            .session_user("hash-2", Utc::now())
            .await
            .expect("lookup"),
        None,
        "a new password ends the old sessions"
    );
    store
        .create_user("janis@example.lv", "$argon2id$hash-j", Role::Editor)
        .await
        .expect("second account");
    let emails: Vec<String> = store
        .users()
        .await
        .expect("list")
        .into_iter()
        .map(|user| user.email)
        .collect();
    assert_eq!(emails, vec!["anna@example.lv", "janis@example.lv"]);
    store.remove_user("janis@example.lv").await.expect("remove");
    assert!(matches!(
        store.remove_user("janis@example.lv").await,
        Err(StoreError::NotFound)
    ));
}

async fn drafts_refuse_stale_saves_and_publishing_keeps_revisions(store: SharedStore) {
    let editor = store
        .create_user("redaktore@example.lv", "$argon2id$x", Role::Editor)
        .await
        .expect("account");
    let stored = store
        .create_article(&article("Pirmais virsraksts", utc(2021, 5, 3, 7, 0)), None)
        .await
        .expect("article");
    let text = |title: &str| ArticleText {
        title: title.to_string(),
        lead: "Ievads.".into(),
        body_html: "<p>Teksts</p>".into(),
        contact: String::new(),
    };
    let first = store
        .save_article_draft(
            stored.id,
            &text("Melnraksts A"),
            stored.version,
            0,
            editor.id,
            audit("changed"),
        )
        .await
        .expect("first draft");
    assert_eq!(first.draft_version, 1);
    assert_eq!(first.saved_by.as_deref(), Some("redaktore@example.lv"));
    assert!(matches!(
        store
            .save_article_draft(
                stored.id,
                &text("Melnraksts B"),
                stored.version,
                0,
                editor.id,
                audit("changed")
            )
            .await,
        Err(StoreError::Conflict {
            expected: 0,
            stored: 1
        })
    ));
    store
        .save_article_draft(
            stored.id,
            &text("Melnraksts A2"),
            stored.version,
            1,
            editor.id,
            audit("changed"),
        )
        .await
        .expect("second save");
    assert!(matches!(
        store
            .save_article_draft(
                stored.id,
                &text("Melnraksts B"),
                stored.version,
                1,
                editor.id,
                audit("changed")
            )
            .await,
        Err(StoreError::Conflict {
            expected: 1,
            stored: 2
        })
    ));
    let draft = store
        .article_draft(stored.id)
        .await
        .expect("read")
        .expect("draft");
    assert_eq!(draft.text.title, "Melnraksts A2");
    assert_eq!(
        store
            .published_article(&stored.slug)
            .await
            .expect("read")
            .map(|a| a.title),
        Some("Pirmais virsraksts".to_string()),
        "readers see the published version while a draft exists"
    );

    // Publishing from an older look at the draft would lose draft 2: refused, all of it.
    assert!(matches!(
        store
            .update_article(
                stored.id,
                stored.version,
                &article("Melnraksts A", stored.published_at),
                DraftRule::Publishes(1),
                audit("published"),
            )
            .await,
        Err(StoreError::NewerDraft { item_version }) if item_version == stored.version
    ));
    let kept = store.article_draft(stored.id).await.expect("read");
    assert_eq!(
        kept.map(|d| d.draft_version),
        Some(2),
        "the newer draft stays"
    );
    assert!(store
        .article_revisions(stored.id)
        .await
        .expect("revisions")
        .is_empty());
    assert_eq!(
        actions(&store).await,
        vec!["changed"],
        "a refused publish leaves no audit line"
    );

    let published = store
        .update_article(
            stored.id,
            stored.version,
            &article("Melnraksts A2", stored.published_at),
            DraftRule::Publishes(2),
            audit("published"),
        )
        .await
        .expect("publish");
    assert_eq!(
        published.version,
        stored.version + 1,
        "answers with what it wrote"
    );
    assert_eq!(published.title, "Melnraksts A2");
    assert_eq!(store.article_draft(stored.id).await.expect("read"), None);
    assert_eq!(actions(&store).await, vec!["published", "changed"]);
    let revisions = store.article_revisions(stored.id).await.expect("revisions");
    assert_eq!(revisions.len(), 1);
    assert_eq!(revisions[0].version, stored.version);
    assert_eq!(revisions[0].text.title, "Pirmais virsraksts");
    assert!(matches!(
        store
            .save_article_draft(999_999, &text("X"), 1, 0, editor.id, audit("changed"))
            .await,
        Err(StoreError::NotFound)
    ));
}

async fn trash_restore_failed_sign_ins_and_the_audit_log(store: SharedStore) {
    let stored = store
        .create_article(&article("Izmetamais raksts", utc(2021, 5, 3, 7, 0)), None)
        .await
        .expect("article");
    store
        .trash_article(stored.id, audit("deleted"))
        .await
        .expect("trash");
    assert_eq!(
        store.article_for_editing(&stored.slug).await.expect("read"),
        None
    );
    let trashed = store.trashed_articles().await.expect("trash list");
    assert_eq!(trashed.len(), 1);
    assert!(trashed[0].trashed_at.is_some());
    store
        .restore_article(stored.id, audit("restored"))
        .await
        .expect("restore");
    let restored = store
        .article_for_editing(&stored.slug)
        .await
        .expect("read")
        .expect("back");
    assert_eq!(
        restored.status,
        Status::Draft,
        "a restored article comes back as a draft"
    );
    assert_eq!(
        store
            .draft_articles()
            .await
            .expect("drafts")
            .into_iter()
            .map(|a| a.slug)
            .collect::<Vec<_>>(),
        vec![stored.slug.clone()]
    );
    assert!(matches!(
        store.restore_article(stored.id, audit("restored")).await,
        Err(StoreError::NotFound)
    ));

    // Sign-in attempts are counted before their password is checked: each answers the
    // failures counted before it and when the last was.
    let now = utc(2026, 11, 29, 10, 0);
    let forget_before = now - chrono::Duration::hours(1);
    let key = "pair:a@b.lv 192.0.2.7".to_string();
    let address = "address:192.0.2.7".to_string();
    let shared = &store;
    let count = |at, forget_before, keys: Vec<String>| async move {
        shared
            .count_sign_in_attempt(&keys, at, forget_before)
            .await
            .expect("counted")
    };
    let both = || vec![key.clone(), address.clone()];
    assert_eq!(count(now, forget_before, both()).await, vec![None, None]);
    let later = now + chrono::Duration::seconds(5);
    assert_eq!(
        count(later, forget_before, both()).await,
        vec![Some((1, now)), Some((1, now))]
    );
    assert_eq!(
        count(later, forget_before, vec![key.clone()]).await,
        vec![Some((2, later))]
    );
    // After a quiet hour the count starts again, and old rows are purged.
    let next_day = now + chrono::Duration::days(1);
    let next_forget = next_day - chrono::Duration::hours(1);
    assert_eq!(count(next_day, next_forget, both()).await, vec![None, None]);
    let other = "pair:c@d.lv 192.0.2.7".to_string();
    count(next_day, next_forget, vec![other.clone()]).await;
    store
        .clear_login_failures_under("pair:a@b.lv ")
        .await
        .expect("clear the account");
    assert_eq!(
        count(next_day, next_forget, vec![key.clone(), other]).await,
        vec![None, Some((1, next_day))],
        "the account's failures are gone, another account's stay"
    );
    store.clear_login_failures(&address).await.expect("clear");
    assert_eq!(
        count(next_day, next_forget, vec![address.clone()]).await,
        vec![None]
    );

    // Each write left its audit line, newest first; the refused restore left none.
    let log = store.audit_log(10, 0).await.expect("log");
    assert_eq!(
        log.iter()
            .map(|e| (
                e.action.as_str(),
                e.item_kind.as_str(),
                e.item_title.as_str()
            ))
            .collect::<Vec<_>>(),
        vec![
            ("restored", "article", "Izmetamais raksts"),
            ("deleted", "article", "Izmetamais raksts")
        ]
    );
    assert!(log.iter().all(|e| e.item_id == Some(stored.id)));
}

async fn events_are_updated_with_a_version_check_and_trashed(store: SharedStore) {
    let stored = store
        .create_event(
            &event(
                "Seminārs Valmierā",
                utc(2020, 8, 4, 7, 0),
                utc(2020, 8, 4, 9, 0),
            ),
            None,
        )
        .await
        .expect("event");
    let moved = NewEvent {
        starts_at: utc(2020, 8, 6, 7, 0),
        ends_at: utc(2020, 8, 6, 9, 0),
        ..event(
            "Seminārs Cēsīs",
            utc(2020, 8, 6, 7, 0),
            utc(2020, 8, 6, 9, 0),
        )
    };
    let updated = store
        .update_event(
            stored.id,
            stored.version,
            &moved,
            DraftRule::Keeps,
            audit("changed"),
        )
        .await
        .expect("update");
    assert_eq!(updated.slug, stored.slug);
    assert_eq!(updated.starts_at, utc(2020, 8, 6, 7, 0));
    assert_eq!(updated.version, stored.version + 1);
    assert!(matches!(
        store
            .update_event(
                stored.id,
                stored.version,
                &moved,
                DraftRule::Keeps,
                audit("changed")
            )
            .await,
        Err(StoreError::Conflict { .. })
    ));
    let revisions = store.event_revisions(stored.id).await.expect("revisions");
    assert_eq!(
        revisions.len(),
        1,
        "the refused update left no second revision"
    );
    assert_eq!(revisions[0].event.title, "Seminārs Valmierā");
    assert_eq!(revisions[0].event.starts_at, utc(2020, 8, 4, 7, 0));
    assert_eq!(revisions[0].event.version, stored.version);
    assert_eq!(revisions[0].saved_by, "", "the first version was an import");
    assert_eq!(
        search_titles(&store, &search_request("cesis")).await,
        vec!["Seminārs Cēsīs"]
    );
    store
        .trash_event(stored.id, audit("deleted"))
        .await
        .expect("trash");
    assert_eq!(
        store.published_event(&stored.slug).await.expect("read"),
        None
    );
    assert_eq!(
        store.event_for_editing(&stored.slug).await.expect("read"),
        None
    );
}

async fn article_settings_change_address_category_and_status(store: SharedStore) {
    store
        .create_category(&NewCategory {
            slug: "projekti".into(),
            name: "Projekti".into(),
            colour: "#6d28d9".into(),
            ..NewCategory::default()
        })
        .await
        .expect("category");
    let first = store
        .create_article(&article("Pirmais raksts", utc(2021, 5, 3, 7, 0)), None)
        .await
        .expect("article");
    let second = store
        .create_article(&article("Otrais raksts", utc(2021, 5, 4, 7, 0)), None)
        .await
        .expect("article");
    let settings = |slug: &str, status| ArticleSettings {
        slug: slug.into(),
        category: Some("projekti".into()),
        status,
    };
    assert!(matches!(
        store
            .update_article_settings(
                second.id,
                second.version,
                &settings(&first.slug, Status::Published),
                audit("changed settings")
            )
            .await,
        Err(StoreError::Taken("slug"))
    ));
    let moved = store
        .update_article_settings(
            second.id,
            second.version,
            &settings("jauna-adrese", Status::Draft),
            audit("changed settings"),
        )
        .await
        .expect("settings");
    assert_eq!(moved.slug, "jauna-adrese");
    assert_eq!(moved.category.map(|c| c.slug), Some("projekti".to_string()));
    assert_eq!(moved.status, Status::Draft);
    assert_eq!(
        store.published_article("jauna-adrese").await.expect("read"),
        None
    );
    assert!(matches!(
        store
            .update_article_settings(
                second.id,
                second.version,
                &settings("cita", Status::Draft),
                audit("changed settings")
            )
            .await,
        Err(StoreError::Conflict { .. })
    ));

    let event_row = store
        .create_event(
            &event("Izmetams", utc(2020, 8, 4, 7, 0), utc(2020, 8, 4, 9, 0)),
            None,
        )
        .await
        .expect("event");
    store
        .trash_event(event_row.id, audit("deleted"))
        .await
        .expect("trash");
    assert_eq!(store.trashed_events().await.expect("trash").len(), 1);
    store
        .restore_event(event_row.id, audit("restored"))
        .await
        .expect("restore");
    assert!(store.trashed_events().await.expect("trash").is_empty());
    assert!(store
        .event_for_editing(&event_row.slug)
        .await
        .expect("read")
        .is_some());
}

async fn event_drafts_refuse_stale_saves_and_survive_publishing_elsewhere(store: SharedStore) {
    let editor = store
        .create_user("redaktore@example.lv", "$argon2id$x", Role::Editor)
        .await
        .expect("account");
    let stored = store
        .create_event(
            &event(
                "Lekcija Liepājā",
                utc(2020, 8, 12, 9, 0),
                utc(2020, 8, 12, 11, 0),
            ),
            None,
        )
        .await
        .expect("event");
    let first = store
        .save_event_draft(
            stored.id,
            r#"{"title":"A"}"#,
            stored.version,
            0,
            editor.id,
            audit("changed"),
        )
        .await
        .expect("first draft");
    assert_eq!(first.draft_version, 1);
    assert_eq!(first.saved_by.as_deref(), Some("redaktore@example.lv"));
    assert!(
        matches!(
            store
                .save_event_draft(
                    stored.id,
                    r#"{"title":"B"}"#,
                    stored.version,
                    0,
                    editor.id,
                    audit("changed")
                )
                .await,
            Err(StoreError::Conflict { stored: 1, .. })
        ),
        "a second editor starting from no draft must not overwrite the first"
    );
    let second = store
        .save_event_draft(
            stored.id,
            r#"{"title":"A2"}"#,
            stored.version,
            1,
            editor.id,
            audit("changed"),
        )
        .await
        .expect("second save");
    assert_eq!(second.draft_version, 2);
    assert_eq!(
        store
            .event_draft(stored.id)
            .await
            .expect("read")
            .map(|d| d.fields_json),
        Some(r#"{"title":"A2"}"#.to_string())
    );
    assert_eq!(
        store
            .published_event(&stored.slug)
            .await
            .expect("read")
            .map(|e| e.title),
        Some("Lekcija Liepājā".to_string()),
        "readers see the event, not the draft"
    );
    let published = store
        .update_event(
            stored.id,
            stored.version,
            &event(
                "Lekcija Liepājā",
                utc(2020, 8, 12, 9, 0),
                utc(2020, 8, 12, 11, 0),
            ),
            DraftRule::Publishes(2),
            audit("changed"),
        )
        .await
        .expect("publish the draft");
    assert!(
        matches!(
            store
                .save_event_draft(
                    stored.id,
                    "{}",
                    published.version,
                    2,
                    editor.id,
                    audit("changed")
                )
                .await,
            Err(StoreError::Conflict { stored: 0, .. })
        ),
        "a save over a published draft is a conflict, not a fresh draft"
    );
    assert!(matches!(
        store
            .save_event_draft(999_999, "{}", 1, 0, editor.id, audit("changed"))
            .await,
        Err(StoreError::NotFound)
    ));
}

async fn translations_are_kept_per_language_and_replaced_only_at_the_version_seen(
    store: SharedStore,
) {
    let article = store
        .create_article(
            &article("Sadarbība ar Moldovu", utc(2021, 5, 3, 7, 0)),
            None,
        )
        .await
        .expect("article");
    let text = |title: &str| ArticleText {
        title: title.to_string(),
        lead: "Lead.".into(),
        body_html: "<p>Body</p>".into(),
        contact: String::new(),
    };
    assert!(store
        .article_translations(article.id)
        .await
        .expect("none yet")
        .is_empty());
    let russian = store
        .save_article_translation(
            article.id,
            "ru",
            &text("Сотрудничество с Молдовой"),
            0,
            None,
        )
        .await
        .expect("russian");
    let english = store
        .save_article_translation(article.id, "en", &text("Cooperation with Moldova"), 0, None)
        .await
        .expect("english");
    assert_eq!(
        (russian, english),
        (1, 1),
        "each language starts at version 1"
    );
    let again = store
        .save_article_translation(article.id, "en", &text("Working with Moldova"), 1, None)
        .await
        .expect("english again");
    assert_eq!(again, 2);
    // Two translators who both started from version 1, or from nothing: the second loses.
    for seen in [1, 0] {
        assert!(matches!(
            store
                .save_article_translation(article.id, "en", &text("Stale"), seen, None)
                .await,
            Err(StoreError::Conflict { expected, stored: 2 }) if expected == seen
        ));
    }
    let found = store.article_translations(article.id).await.expect("read");
    assert_eq!(
        found
            .iter()
            .map(|found| (
                found.lang.as_str(),
                found.text.title.as_str(),
                found.version
            ))
            .collect::<Vec<_>>(),
        vec![
            ("en", "Working with Moldova", 2),
            ("ru", "Сотрудничество с Молдовой", 1)
        ],
        "one translation per language; a stale save changed nothing"
    );
    assert!(matches!(
        store
            .save_article_translation(999_999, "en", &text("X"), 0, None)
            .await,
        Err(StoreError::NotFound)
    ));
    let other = store
        .create_article(&self::article("Cits raksts", utc(2021, 5, 4, 7, 0)), None)
        .await
        .expect("other article");
    assert_eq!(
        store
            .translated_article_titles("en", &[article.slug.clone(), other.slug.clone()])
            .await
            .expect("titles"),
        vec![(
            article.slug.clone(),
            "Working with Moldova".to_string(),
            "Lead.".to_string()
        )],
        "only the translated one, in the asked language"
    );
    assert!(store
        .translated_article_titles("en", &[])
        .await
        .expect("none asked")
        .is_empty());

    let event = store
        .create_event(
            &event(
                "Seminārs Rīgā",
                utc(2020, 8, 4, 7, 0),
                utc(2020, 8, 4, 9, 0),
            ),
            None,
        )
        .await
        .expect("event");
    let event_text = EventText {
        title: "Seminar in Riga".into(),
        summary: "Summary.".into(),
        body_html: "<p>Body</p>".into(),
        location: "Riga".into(),
    };
    store
        .save_event_translation(event.id, "en", &event_text, 0, None)
        .await
        .expect("event translation");
    assert!(matches!(
        store
            .save_event_translation(event.id, "en", &event_text, 0, None)
            .await,
        Err(StoreError::Conflict { stored: 1, .. })
    ));
    assert_eq!(
        store.translated_slugs("en").await.expect("slugs"),
        (vec![article.slug.clone()], vec![event.slug.clone()]),
        "the published items with an English version"
    );
    // A save over a Russian version that is not there (any more) is refused too.
    assert!(matches!(
        store
            .save_event_translation(event.id, "ru", &event_text, 5, None)
            .await,
        Err(StoreError::Conflict {
            expected: 5,
            stored: 0
        })
    ));
    let stored = store.event_translations(event.id).await.expect("read");
    assert_eq!(stored.len(), 1);
    assert_eq!(
        (stored[0].lang.as_str(), &stored[0].text, stored[0].version),
        ("en", &event_text, 1)
    );
    let age = Utc::now() - stored[0].updated_at;
    assert!(
        age >= chrono::Duration::zero() && age < chrono::Duration::minutes(1),
        "saved just now: {age}"
    );
    assert_eq!(
        store
            .translated_event_titles("en", std::slice::from_ref(&event.slug))
            .await
            .expect("titles"),
        vec![(
            event.slug.clone(),
            "Seminar in Riga".to_string(),
            "Riga".to_string()
        )]
    );
    assert!(store
        .translated_event_titles("ru", std::slice::from_ref(&event.slug))
        .await
        .expect("titles")
        .is_empty());
    assert_eq!(
        store
            .published_event(&event.slug)
            .await
            .expect("read")
            .map(|e| e.title),
        Some("Seminārs Rīgā".to_string()),
        "the original is untouched"
    );
}

async fn readers_find_items_by_their_version_in_their_language(store: SharedStore) {
    use crate::i18n::Lang;

    let translated = store
        .create_article(
            &article("Sadarbība ar Moldovu", utc(2021, 5, 3, 7, 0)),
            None,
        )
        .await
        .expect("article");
    store
        .create_article(&article("Robežsargi mācās", utc(2021, 5, 4, 7, 0)), None)
        .await
        .expect("untranslated article");
    let english = ArticleText {
        title: "Cooperation with Moldova".into(),
        lead: "Border guards meet.".into(),
        body_html: "<p>Social workers join them.</p>".into(),
        contact: String::new(),
    };
    store
        .save_article_translation(translated.id, "en", &english, 0, None)
        .await
        .expect("english");
    let found = |query: &str, lang: Lang| {
        let store = store.clone();
        let request = SearchRequest {
            lang,
            ..search_request(query)
        };
        let query = query.to_string();
        async move {
            let page = store.search(&request).await.expect("search");
            assert_eq!(page.total, page.hits.len() as i64, "{query}");
            page.hits
                .into_iter()
                .map(|hit| (hit.title, hit.text_lang))
                .collect::<Vec<_>>()
        }
    };
    let cooperation = ("Cooperation with Moldova".to_string(), Lang::En);
    assert_eq!(found("workers", Lang::En).await, vec![cooperation.clone()]);
    assert_eq!(found("cooperation", Lang::En).await, vec![cooperation]);
    assert!(
        found("workers", Lang::Lv).await.is_empty(),
        "Latvian readers search Latvian"
    );
    assert!(
        found("sadarbiba", Lang::En).await.is_empty(),
        "a translated item is searched in the reader's version"
    );
    assert_eq!(
        found("robezsargi", Lang::En).await,
        vec![("Robežsargi mācās".to_string(), Lang::Lv)],
        "an untranslated one in Latvian"
    );
    assert_eq!(
        found("sadarbiba", Lang::Ru).await,
        vec![("Sadarbība ar Moldovu".to_string(), Lang::Lv)],
        "no Russian version: the Latvian one"
    );
    // A new version is found by its new words only.
    let renamed = ArticleText {
        title: "Partnership with Moldova".into(),
        ..english
    };
    store
        .save_article_translation(translated.id, "en", &renamed, 1, None)
        .await
        .expect("english again");
    assert!(found("cooperation", Lang::En).await.is_empty());
    assert_eq!(found("partnership", Lang::En).await.len(), 1);
    // Saved versions carry their search text: nothing is left to fill in at start.
    assert_eq!(store.backfill_search().await.expect("backfill"), 0);
}

// Writes racing each other, in their own file; they use the macro and helpers above.
mod racing;
