//! What the archive, an article's neighbours, the calendar's series and the operator's tools
//! read, and a check that every `Store` method has a test here, on both backends: sqlx's
//! compile-time `query!` types a query for one database, so generic SQL is checked this way.

use super::*;
use crate::i18n::Lang;

contract_tests!(
    the_archive_reads_a_months_articles_and_counts_them_by_period,
    a_news_list_narrowed_to_categories_has_only_theirs_newest_first,
    an_article_has_its_published_neighbours_and_related_articles,
    recurring_series_are_listed_by_first_start,
    only_content_writes_move_the_content_generation,
    a_backup_is_a_whole_copy_or_refused_with_a_reason,
    articles_and_events_in_the_trash_are_on_the_desk_alike,
    articles_and_events_list_their_versions_alike,
    an_item_an_editor_created_names_them_as_its_first_versions_author,
);

/// Articles published at 09:00 UTC on the given days of March 2020, in that order.
async fn march_articles(store: &SharedStore, days: &[(&str, u32)]) -> Vec<Article> {
    let mut stored = Vec::new();
    for (title, day) in days {
        let new = article(title, utc(2020, 3, *day, 9, 0));
        stored.push(store.create_article(&new, None).await.expect("article"));
    }
    stored
}

async fn the_archive_reads_a_months_articles_and_counts_them_by_period(store: SharedStore) {
    march_articles(&store, &[("Pirmais", 1), ("Otrais", 2), ("Trešais", 3)]).await;
    let mut unpublished = article("Nepublicēts", utc(2020, 3, 2, 12, 0));
    unpublished.status = Status::Draft;
    store
        .create_article(&unpublished, None)
        .await
        .expect("draft");
    let (from, to) = (utc(2020, 3, 2, 0, 0), utc(2020, 3, 4, 0, 0));
    let between = store.published_articles_in(Lang::Lv, &[], Some((from, to)), 10, 0);
    let page = between.await.expect("between");
    let titles: Vec<&str> = page.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!((titles, page.total), (vec!["Trešais", "Otrais"], 2));
    let second = store.published_articles_in(Lang::Lv, &[], Some((from, to)), 1, 1);
    let second = second.await.expect("second page");
    assert_eq!(second.articles[0].title, "Otrais");
    assert_eq!(second.total, 2);
    let span = store.publication_span(&[]).await.expect("span");
    assert_eq!(
        span,
        Some((utc(2020, 3, 1, 9, 0), utc(2020, 3, 3, 9, 0))),
        "published only"
    );
    let nobody = store.publication_span(&["nav-tadas".into()]).await;
    assert_eq!(nobody.expect("span"), None);
    // Each period counts from its start (inclusive) to its end (exclusive), in order.
    let periods = [
        (utc(2020, 3, 1, 9, 0), utc(2020, 3, 3, 9, 0)),
        (utc(2020, 2, 1, 0, 0), utc(2020, 3, 1, 0, 0)),
        (utc(2020, 3, 1, 0, 0), utc(2020, 4, 1, 0, 0)),
    ];
    let counts = store.publication_counts(&[], &periods).await;
    assert_eq!(counts.expect("counts"), [2, 0, 3]);
    // More periods than one statement binds: the articles fall in the second statement's,
    // and their counts land in their own periods' places.
    let start = utc(2020, 3, 1, 0, 0) - chrono::Duration::hours(3_000);
    let hours: Vec<_> = (0..5_000)
        .map(|hour| {
            let from = start + chrono::Duration::hours(hour);
            (from, from + chrono::Duration::hours(1))
        })
        .collect();
    let counts = store.publication_counts(&[], &hours).await.expect("counts");
    assert_eq!(counts.iter().sum::<i64>(), 3);
    assert_eq!((counts[3_009], counts[3_033], counts[3_057]), (1, 1, 1));
}

async fn a_news_list_narrowed_to_categories_has_only_theirs_newest_first(store: SharedStore) {
    let training = training_category(&store).await;
    let projects = NewCategory {
        slug: "projekti".into(),
        name: "Projekti".into(),
        colour: "#b91c1c".into(),
        ..NewCategory::default()
    };
    store.create_category(&projects).await.expect("category");
    for (title, day, category) in [
        ("Apmācība", 1, Some("apmacibas")),
        ("Projekts", 2, Some("projekti")),
        ("Bez kategorijas", 3, None),
        ("Jaunākā apmācība", 4, Some("apmacibas")),
        ("Nepublicēta apmācība", 5, Some("apmacibas")),
    ] {
        let mut new = article(title, utc(2020, 3, day, 9, 0));
        new.category = category.map(Into::into);
        if day == 5 {
            new.status = Status::Draft;
        }
        store.create_article(&new, None).await.expect("article");
    }
    let slugs = |slugs: &[&str]| slugs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let list = |categories: Vec<String>, limit, offset| {
        let store = store.clone();
        async move {
            let page = store.published_articles_in(Lang::Lv, &categories, None, limit, offset);
            let page = page.await.expect("list");
            let titles: Vec<String> = page.articles.iter().map(|a| a.title.clone()).collect();
            (titles, page.total)
        }
    };
    assert_eq!(
        list(slugs(&["apmacibas"]), 10, 0).await,
        (vec!["Jaunākā apmācība".into(), "Apmācība".into()], 2)
    );
    assert_eq!(
        list(slugs(&["projekti", "apmacibas"]), 2, 1).await,
        (vec!["Projekts".into(), "Apmācība".into()], 3),
        "the second page of both, counted whole"
    );
    assert_eq!(list(slugs(&["nav-tadas"]), 10, 0).await, (vec![], 0));
    // Each article comes with its own category.
    let both = slugs(&["apmacibas", "projekti"]);
    let page = store.published_articles_in(Lang::Lv, &both, None, 10, 0);
    let page = page.await.expect("list");
    let categories: Vec<Option<String>> = page
        .articles
        .iter()
        .map(|a| a.category.as_ref().map(|c| c.slug.clone()))
        .collect();
    assert_eq!(
        categories,
        [
            Some(training.slug.clone()),
            Some("projekti".into()),
            Some(training.slug)
        ]
    );
    // Read in English (through the translations' join), untranslated articles keep Latvian.
    let projects = slugs(&["projekti"]);
    let english = store.published_articles_in(Lang::En, &projects, None, 10, 0);
    let english = english.await.expect("list in English");
    assert_eq!(english.articles[0].title, "Projekts");
    assert_eq!(english.articles[0].text_lang(), Lang::Lv);
}

async fn an_article_has_its_published_neighbours_and_related_articles(store: SharedStore) {
    let training = training_category(&store).await;
    let in_training = |title: &str, day: u32| {
        let mut new = article(title, utc(2020, 3, day, 9, 0));
        new.category = Some(training.slug.clone());
        new
    };
    let first = in_training("Pirmā apmācība", 1);
    let second = in_training("Otrā apmācība", 2);
    let mut hidden = in_training("Melnraksts", 3);
    hidden.status = Status::Draft;
    let mut stored = Vec::new();
    for new in [&first, &second, &hidden] {
        stored.push(store.create_article(new, None).await.expect("article"));
    }
    let second = &stored[1];
    let news = march_articles(&store, &[("Ziņa", 3), ("Jaunākā", 5)]).await;
    let around = store.article_neighbours(Lang::Lv, second, 5).await;
    let around = around.expect("neighbours");
    let title = |a: &Option<Article>| a.as_ref().map(|a| a.title.clone());
    assert_eq!(title(&around.older).as_deref(), Some("Pirmā apmācība"));
    assert_eq!(
        title(&around.newer).as_deref(),
        Some("Ziņa"),
        "drafts are skipped"
    );
    let related: Vec<&str> = around.related.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        related,
        vec!["Pirmā apmācība"],
        "same category, itself left out"
    );
    let latest = store.article_neighbours(Lang::Lv, &news[0], 5).await;
    let latest = latest.expect("neighbours of the news item");
    assert_eq!(title(&latest.newer).as_deref(), Some("Jaunākā"));
    assert!(latest.related.is_empty(), "no category, nothing related");
}

async fn recurring_series_are_listed_by_first_start(store: SharedStore) {
    let weekly = |title: &str, day: u32| {
        let mut series = event(title, utc(2020, 8, day, 7, 0), utc(2020, 8, day, 8, 0));
        series.recurrence = Some(Recurrence {
            rule: "FREQ=WEEKLY".into(),
            exdates: Vec::new(),
            series_end: None,
        });
        series
    };
    let mut unpublished = weekly("Nepublicēta sērija", 1);
    unpublished.status = Status::Draft;
    let once = event("Vienreiz", utc(2020, 8, 2, 7, 0), utc(2020, 8, 2, 8, 0));
    for new in [
        weekly("Otrdienas", 4),
        weekly("Pirmdienas", 3),
        unpublished,
        once,
    ] {
        store.create_event(&new, None).await.expect("event");
    }
    let series = store.recurring_events(Lang::Lv).await.expect("series");
    let titles: Vec<&str> = series.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, vec!["Pirmdienas", "Otrdienas"]);
    assert!(series.iter().all(|e| e.recurrence.is_some()));
}

async fn only_content_writes_move_the_content_generation(store: SharedStore) {
    let before = store.content_generation();
    let editor = an_editor(&store).await;
    assert_eq!(
        store.content_generation(),
        before,
        "accounts are not content"
    );
    let stored = an_article(&store, "Raksts").await;
    let after_write = store.content_generation();
    assert!(after_write > before, "a published article is content");
    let drafts = article_drafts(&store, &stored, editor.id);
    drafts
        .save(r#"{"format":1,"title":"Melnraksts"}"#, 0)
        .await
        .expect("draft");
    assert_eq!(
        store.content_generation(),
        after_write,
        "readers never see drafts"
    );
    assert!(
        store.pool_connections().0 >= 1,
        "the pool holds the connections it used"
    );
}

async fn a_backup_is_a_whole_copy_or_refused_with_a_reason(store: SharedStore) {
    an_article(&store, "Saglabājamais").await;
    let folder = tempfile::tempdir().expect("folder");
    let copy = folder.path().join("kopija.db");
    match store.back_up_to(&copy).await {
        // SQLite: the copy is a database with the same content, and is never overwritten.
        Ok(()) => {
            let url = format!("sqlite:{}", copy.display());
            let copied = connect(&url).await.expect("the copy opens");
            let page = copied.published_articles(Lang::Lv, &[], 10, 0).await;
            assert_eq!(page.expect("read").articles[0].title, "Saglabājamais");
            copied.close().await;
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(&copy).expect("copy").permissions().mode();
                assert_eq!(
                    mode & 0o777,
                    0o600,
                    "password hashes are in it: its owner's only"
                );
            }
            let again = store.back_up_to(&copy).await;
            assert!(matches!(again, Err(StoreError::BackupExists(_))));
        }
        // PostgreSQL: `pg_dump` is the tool, and nothing is written.
        Err(StoreError::BackupNotHere) => assert!(!copy.exists()),
        Err(other) => panic!("backup failed: {other}"),
    }
}

async fn articles_and_events_in_the_trash_are_on_the_desk_alike(store: SharedStore) {
    let stored_article = an_article(&store, "Izmetamais raksts").await;
    let stored_event = a_seminar(&store).await;
    let unpublished = store
        .create_article(
            &NewArticle {
                status: Status::Draft,
                ..article("Nepabeigtais", utc(2020, 3, 2, 12, 0))
            },
            None,
        )
        .await
        .expect("an unpublished article");
    let before = Utc::now() - chrono::Duration::seconds(1);
    trash(&store, ItemKind::Article, stored_article.id).await;
    trash(&store, ItemKind::Event, stored_event.id).await;
    let desk = store.desk().await.expect("desk");
    let on_desk = |place, kind, id| {
        desk.iter()
            .find(|entry| entry.place == place && entry.kind == kind && entry.id == id)
    };
    let article_in_trash = on_desk(DeskPlace::Trash, ItemKind::Article, stored_article.id);
    let event_in_trash = on_desk(DeskPlace::Trash, ItemKind::Event, stored_event.id);
    let article_at = article_in_trash.expect("the article is in the trash").at;
    let event_at = event_in_trash.expect("the event is in the trash").at;
    assert!(
        article_at >= before && event_at >= article_at,
        "each says when"
    );
    let draft = on_desk(DeskPlace::Draft, ItemKind::Article, unpublished.id);
    assert_eq!(
        draft.map(|entry| entry.title.as_str()),
        Some("Nepabeigtais")
    );
    assert_eq!(desk.len(), 3, "nothing else, and nothing twice: {desk:?}");
    assert!(
        desk.windows(2).all(|pair| pair[0].at >= pair[1].at),
        "newest first"
    );
    let back = |kind, id| store.move_trash(kind, id, TrashMove::OutOf, audit("restored"));
    back(ItemKind::Article, stored_article.id)
        .await
        .expect("article back");
    back(ItemKind::Event, stored_event.id)
        .await
        .expect("event back");
    let article = store.article(stored_article.id).await;
    let event = store.event_by_id_for_editing(stored_event.id).await;
    let article = article.expect("read").expect("out of the trash");
    let event = event.expect("read").expect("out of the trash");
    assert_eq!((article.trashed_at, event.trashed_at), (None, None));
    // Back as a draft: editors find it at its address, readers do not.
    for (audience, found) in [
        (Audience::Editors, Some(article.id)),
        (Audience::Readers, None),
    ] {
        let at = store
            .item_at(ItemKind::Article, &article.slug, audience)
            .await;
        let at = at.expect("looked up");
        let at = at.map(|item| (item.id, item.title, item.readers.published));
        assert_eq!(
            at,
            found.map(|id| (id, article.title.clone(), false)),
            "{audience:?}"
        );
    }
}

async fn articles_and_events_list_their_versions_alike(store: SharedStore) {
    let first = an_article(&store, "Pirmais").await;
    let second = retitle(&store, &first, "Otrais").await.expect("published");
    retitle(&store, &second, "Trešais")
        .await
        .expect("published again");
    let seminar = a_seminar(&store).await;
    for (version, title) in [(1, "Otrais"), (2, "Trešais")] {
        let mut renamed = event(title, seminar.starts_at, seminar.ends_at);
        renamed.location = seminar.location.clone();
        let update = store.update_event(
            seminar.id,
            version,
            &renamed,
            DraftRule::Keeps,
            audit("saved"),
        );
        update.await.expect("saved");
    }
    for (kind, id, first_title) in [
        (ItemKind::Article, first.id, "Pirmais"),
        (ItemKind::Event, seminar.id, "Seminārs"),
    ] {
        let slug = if kind == ItemKind::Article {
            &first.slug
        } else {
            &seminar.slug
        };
        let found = store
            .item_at(kind, slug, Audience::Editors)
            .await
            .expect("found by slug");
        let found = found.map(|item| (item.id, item.title, item.readers.published));
        let published = Some((id, "Trešais".into(), true));
        assert_eq!(found, published, "{kind:?} by its slug");
        let read = store.item_at(kind, slug, Audience::Readers).await;
        let read = read.expect("found").map(|item| item.id);
        assert_eq!(read, Some(id), "{kind:?} published");
        assert!(!store
            .in_trash(kind, ItemAt::Id(id))
            .await
            .expect("looked up"));
        let versions = store.versions(kind, id).await.expect("versions");
        let listed: Vec<(i64, &str, &str, bool)> = versions
            .iter()
            .map(|v| (v.version, v.title.as_str(), v.saved_by.as_str(), v.current))
            .collect();
        let expected = vec![
            (3, "Trešais", "redaktore@example.lv", true),
            (2, "Otrais", "redaktore@example.lv", false),
            (1, first_title, "", false),
        ];
        assert_eq!(
            listed, expected,
            "{kind:?}: newest first, the first one imported"
        );
        // One revision read alone, as a comparison or a restore reads it.
        for (only, titles) in [
            (None, vec!["Otrais", first_title]),
            (Some(1), vec![first_title]),
            (Some(3), vec![]),
        ] {
            let read: Vec<String> = match kind {
                ItemKind::Article => store
                    .article_revisions(id, only)
                    .await
                    .map(|all| all.into_iter().map(|r| r.text.title).collect()),
                ItemKind::Event => store
                    .event_revisions(id, only)
                    .await
                    .map(|all| all.into_iter().map(|r| r.event.title).collect()),
            }
            .expect("revisions");
            assert_eq!(read, titles, "{kind:?}: revisions {only:?}");
        }
        trash(&store, kind, id).await;
        let trashed = store.versions(kind, id).await;
        assert!(
            matches!(trashed, Err(StoreError::NotFound)),
            "{kind:?} in the trash"
        );
        for audience in [Audience::Editors, Audience::Readers] {
            let hidden = store
                .item_at(kind, slug, audience)
                .await
                .expect("looked up");
            assert_eq!(hidden, None, "{kind:?} in the trash, for {audience:?}");
        }
        for at in [ItemAt::Id(id), ItemAt::Slug(slug)] {
            let trashed = store.in_trash(kind, at).await.expect("looked up");
            assert!(trashed, "{kind:?} at {at:?}");
        }
        let elsewhere = store.in_trash(kind, ItemAt::Slug("cits")).await;
        assert!(!elsewhere.expect("looked up"), "nothing at that address");
        assert!(
            !store
                .in_trash(kind, ItemAt::Id(id + 1000))
                .await
                .expect("looked up"),
            "no such item"
        );
    }
}

async fn an_item_an_editor_created_names_them_as_its_first_versions_author(store: SharedStore) {
    let created = audit("created");
    let new = article("Jauns raksts", utc(2021, 5, 3, 7, 0));
    let article = store.create_article(&new, Some(created)).await;
    let article = article.expect("article");
    retitle(&store, &article, "Jauns raksts, labots")
        .await
        .expect("published");
    let new = event(
        "Jauns seminārs",
        utc(2020, 8, 4, 7, 0),
        utc(2020, 8, 4, 9, 0),
    );
    let seminar = store
        .create_event(&new, Some(created))
        .await
        .expect("event");
    let mut renamed = new.clone();
    renamed.title = "Jauns seminārs, labots".into();
    let update = store.update_event(seminar.id, 1, &renamed, DraftRule::Keeps, audit("saved"));
    update.await.expect("saved");
    for (kind, id) in [
        (ItemKind::Article, article.id),
        (ItemKind::Event, seminar.id),
    ] {
        let versions = store.versions(kind, id).await.expect("versions");
        let first = versions.iter().find(|v| v.version == 1).expect("version 1");
        assert_eq!(
            first.saved_by, "redaktore@example.lv",
            "{kind:?}: an editor's own first version is theirs, not an import's"
        );
    }
}

/// Store methods that run no SQL of their own, so need no contract test.
const WITHOUT_SQL: &[&str] = &["follow_other_instances"];

/// Every method of `Store` and its resource traits is called by some contract test, so each of
/// its queries runs on SQLite and PostgreSQL in `make test`.
#[test]
fn every_store_method_is_tried_on_both_backends() {
    let traits = [
        include_str!("../mod.rs"),
        include_str!("../events.rs"),
        include_str!("../articles.rs"),
        include_str!("../versions.rs"),
        include_str!("../translations.rs"),
        include_str!("../accounts.rs"),
        include_str!("../search.rs"),
    ];
    let tests = [
        include_str!("../contract.rs"),
        include_str!("accounts.rs"),
        include_str!("addresses.rs"),
        include_str!("articles.rs"),
        include_str!("drafts.rs"),
        include_str!("events.rs"),
        include_str!("migrations.rs"),
        include_str!("racing.rs"),
        include_str!("reading.rs"),
        include_str!("search.rs"),
        include_str!("translation_sources.rs"),
        include_str!("translations.rs"),
        include_str!("upkeep.rs"),
    ]
    .concat();
    let declared: Vec<&str> = traits
        .iter()
        .flat_map(|source| trait_methods(source))
        .collect();
    assert!(declared.len() > 50, "found only {declared:?}");
    let untried: Vec<&&str> = declared
        .iter()
        .filter(|name| !WITHOUT_SQL.contains(name) && !tests.contains(&format!(".{name}(")))
        .collect();
    assert!(untried.is_empty(), "no contract test calls {untried:?}");
}

/// The names of the methods declared in the `pub trait …Store` blocks of `source`.
fn trait_methods(source: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut in_trait = false;
    for line in source.lines() {
        if line.starts_with("pub trait ") && line.contains("Store") {
            in_trait = true;
        } else if line == "}" {
            in_trait = false;
        } else if in_trait {
            let declaration = line.trim_start();
            let declaration = declaration.strip_prefix("async ").unwrap_or(declaration);
            if let Some(rest) = declaration.strip_prefix("fn ") {
                names.extend(rest.split(['(', '<']).next());
            }
        }
    }
    names
}
