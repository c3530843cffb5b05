//! Articles: listing, bulk loading, version checks, links to events, attachments and settings
//! (their addresses: `addresses`).

use super::*;

contract_tests!(
    articles_are_listed_newest_first_in_pages,
    many_articles_are_stored_in_one_transaction,
    a_stale_save_conflicts_and_changes_nothing,
    an_item_in_the_trash_is_not_written_and_stays_there,
    articles_link_to_their_event_and_carry_attachments,
    article_settings_change_category_and_status,
    an_articles_date_is_its_first_publication,
);

async fn articles_are_listed_newest_first_in_pages(store: SharedStore) {
    for (title, day) in [("Vecākais", 1), ("Jaunākais", 3), ("Vidējais", 2)] {
        store
            .create_article(&article(title, utc(2020, 3, day, 7, 0)), None)
            .await
            .expect("create");
    }
    let first = store
        .published_articles(crate::i18n::Lang::Lv, &[], 2, 0)
        .await
        .expect("page 1");
    assert_eq!(first.total, 3);
    let first_titles: Vec<_> = first.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(first_titles, vec!["Jaunākais", "Vidējais"]);
    let second = store
        .published_articles(crate::i18n::Lang::Lv, &[], 2, 2)
        .await
        .expect("page 2");
    let none = store
        .published_articles(crate::i18n::Lang::Lv, &["nav-tadas".to_string()], 10, 0)
        .await
        .expect("unknown category");
    assert_eq!((none.total, none.articles.len()), (0, 0));
    let second_titles: Vec<_> = second.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(second_titles, vec!["Vecākais"]);
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
    let listed = store
        .published_articles(crate::i18n::Lang::Lv, &[], 100, 0)
        .await
        .expect("list");
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
            .published_articles(crate::i18n::Lang::Lv, &[], 100, 0)
            .await
            .expect("list")
            .total,
        30
    );
}

async fn a_stale_save_conflicts_and_changes_nothing(store: SharedStore) {
    let stored = an_article(&store, "Sākotnējais virsraksts").await;
    let first = retitle(&store, &stored, "Pirmā redaktora virsraksts")
        .await
        .expect("first save");
    let second = retitle(&store, &stored, "Otrā redaktora virsraksts").await;
    assert!(
        matches!(second, Err(StoreError::Conflict { expected, stored }) if expected == 1 && stored == 2),
        "{second:?}"
    );
    let now = store
        .published_article(crate::i18n::Lang::Lv, &stored.slug)
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
                publishes(0),
                audit("published")
            )
            .await,
        Err(StoreError::NotFound)
    ));
}

/// Every kind's update skips an item in the trash, even from the version it is at there: it
/// answers "not found" and the item stays trashed and unpublished (an update used to publish
/// a trashed article, or leave a trashed event published and in the trash).
async fn an_item_in_the_trash_is_not_written_and_stays_there(store: SharedStore) {
    let stored = an_article(&store, "Izmestais raksts").await;
    trash(&store, ItemKind::Article, stored.id).await;
    let in_trash = store.article(stored.id).await.expect("read").expect("kept");
    let rule = publishes(0);
    let new = article("Atdzīvināts", stored.published_at);
    let written = store.update_article(stored.id, in_trash.version, &new, rule, audit("x"));
    assert!(matches!(written.await, Err(StoreError::NotFound)));
    let after = store.article(stored.id).await.expect("read").expect("kept");
    assert_eq!(
        (after.title, after.version),
        (stored.title, in_trash.version)
    );
    assert!(after.trashed_at.is_some());

    let seminar = a_seminar(&store).await;
    trash(&store, ItemKind::Event, seminar.id).await;
    let new = event("Atdzīvināts", seminar.starts_at, seminar.ends_at);
    let trashed_version = seminar.version + 1;
    let written = store.update_event(seminar.id, trashed_version, &new, rule, audit("x"));
    assert!(matches!(written.await, Err(StoreError::NotFound)));
    let lang = crate::i18n::Lang::Lv;
    let published = store
        .published_event(lang, &seminar.slug)
        .await
        .expect("read");
    assert_eq!(published, None, "still in the trash, not published");
    assert_eq!(
        store.desk().await.expect("desk").len(),
        2,
        "both in the trash"
    );
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
        .articles_about_event(crate::i18n::Lang::Lv, meeting.id)
        .await
        .expect("articles about the event");
    assert_eq!(about.len(), 1);
    assert_eq!(about[0].slug, stored.slug);
    assert_eq!(
        store
            .published_event_by_id(crate::i18n::Lang::Lv, meeting.id)
            .await
            .expect("event by id")
            .map(|event| event.slug),
        Some(meeting.slug.clone())
    );

    // Saving replaces the attachments and keeps the event it reports on, also while that
    // event is in the trash (back from it, the article is about it again).
    let update = |version: i64| {
        let article = NewArticle {
            attachments: vec![report.clone()],
            ..article("Sanāksmē vienojas par darba plānu", stored.published_at)
        };
        let store = store.clone();
        async move {
            let updated = store.update_article(
                stored.id,
                version,
                &article,
                publishes(0),
                audit("published"),
            );
            updated.await.expect("update")
        }
    };
    let updated = update(stored.version).await;
    assert_eq!(
        store.attachments(stored.id).await.expect("attachments"),
        vec![report.clone()]
    );
    assert_eq!(updated.event_id, Some(meeting.id));
    trash(&store, ItemKind::Event, meeting.id).await;
    let updated = update(updated.version).await;
    assert_eq!(
        updated.event_id,
        Some(meeting.id),
        "kept while the event is in the trash"
    );
    out_of_trash(&store, ItemKind::Event, meeting.id).await;
    let about = store
        .articles_about_event(crate::i18n::Lang::Lv, meeting.id)
        .await;
    assert_eq!(
        about.expect("about").len(),
        1,
        "the article is about it again"
    );

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

async fn article_settings_change_category_and_status(store: SharedStore) {
    store
        .create_category(&NewCategory {
            slug: "projekti".into(),
            name: "Projekti".into(),
            colour: "#6d28d9".into(),
            ..NewCategory::default()
        })
        .await
        .expect("category");
    let second = store
        .create_article(&article("Otrais raksts", utc(2021, 5, 4, 7, 0)), None)
        .await
        .expect("article");
    let settings = |status| ArticleSettings {
        category: Some("projekti".into()),
        status,
    };
    let hidden = store
        .update_article_settings(
            second.id,
            second.version,
            &settings(Status::Draft),
            audit("changed settings"),
        )
        .await
        .expect("settings");
    assert_eq!(hidden.slug, second.slug);
    assert_eq!(
        hidden.category.map(|c| c.slug),
        Some("projekti".to_string())
    );
    assert_eq!(hidden.status, Status::Draft);
    assert_eq!(
        store
            .published_article(crate::i18n::Lang::Lv, &second.slug)
            .await
            .expect("read"),
        None
    );
    assert!(matches!(
        store
            .update_article_settings(
                second.id,
                second.version,
                &settings(Status::Published),
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
    trash(&store, ItemKind::Event, event_row.id).await;
    let in_trash = |desk: Vec<DeskEntry>| {
        let trashed = (DeskPlace::Trash, ItemKind::Event, event_row.id);
        desk.iter()
            .any(|entry| (entry.place, entry.kind, entry.id) == trashed)
    };
    assert!(in_trash(store.desk().await.expect("desk")));
    out_of_trash(&store, ItemKind::Event, event_row.id).await;
    assert!(!in_trash(store.desk().await.expect("desk")));
    assert!(store
        .event_for_editing(&event_row.slug)
        .await
        .expect("read")
        .is_some());
}

/// An article's date is when readers first saw it, whichever way it was published (its text
/// or its settings); hidden and shown again, either way, it keeps that date.
async fn an_articles_date_is_its_first_publication(store: SharedStore) {
    let created_at = utc(2021, 5, 3, 7, 0);
    let unpublished = |title: &str| {
        let mut new = article(title, created_at);
        new.status = Status::Draft;
        new
    };
    // Each step as the editors take it, answering the article as written.
    let show = |article: Article, status: Status| {
        let store = store.clone();
        async move {
            let settings = ArticleSettings {
                category: None,
                status,
            };
            let audit = audit("changed settings");
            let written =
                store.update_article_settings(article.id, article.version, &settings, audit);
            written.await.expect("settings")
        }
    };
    let publish_text = |article: Article| {
        let store = store.clone();
        async move {
            // As the editor sends it: the article's date as it was (the store keeps its own).
            let mut text = unpublished(&article.title);
            text.status = Status::Published;
            let (rule, audit) = (publishes(0), audit("published"));
            let written = store.update_article(article.id, article.version, &text, rule, audit);
            written.await.expect("published")
        }
    };
    let create = |new: NewArticle| {
        let store = store.clone();
        async move { store.create_article(&new, None).await.expect("article") }
    };
    let just_now =
        |article: &Article| Utc::now() - article.published_at < chrono::Duration::minutes(1);

    // Published by its text: dated then, not when it was created.
    let published = publish_text(create(unpublished("Pirmais")).await).await;
    assert!(just_now(&published), "{}", published.published_at);
    let date = published.published_at;
    // Hidden by its settings and published by its text again: the same date.
    let again = publish_text(show(published, Status::Draft).await).await;
    assert_eq!(
        again.published_at, date,
        "the first publication's date stays"
    );
    // Hidden and shown again by its settings: the same date.
    let shown = show(show(again, Status::Draft).await, Status::Published).await;
    assert_eq!(shown.published_at, date);

    // Published by its settings first: dated then too.
    let shown = show(create(unpublished("Otrais")).await, Status::Published).await;
    assert!(just_now(&shown), "{}", shown.published_at);

    // Stored as published (the demo, an import): its own date, also hidden and shown again.
    let stored = create(article("Trešais", created_at)).await;
    let shown = show(show(stored, Status::Draft).await, Status::Published).await;
    assert_eq!(shown.published_at, created_at);
}
