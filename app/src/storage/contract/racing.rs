//! Editing writes racing each other, on SQLite and on PostgreSQL: every write ends in success
//! or a conflict (never a database error), exactly one of several writes from the same version
//! wins, and nothing an editor was told is saved is lost.

use std::future::Future;

use super::*;
use crate::editing::ItemKind;
use crate::storage::transfer::Receiving;

/// How many writes race in each test: more than the pool's connections would only queue.
pub(super) const AT_ONCE: usize = 8;

/// Starts `write(0)` … `write(n - 1)` at once and answers their outcomes in that order.
pub(super) async fn at_once<T, F, Fut>(n: usize, write: F) -> Vec<Result<T, StoreError>>
where
    F: Fn(usize) -> Fut,
    Fut: Future<Output = Result<T, StoreError>> + Send + 'static,
    T: Send + 'static,
{
    let tasks: Vec<_> = (0..n).map(|i| tokio::spawn(write(i))).collect();
    let mut outcomes = Vec::with_capacity(n);
    for task in tasks {
        outcomes.push(task.await.expect("a racing write does not panic"));
    }
    outcomes
}

/// Exactly one success and conflicts for the rest; anything else fails with the outcomes.
/// Answers what the winner wrote.
pub(super) fn one_wins<T: std::fmt::Debug>(outcomes: &[Result<T, StoreError>]) -> &T {
    let won = outcomes.iter().filter(|outcome| outcome.is_ok()).count();
    let refused = outcomes
        .iter()
        .filter(|outcome| matches!(outcome, Err(StoreError::Conflict { .. })))
        .count();
    assert_eq!(
        (won, refused),
        (1, outcomes.len() - 1),
        "one write wins, the others conflict: {outcomes:?}"
    );
    outcomes
        .iter()
        .find_map(|outcome| outcome.as_ref().ok())
        .expect("a winner")
}

fn article_text(title: &str) -> ArticleText {
    ArticleText {
        title: title.to_string(),
        lead: "Ievads.".into(),
        body_html: "<p>Teksts</p>".into(),
        contact: String::new(),
    }
}

async fn publishes_from_one_version_at_once_end_in_one_success_and_conflicts(store: SharedStore) {
    let stored = an_article(&store, "Sākums").await;
    let outcomes = at_once(AT_ONCE, |i| {
        let store = Arc::clone(&store);
        let version = stored.version;
        let id = stored.id;
        async move {
            let title = format!("Versija {i}");
            store
                .update_article(
                    id,
                    version,
                    &article(&title, utc(2021, 5, 3, 7, 0)),
                    publishes(0),
                    audit("published"),
                )
                .await
        }
    })
    .await;
    let winner = one_wins(&outcomes);
    let now = stored_article(&store, stored.id).await;
    assert_eq!(
        (now.version, now.title.as_str()),
        (stored.version + 1, winner.title.as_str()),
        "the winner answered with what is stored"
    );
    assert_eq!(
        store
            .article_revisions(stored.id, None)
            .await
            .expect("revisions")
            .len(),
        1
    );
    assert_eq!(actions(&store).await, vec!["published"]);
}

async fn first_draft_saves_at_once_end_in_one_draft_and_conflicts(store: SharedStore) {
    let editor = an_editor(&store).await;
    let stored = an_article(&store, "Sākums").await;
    let outcomes = at_once(AT_ONCE, |i| {
        let store = Arc::clone(&store);
        let (id, version, editor) = (stored.id, stored.version, editor.id);
        async move {
            drafting(&store, ItemKind::Article, id, version, editor)
                .save(&article_json(&article_text(&format!("Melnraksts {i}"))), 0)
                .await
        }
    })
    .await;
    let saved = one_wins(&outcomes);
    let stored_draft = stored_draft(&store, ItemKind::Article, stored.id)
        .await
        .expect("draft");
    assert_eq!(stored_draft.fields_json, saved.fields_json);
    assert_eq!(stored_draft.draft_version, saved.draft_version);
    assert_eq!(actions(&store).await, vec!["changed"]);
}

/// Other editors take over one editor's shared draft at once, each from the draft as they
/// saw it: one takes it, the others are refused, and the audit log names the one who took it,
/// once, after the one who started it. Articles and events alike.
async fn editors_taking_a_draft_over_at_once_are_logged_once(store: SharedStore) {
    let emails: Vec<String> = (0..=AT_ONCE)
        .map(|i| format!("redaktors{i}@example.lv"))
        .collect();
    let mut accounts = Vec::new();
    for email in &emails {
        let account = store.create_user(email, "$argon2id$x", Role::Editor).await;
        accounts.push(account.expect("account").id);
    }
    let stored_article = an_article(&store, "Kopīgs raksts").await;
    let stored_event = a_seminar(&store).await;
    for (kind, logged_as, id, version) in [
        (
            ItemKind::Article,
            "article",
            stored_article.id,
            stored_article.version,
        ),
        (
            ItemKind::Event,
            "event",
            stored_event.id,
            stored_event.version,
        ),
    ] {
        // Editor `who` saves a draft titled `title` over the draft seen at `seen`.
        let save = |who: usize, title: String, seen: i64| {
            let store = Arc::clone(&store);
            let (email, user_id) = (emails[who].clone(), accounts[who]);
            async move {
                let fields_json = match kind {
                    ItemKind::Article => article_json(&article_text(&title)),
                    // An event's stored draft (`StoredEventDraft`), its other fields default.
                    ItemKind::Event => {
                        serde_json::json!({ "format": 1, "title": title }).to_string()
                    }
                };
                let draft = DraftSave {
                    kind,
                    item_id: id,
                    fields_json: &fields_json,
                    base_version: version,
                    seen_draft_version: seen,
                    user_id,
                    writer: None,
                };
                let audit = Audit {
                    actor: &email,
                    action: "changed",
                };
                store.save_draft(draft, audit).await
            }
        };
        save(0, "Sākts".into(), 0).await.expect("started");
        let outcomes = at_once(AT_ONCE, |i| save(i + 1, format!("Pārņemts {i}"), 1)).await;
        let taken = one_wins(&outcomes);
        let log = store.audit_log(100, 0, None).await.expect("audit log");
        let lines: Vec<(&str, &str)> = log
            .iter()
            .filter(|line| line.item_id == Some(id) && line.item_kind == logged_as)
            .map(|line| (line.action.as_str(), line.actor.as_str()))
            .collect();
        let winner = taken.saved_by.as_deref().expect("saved by an account");
        assert_eq!(
            lines,
            [("changed", winner), ("changed", emails[0].as_str())],
            "{kind:?}: taken over once, newest first"
        );
    }
}

async fn event_saves_that_read_first_at_once_never_fail(store: SharedStore) {
    training_category(&store).await;
    let stored = a_seminar(&store).await;
    // A save with a category looks the category up before it writes: on SQLite a plain
    // `BEGIN` then fails at once with "database is locked" when another save got there first.
    let outcomes = at_once(AT_ONCE, |i| {
        let store = Arc::clone(&store);
        let (id, version) = (stored.id, stored.version);
        async move {
            let mut changed = event(
                &format!("Seminārs {i}"),
                utc(2020, 8, 4, 7, 0),
                utc(2020, 8, 4, 9, 0),
            );
            changed.category = Some("apmacibas".into());
            store
                .update_event(id, version, &changed, DraftRule::Keeps, audit("changed"))
                .await
        }
    })
    .await;
    one_wins(&outcomes);
    // Different events saved at once all succeed.
    let events: Vec<Event> = {
        let mut created = Vec::new();
        for i in 0..AT_ONCE {
            let title = format!("Lekcija {i}");
            created.push(
                store
                    .create_event(
                        &event(&title, utc(2020, 8, 5, 7, 0), utc(2020, 8, 5, 9, 0)),
                        None,
                    )
                    .await
                    .expect("event"),
            );
        }
        created
    };
    let outcomes = at_once(AT_ONCE, |i| {
        let store = Arc::clone(&store);
        let (id, version) = (events[i].id, events[i].version);
        async move {
            let mut changed = event("Lekcija", utc(2020, 8, 5, 7, 0), utc(2020, 8, 5, 9, 0));
            changed.category = Some("apmacibas".into());
            store
                .update_event(id, version, &changed, DraftRule::Keeps, audit("changed"))
                .await
        }
    })
    .await;
    assert!(
        outcomes.iter().all(Result::is_ok),
        "saves of different events all succeed: {outcomes:?}"
    );
}

async fn restoring_a_version_keeps_the_draft_another_editor_saved(store: SharedStore) {
    let editor = an_editor(&store).await;
    let stored = an_article(&store, "Pirmā versija").await;
    let second = store
        .update_article(
            stored.id,
            stored.version,
            &article("Otrā versija", utc(2021, 5, 3, 7, 0)),
            publishes(0),
            audit("published"),
        )
        .await
        .expect("second version");
    let draft = article_drafts(&store, &second, editor.id)
        .save(&article_json(&article_text("Annas melnraksts")), 0)
        .await
        .expect("draft");
    let restored = store
        .update_article(
            stored.id,
            second.version,
            &article("Pirmā versija", utc(2021, 5, 3, 7, 0)),
            DraftRule::Keeps,
            audit("restored version 1"),
        )
        .await
        .expect("restore");
    assert_eq!(restored.title, "Pirmā versija");
    assert_eq!(
        stored_draft(&store, ItemKind::Article, stored.id).await,
        Some(draft),
        "the draft another editor saved is still theirs"
    );

    // The same for an event moved on the calendar while someone drafts it.
    let event_row = a_seminar(&store).await;
    event_drafts(&store, &event_row, editor.id)
        .save(r#"{"title":"Melnraksts"}"#, 0)
        .await
        .expect("event draft");
    store
        .update_event(
            event_row.id,
            event_row.version,
            &event("Seminārs", utc(2020, 8, 6, 7, 0), utc(2020, 8, 6, 9, 0)),
            DraftRule::Keeps,
            audit("moved to 2020-08-06"),
        )
        .await
        .expect("move");
    assert!(stored_draft(&store, ItemKind::Event, event_row.id)
        .await
        .is_some());
}

/// Articles and events settle their drafts the same way: publishing takes the draft it was
/// made from with it, in its transaction, and a newer draft refuses it.
async fn articles_and_events_publish_their_drafts_alike(store: SharedStore) {
    let editor = an_editor(&store).await;
    let event_row = a_seminar(&store).await;
    for seen in [0, 1] {
        event_drafts(&store, &event_row, editor.id)
            .save(r#"{"title":"Melnraksts"}"#, seen)
            .await
            .expect("draft");
    }
    let changed = event(
        "Seminārs Rīgā",
        utc(2020, 8, 4, 7, 0),
        utc(2020, 8, 4, 9, 0),
    );
    assert!(matches!(
        store
            .update_event(
                event_row.id,
                event_row.version,
                &changed,
                publishes(1),
                audit("changed"),
            )
            .await,
        Err(StoreError::NewerDraft { item_version }) if item_version == event_row.version
    ));
    let unchanged = store
        .event_by_id_for_editing(event_row.id)
        .await
        .expect("read")
        .expect("event");
    assert_eq!(unchanged.version, event_row.version, "nothing was written");
    assert!(store
        .event_revisions(event_row.id, None)
        .await
        .expect("revisions")
        .is_empty());
    let saved = store
        .update_event(
            event_row.id,
            event_row.version,
            &changed,
            publishes(2),
            audit("changed"),
        )
        .await
        .expect("save");
    assert_eq!(
        (saved.version, saved.title.as_str()),
        (event_row.version + 1, "Seminārs Rīgā")
    );
    assert_eq!(
        stored_draft(&store, ItemKind::Event, event_row.id).await,
        None
    );
    assert_eq!(actions(&store).await, vec!["changed", "changed"]);
}

/// A publish and an autosave from the same look at the draft, again and again: a draft save
/// that was acknowledged is always stored afterwards (a publish that would take it is
/// refused).
async fn a_publish_racing_an_autosave_never_loses_a_saved_draft(store: SharedStore) {
    let editor = an_editor(&store).await;
    let stored = an_article(&store, "Sākums").await;
    for round in 0..10 {
        let version = stored_article(&store, stored.id).await.version;
        let id = stored.id;
        let seen = stored_draft(&store, ItemKind::Article, stored.id)
            .await
            .map_or(0, |draft| draft.draft_version);
        let publish = {
            let store = Arc::clone(&store);
            tokio::spawn(async move {
                store
                    .update_article(
                        id,
                        version,
                        &article(&format!("Publicēts {round}"), utc(2021, 5, 3, 7, 0)),
                        publishes(seen),
                        audit("published"),
                    )
                    .await
            })
        };
        let autosave = {
            let store = Arc::clone(&store);
            let editor = editor.id;
            tokio::spawn(async move {
                drafting(&store, ItemKind::Article, id, version, editor)
                    .save(
                        &article_json(&article_text(&format!("Melnraksts {round}"))),
                        seen,
                    )
                    .await
            })
        };
        let published = publish.await.expect("publish task");
        let drafted = autosave.await.expect("autosave task");
        assert!(
            matches!(
                published,
                Ok(_) | Err(StoreError::Conflict { .. } | StoreError::NewerDraft { .. })
            ),
            "round {round}: {published:?}"
        );
        assert!(
            matches!(drafted, Ok(_) | Err(StoreError::Conflict { .. })),
            "round {round}: {drafted:?}"
        );
        // From the same look both cannot win: one would replace the other unseen. (With no
        // draft yet, a draft started after the publish would go on from the older version.)
        assert!(
            !(published.is_ok() && drafted.is_ok()),
            "round {round}: a publish and an autosave from one look cannot both win \
             ({seen}: {published:?}, {drafted:?})"
        );
        if let Ok(draft) = drafted {
            assert_eq!(
                stored_draft(&store, ItemKind::Article, stored.id).await,
                Some(draft),
                "round {round}: the acknowledged draft is stored"
            );
        }
    }
}

contract_tests!(
    publishes_from_one_version_at_once_end_in_one_success_and_conflicts,
    first_draft_saves_at_once_end_in_one_draft_and_conflicts,
    event_saves_that_read_first_at_once_never_fail,
    restoring_a_version_keeps_the_draft_another_editor_saved,
    articles_and_events_publish_their_drafts_alike,
    a_publish_racing_an_autosave_never_loses_a_saved_draft,
    imports_at_once_write_the_site_once,
    demo_content_loaded_at_once_is_there_once,
    new_items_published_at_once_under_one_title_each_get_an_address,
    editors_taking_a_draft_over_at_once_are_logged_once,
);

/// Eight new articles, each still at its new article's address, are published at once under
/// one title: every publish succeeds (none is a database error because two wanted the same
/// free slug at once) and each article gets an address of its own made from the title.
async fn new_items_published_at_once_under_one_title_each_get_an_address(store: SharedStore) {
    let mut drafts = Vec::new();
    for _ in 0..AT_ONCE {
        let mut new = article("Jauns raksts", utc(2021, 5, 3, 7, 0));
        new.status = Status::Draft;
        drafts.push(
            store
                .create_article(&new, None)
                .await
                .expect("a new article"),
        );
    }
    let drafts = Arc::new(drafts);
    let outcomes = at_once(AT_ONCE, |i| {
        let (store, drafts) = (Arc::clone(&store), Arc::clone(&drafts));
        async move {
            let draft = &drafts[i];
            let published = article("Kopīgs virsraksts", utc(2021, 5, 3, 7, 0));
            let rule = publishes(0);
            store
                .update_article(
                    draft.id,
                    draft.version,
                    &published,
                    rule,
                    audit("published"),
                )
                .await
        }
    })
    .await;
    let mut slugs: Vec<String> = outcomes
        .into_iter()
        .map(|outcome| outcome.expect("every publish succeeds").slug)
        .collect();
    slugs.sort();
    let mut expected: Vec<String> = (1..=AT_ONCE as u32)
        .map(|attempt| crate::storage::slugs::candidate("kopigs-virsraksts", attempt))
        .collect();
    expected.sort();
    assert_eq!(slugs, expected);
}

/// Operators importing the same file into one new database at once (instances starting
/// with it, say): one import writes the site, the others are refused as a database
/// that already holds content, and the site is there once.
async fn imports_at_once_write_the_site_once(store: SharedStore) {
    // The file comes from another site (the format is the same for both backends).
    let source = TestDb::sqlite().await;
    let source_store = source.store();
    let editor = an_editor(&source_store).await;
    let stored = an_article(&source_store, "Sadarbība ar Moldovu").await;
    article_drafts(&source_store, &stored, editor.id)
        .save(&article_json(&article_text("Melnraksts")), 0)
        .await
        .expect("draft");
    let site = std::sync::Arc::new(source.store().export_site().await.expect("export"));
    source.finish().await;

    let outcomes = at_once(AT_ONCE, |_| {
        let (store, site) = (store.clone(), site.clone());
        async move { store.import_site(&site, Receiving::Nothing).await }
    })
    .await;
    let imported = outcomes.iter().filter(|outcome| outcome.is_ok()).count();
    let refused = outcomes
        .iter()
        .filter(|outcome| matches!(outcome, Err(StoreError::NotEmpty)))
        .count();
    assert_eq!(
        (imported, refused),
        (1, AT_ONCE - 1),
        "one import, the others refused with the reason: {outcomes:?}"
    );
    assert_eq!(
        store.export_site().await.expect("export again").tables,
        site.tables,
        "the site is there once, as it was"
    );
}

/// Instances starting at once on one new database (its first editor added before), each
/// loading the demo content: one loads it, the others find it there, and it is there once,
/// row for row as one load alone makes it.
async fn demo_content_loaded_at_once_is_there_once(store: SharedStore) {
    an_editor(&store).await;
    let outcomes = at_once(AT_ONCE, |_| {
        let store = Arc::clone(&store);
        async move {
            match demo::load_if_empty(store.as_ref()).await {
                Ok(loaded) => Ok(loaded),
                Err(demo::DemoError::Store(error)) => Err(error),
                Err(other) => panic!("the demo content is broken: {other}"),
            }
        }
    })
    .await;
    let loads: Vec<_> = outcomes
        .iter()
        .map(|outcome| outcome.as_ref().ok())
        .collect();
    let loaded = loads
        .iter()
        .filter(|load| matches!(load, Some(Some(_))))
        .count();
    let found = loads
        .iter()
        .filter(|load| matches!(load, Some(None)))
        .count();
    assert_eq!((loaded, found), (1, AT_ONCE - 1), "{outcomes:?}");

    let alone = TestDb::sqlite().await;
    demo::load_if_empty(alone.store().as_ref())
        .await
        .expect("loads alone");
    let rows = |site: transfer::SiteExport| -> Vec<(String, usize)> {
        let tables = site
            .tables
            .into_iter()
            .filter(|table| table.name != "users");
        tables.map(|table| (table.name, table.rows.len())).collect()
    };
    let once = rows(alone.store().export_site().await.expect("export"));
    alone.finish().await;
    assert_eq!(rows(store.export_site().await.expect("export")), once);
}
