//! Drafts, publishing with revisions and version checks, for articles and events.

use super::*;
use crate::editing::ItemKind;

contract_tests!(
    drafts_refuse_stale_saves_and_publishing_keeps_revisions,
    events_are_updated_with_a_version_check_and_trashed,
    event_drafts_refuse_stale_saves_and_survive_publishing_elsewhere,
    no_draft_is_saved_for_an_item_in_the_trash,
    a_draft_goes_on_only_from_the_item_as_it_is,
    an_editor_taking_a_draft_over_is_in_the_audit_log,
);

async fn drafts_refuse_stale_saves_and_publishing_keeps_revisions(store: SharedStore) {
    let editor = an_editor(&store).await;
    let stored = an_article(&store, "Pirmais virsraksts").await;
    let text = |title: &str| ArticleText {
        title: title.to_string(),
        lead: "Ievads.".into(),
        body_html: "<p>Teksts</p>".into(),
        contact: String::new(),
    };
    let drafts = article_drafts(&store, &stored, editor.id);
    let first = drafts
        .save(&article_json(&text("Melnraksts A")), 0)
        .await
        .expect("first draft");
    assert_eq!(first.draft_version, 1);
    assert_eq!(first.saved_by.as_deref(), Some("redaktore@example.lv"));
    assert!(matches!(
        drafts.save(&article_json(&text("Melnraksts B")), 0).await,
        Err(StoreError::Conflict {
            expected: 0,
            stored: 1
        })
    ));
    drafts
        .save(&article_json(&text("Melnraksts A2")), 1)
        .await
        .expect("second save");
    assert!(matches!(
        drafts.save(&article_json(&text("Melnraksts B")), 1).await,
        Err(StoreError::Conflict {
            expected: 1,
            stored: 2
        })
    ));
    let draft = stored_draft(&store, ItemKind::Article, stored.id)
        .await
        .expect("draft");
    assert_eq!(draft_title(&draft), "Melnraksts A2");
    assert_eq!(
        store
            .published_article(crate::i18n::Lang::Lv, &stored.slug)
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
                publishes(1),
                audit("published"),
            )
            .await,
        Err(StoreError::NewerDraft { item_version }) if item_version == stored.version
    ));
    let kept = stored_draft(&store, ItemKind::Article, stored.id).await;
    assert_eq!(
        kept.map(|d| d.draft_version),
        Some(2),
        "the newer draft stays"
    );
    assert!(store
        .article_revisions(stored.id, None)
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
            publishes(2),
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
    assert_eq!(
        stored_draft(&store, ItemKind::Article, stored.id).await,
        None
    );
    assert_eq!(actions(&store).await, vec!["published", "changed"]);
    let revisions = store
        .article_revisions(stored.id, None)
        .await
        .expect("revisions");
    assert_eq!(revisions.len(), 1);
    assert_eq!(revisions[0].version, stored.version);
    assert_eq!(revisions[0].text.title, "Pirmais virsraksts");
    assert!(matches!(
        drafting(&store, ItemKind::Article, 999_999, 1, editor.id)
            .save(&article_json(&text("X")), 0)
            .await,
        Err(StoreError::NotFound)
    ));
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
    // Another editor's change from the version replaced (the same one again is done
    // already: `repeats.rs`).
    let elsewhere = NewEvent {
        location: "Cēsis".to_string(),
        ..moved.clone()
    };
    assert!(matches!(
        store
            .update_event(
                stored.id,
                stored.version,
                &elsewhere,
                DraftRule::Keeps,
                audit("changed")
            )
            .await,
        Err(StoreError::Conflict { .. })
    ));
    let revisions = store
        .event_revisions(stored.id, None)
        .await
        .expect("revisions");
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
    trash(&store, ItemKind::Event, stored.id).await;
    assert_eq!(
        store
            .published_event(crate::i18n::Lang::Lv, &stored.slug)
            .await
            .expect("read"),
        None
    );
    assert_eq!(
        store.event_for_editing(&stored.slug).await.expect("read"),
        None
    );
}

async fn event_drafts_refuse_stale_saves_and_survive_publishing_elsewhere(store: SharedStore) {
    let editor = an_editor(&store).await;
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
    let drafts = event_drafts(&store, &stored, editor.id);
    let first = drafts
        .save(r#"{"title":"A"}"#, 0)
        .await
        .expect("first draft");
    assert_eq!(first.draft_version, 1);
    assert_eq!(first.saved_by.as_deref(), Some("redaktore@example.lv"));
    assert!(
        matches!(
            drafts.save(r#"{"title":"B"}"#, 0).await,
            Err(StoreError::Conflict { stored: 1, .. })
        ),
        "a second editor starting from no draft must not overwrite the first"
    );
    let second = drafts
        .save(r#"{"title":"A2"}"#, 1)
        .await
        .expect("second save");
    assert_eq!(second.draft_version, 2);
    assert_eq!(
        stored_draft(&store, ItemKind::Event, stored.id)
            .await
            .map(|d| d.fields_json),
        Some(r#"{"title":"A2"}"#.to_string())
    );
    assert_eq!(
        store
            .published_event(crate::i18n::Lang::Lv, &stored.slug)
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
            publishes(2),
            audit("changed"),
        )
        .await
        .expect("publish the draft");
    assert!(
        matches!(
            drafting(
                &store,
                ItemKind::Event,
                stored.id,
                published.version,
                editor.id
            )
            .save("{}", 2)
            .await,
            Err(StoreError::Conflict { stored: 0, .. })
        ),
        "a save over a published draft is a conflict, not a fresh draft"
    );
    assert!(matches!(
        drafting(&store, ItemKind::Event, 999_999, 1, editor.id)
            .save("{}", 0)
            .await,
        Err(StoreError::NotFound)
    ));
}

/// An item moved to the trash while its editor was at work takes no draft: the editor's next
/// save, starting a draft or going on with one, is told the item is gone, as a publication is.
async fn no_draft_is_saved_for_an_item_in_the_trash(store: SharedStore) {
    let editor = an_editor(&store).await;
    let text = |title: &str| {
        article_json(&ArticleText {
            title: title.into(),
            lead: String::new(),
            body_html: "<p>Teksts</p>".into(),
            contact: String::new(),
        })
    };
    let article = |stored: Article| (stored.id, stored.version);
    let event = |stored: Event| (stored.id, stored.version);
    let items = [
        (
            ItemKind::Article,
            article(an_article(&store, "Raksts").await),
            article(an_article(&store, "Cits raksts").await),
        ),
        (
            ItemKind::Event,
            event(a_seminar(&store).await),
            event(a_seminar(&store).await),
        ),
    ];
    for (kind, (id, version), (undrafted, undrafted_version)) in items {
        let drafts = drafting(&store, kind, id, version, editor.id);
        let started = drafts
            .save(&text("Pirms"), 0)
            .await
            .expect("a live item's draft");
        trash(&store, kind, id).await;
        let later = drafts.save(&text("Pēc"), started.draft_version).await;
        assert!(matches!(later, Err(StoreError::NotFound)), "{later:?}");
        let kept = stored_draft(&store, kind, id)
            .await
            .expect("kept as it was");
        assert_eq!(kept.fields_json, text("Pirms"));

        trash(&store, kind, undrafted).await;
        let first = drafting(&store, kind, undrafted, undrafted_version, editor.id);
        let first = first.save(&text("Pēc"), 0).await;
        assert!(matches!(first, Err(StoreError::NotFound)), "{first:?}");
        assert_eq!(stored_draft(&store, kind, undrafted).await, None);
    }
}

/// A draft is written on the item's current version, for every kind alike: a save that names
/// an older one (another editor published or restored meanwhile) is a conflict and stores
/// nothing, whether it would start the draft or go on with one, so the editor is shown the
/// newer version instead of bringing the older one back unseen.
async fn a_draft_goes_on_only_from_the_item_as_it_is(store: SharedStore) {
    let editor = an_editor(&store).await;
    let article = |stored: Article| (stored.id, stored.version);
    let event = |stored: Event| (stored.id, stored.version);
    let items = [
        (
            ItemKind::Article,
            article(an_article(&store, "Raksts").await),
        ),
        (ItemKind::Event, event(a_seminar(&store).await)),
    ];
    let text = |title: &str| format!(r#"{{"title":"{title}"}}"#);
    for (kind, (id, version)) in items {
        // Another editor publishes (here: the store's own write, as a restore would).
        let moved = move_on(&store, kind, id, version).await;
        let from_old = drafting(&store, kind, id, version, editor.id);
        let refused = from_old.save(&text("Vecs"), 0).await;
        assert!(
            matches!(refused, Err(StoreError::Conflict { stored, .. }) if stored == moved),
            "{kind:?}: a draft started on version {version} after {moved}: {refused:?}"
        );
        assert_eq!(stored_draft(&store, kind, id).await, None, "{kind:?}");

        let current = drafting(&store, kind, id, moved, editor.id);
        let started = current
            .save(&text("Jauns"), 0)
            .await
            .expect("current draft");
        assert_eq!(started.base_version, moved);
        // Moved on again, keeping the draft (a restore): going on with it from the older
        // version is refused too, and the draft stays as it was.
        let again = move_on(&store, kind, id, moved).await;
        let refused = current.save(&text("Vēlāk"), started.draft_version).await;
        assert!(
            matches!(refused, Err(StoreError::Conflict { stored, .. }) if stored == again),
            "{kind:?}: {refused:?}"
        );
        assert_eq!(stored_draft(&store, kind, id).await, Some(started.clone()));
        let rebased = drafting(&store, kind, id, again, editor.id)
            .save(&text("Vēlāk"), started.draft_version)
            .await
            .expect("the draft goes on from the item as it is");
        assert_eq!(
            (rebased.base_version, rebased.draft_version),
            (again, started.draft_version + 1)
        );
    }
}

/// Writes item `id` of `kind` from `version` as a restore does (the shared draft stays),
/// answering the new version.
async fn move_on(store: &SharedStore, kind: ItemKind, id: i64, version: i64) -> i64 {
    let keeps = DraftRule::Keeps;
    let written = match kind {
        ItemKind::Article => {
            let new = article("Atjaunots", utc(2021, 5, 3, 7, 0));
            let written = store.update_article(id, version, &new, keeps, audit("restored"));
            written.await.map(|stored| stored.version)
        }
        ItemKind::Event => {
            let new = event("Atjaunots", utc(2020, 8, 6, 7, 0), utc(2020, 8, 6, 9, 0));
            let written = store.update_event(id, version, &new, keeps, audit("restored"));
            written.await.map(|stored| stored.version)
        }
    };
    written.expect("moved on")
}

async fn an_editor_taking_a_draft_over_is_in_the_audit_log(store: SharedStore) {
    let anna = an_editor(&store).await;
    let janis = store.create_user("janis@example.lv", "$argon2id$x", Role::Editor);
    let janis = janis.await.expect("account");
    let stored = an_article(&store, "Kopīgs raksts").await;
    let json = |title: &str| {
        article_json(&ArticleText {
            title: title.to_string(),
            lead: "Ievads.".into(),
            body_html: "<p>Teksts</p>".into(),
            contact: String::new(),
        })
    };
    let (by_anna, by_janis) = (
        article_drafts(&store, &stored, anna.id),
        article_drafts(&store, &stored, janis.id),
    );
    by_anna.save(&json("A1"), 0).await.expect("started");
    by_anna.save(&json("A2"), 1).await.expect("gone on");
    by_janis.save(&json("J1"), 2).await.expect("taken over");
    by_janis.save(&json("J2"), 3).await.expect("gone on");
    by_anna.save(&json("A3"), 4).await.expect("taken back");
    let logged = actions(&store).await;
    let changed = logged.iter().filter(|action| *action == "changed").count();
    assert_eq!(changed, 3, "started, taken over, taken back: {logged:?}");
}
