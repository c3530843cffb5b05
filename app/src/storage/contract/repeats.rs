//! A write sent again (its answer was lost, and the editor sent it once more) is answered as
//! done, without a second version or audit line; anything else from an older version is still
//! a conflict. Items, drafts and translations alike.

use super::*;
use crate::editing::{ItemKind, Writer};

contract_tests!(
    a_publication_sent_again_is_done_once,
    an_event_saved_again_is_done_once,
    a_draft_saved_again_is_done_once,
    a_translation_saved_again_is_done_once,
    a_later_save_from_the_editor_whose_answer_was_lost_goes_over_its_draft,
    a_publication_from_the_editor_whose_draft_answer_was_lost_takes_that_draft,
    a_later_translation_save_whose_answer_was_lost_goes_over_its_own,
);

/// `new` published over `stored` from the version it was at when read.
async fn publish_over(
    store: &SharedStore,
    stored: &Article,
    new: &NewArticle,
) -> Result<Article, StoreError> {
    let rule = publishes(0);
    let written = store.update_article(stored.id, stored.version, new, rule, audit("published"));
    written.await
}

async fn a_publication_sent_again_is_done_once(store: SharedStore) {
    let stored = an_article(&store, "Sākotnējais virsraksts").await;
    let new = article("Jaunais virsraksts", stored.published_at);
    let first = publish_over(&store, &stored, &new)
        .await
        .expect("published");
    let again = publish_over(&store, &stored, &new)
        .await
        .expect("the same publication again is no conflict");
    assert_eq!(again.version, first.version, "no second version");
    assert_eq!(again.title, "Jaunais virsraksts");
    assert_eq!(again.updated_at, first.updated_at, "nothing written again");
    let revisions = store
        .article_revisions(stored.id, None)
        .await
        .expect("revisions");
    assert_eq!(
        revisions.len(),
        1,
        "one revision: the version replaced once"
    );
    let published = actions(&store).await;
    assert_eq!(
        published.iter().filter(|a| *a == "published").count(),
        1,
        "{published:?}"
    );

    // Another text from the old version is still a conflict.
    let other = article("Cits virsraksts", stored.published_at);
    assert!(matches!(
        publish_over(&store, &stored, &other).await,
        Err(StoreError::Conflict {
            expected: 1,
            stored: 2
        })
    ));

    // Hidden since: publishing the same text again would show it, so it is a conflict.
    let hidden = ArticleSettings {
        category: None,
        status: Status::Draft,
    };
    store
        .update_article_settings(stored.id, first.version, &hidden, audit("changed settings"))
        .await
        .expect("hidden");
    assert!(matches!(
        publish_over(&store, &stored, &new).await,
        Err(StoreError::Conflict { .. })
    ));
    let now = store.article(stored.id).await.expect("read").expect("kept");
    assert_eq!(now.status, Status::Draft, "still hidden");

    // In the trash: not found, even with the text it holds.
    let mut in_trash = new.clone();
    in_trash.status = Status::Draft;
    trash(&store, ItemKind::Article, stored.id).await;
    assert!(matches!(
        publish_over(&store, &stored, &in_trash).await,
        Err(StoreError::NotFound)
    ));
}

async fn an_event_saved_again_is_done_once(store: SharedStore) {
    let stored = a_seminar(&store).await;
    let moved = event("Seminārs", utc(2020, 8, 5, 7, 0), utc(2020, 8, 5, 9, 0));
    let save = |new: NewEvent| {
        let store = Arc::clone(&store);
        let (id, version) = (stored.id, stored.version);
        async move {
            let rule = publishes(0);
            store
                .update_event(id, version, &new, rule, audit("published"))
                .await
        }
    };
    let first = save(moved.clone()).await.expect("saved");
    let again = save(moved.clone())
        .await
        .expect("the same save again is no conflict");
    assert_eq!(
        (again.version, again.starts_at),
        (first.version, utc(2020, 8, 5, 7, 0))
    );
    let revisions = store
        .event_revisions(stored.id, None)
        .await
        .expect("revisions");
    assert_eq!(revisions.len(), 1, "one revision");

    // An optional column left empty on both sides is the same too; one set is not.
    let mut placed = moved.clone();
    placed.category = Some(training_category(&store).await.slug);
    assert!(matches!(
        save(placed).await,
        Err(StoreError::Conflict {
            expected: 1,
            stored: 2
        })
    ));
}

async fn a_draft_saved_again_is_done_once(store: SharedStore) {
    let editor = an_editor(&store).await;
    let stored = an_article(&store, "Raksts ar melnrakstu").await;
    let text = |title: &str| {
        article_json(&ArticleText {
            title: title.to_string(),
            lead: "Ievads.".into(),
            body_html: "<p>Teksts</p>".into(),
            contact: String::new(),
        })
    };
    let stored_version = stored.version;
    let drafts = article_drafts(&store, &stored, editor.id);
    let first = drafts.save(&text("Melnraksts"), 0).await.expect("first");
    let again = drafts
        .save(&text("Melnraksts"), 0)
        .await
        .expect("the same first draft again is no conflict");
    assert_eq!(
        (again.draft_version, again.saved_at),
        (first.draft_version, first.saved_at)
    );
    let second = drafts.save(&text("Melnraksts 2"), 1).await.expect("second");
    let again = drafts.save(&text("Melnraksts 2"), 1).await.expect("again");
    assert_eq!(again.draft_version, second.draft_version);
    assert_eq!(again.draft_version, 2);

    // Another text over the old draft, or the same text on another version, conflicts.
    assert!(matches!(
        drafts.save(&text("Melnraksts 3"), 1).await,
        Err(StoreError::Conflict {
            expected: 1,
            stored: 2
        })
    ));
    let elsewhere = drafting(&store, ItemKind::Article, stored.id, 7, editor.id);
    assert!(matches!(
        elsewhere.save(&text("Melnraksts 2"), 1).await,
        Err(StoreError::Conflict { expected: 7, stored }) if stored == stored_version
    ));
    let kept = stored_draft(&store, ItemKind::Article, stored.id)
        .await
        .expect("draft");
    assert_eq!(
        (draft_title(&kept), kept.draft_version),
        ("Melnraksts 2".to_string(), 2)
    );
    let changed = actions(&store).await;
    assert_eq!(
        changed,
        vec!["changed".to_string()],
        "one line: the first draft"
    );
}

async fn a_translation_saved_again_is_done_once(store: SharedStore) {
    let stored = an_article(&store, "Tulkojamais raksts").await;
    let text = |title: &str| TranslatedText {
        title: title.to_string(),
        lead: "Lead.".into(),
        body_html: SafeHtml::sanitize("<p>Body</p>"),
        extra: String::new(),
    };
    let save = |text: TranslatedText<SafeHtml>, seen: i64| {
        let store = Arc::clone(&store);
        async move {
            let audit = Some(audit("translated"));
            store
                .save_translation(
                    translation(ItemKind::Article, stored.id, "en", &text, seen),
                    audit,
                )
                .await
        }
    };
    let first = save(text("Cooperation"), 0).await.expect("first");
    assert_eq!(first.version, 1);
    // The repeat is answered as the save it repeats was stored: its version and its time.
    assert_eq!(save(text("Cooperation"), 0).await.expect("again"), first);
    let second = save(text("Cooperation 2"), 1).await.expect("second");
    assert_eq!(second.version, 2);
    assert!(second.updated_at >= first.updated_at);
    assert_eq!(save(text("Cooperation 2"), 1).await.expect("again"), second);
    assert!(matches!(
        save(text("Cooperation 3"), 1).await,
        Err(StoreError::Conflict {
            expected: 1,
            stored: 2
        })
    ));
    let translated = actions(&store).await;
    assert_eq!(translated, vec!["translated", "translated"]);
}

/// An editor's draft save was stored, but its answer was lost: its browser still names no
/// draft and sends its next save, with more text, over none. The draft is an earlier save of
/// that same opened editor, so the later save goes over it. Anyone else's save over none, the
/// same editor's earlier save arriving late, or a save that names no editor, is still
/// refused, and nothing is lost.
async fn a_later_save_from_the_editor_whose_answer_was_lost_goes_over_its_draft(
    store: SharedStore,
) {
    let editor = an_editor(&store).await;
    let article = an_article(&store, "Raksts").await;
    let event = a_seminar(&store).await;
    let items = [
        (ItemKind::Article, article.id, article.version, "Raksts"),
        (ItemKind::Event, event.id, event.version, "Seminārs"),
    ];
    for (kind, id, version, title) in items {
        let text = |more: &str| {
            article_json(&ArticleText {
                title: format!("{title}{more}"),
                lead: String::new(),
                body_html: "<p>Teksts</p>".into(),
                contact: String::new(),
            })
        };
        let drafts = || drafting(&store, kind, id, version, editor.id);
        let first = drafts().by("cilne-a", 2);
        let lost = first.save(&text(" melnraksts"), 0).await.expect("first");
        let next = drafts().by("cilne-a", 3);
        let later = next.save(&text(" melnraksts un vēl"), 0).await;
        let later = later.expect("the same editor goes on over its own draft");
        assert_eq!(later.draft_version, lost.draft_version + 1);

        let refused = [
            drafts().by("cilne-b", 9),
            // Its save before the lost one, arriving last.
            drafts().by("cilne-a", 1),
            drafts(),
        ];
        for other in refused {
            assert!(matches!(
                other.save(&text(" cits"), 0).await,
                Err(StoreError::Conflict {
                    expected: 0,
                    stored: 2
                })
            ));
        }
        let stored = store.draft(kind, id).await.expect("read").expect("kept");
        assert_eq!(
            stored.fields_json,
            text(" melnraksts un vēl"),
            "nothing lost"
        );

        // Another editor continues the draft; the first one's later save is refused now.
        let taken_over = drafts().by("cilne-b", 10).save(&text(" Jāņa"), 2).await;
        assert_eq!(taken_over.expect("over the draft seen").draft_version, 3);
        assert!(matches!(
            drafts().by("cilne-a", 4).save(&text(" vēlāk"), 0).await,
            Err(StoreError::Conflict {
                expected: 0,
                stored: 3
            })
        ));
        let stored = store.draft(kind, id).await.expect("read").expect("kept");
        assert_eq!(stored.fields_json, text(" Jāņa"), "the other editor's text");
    }
    let actions = actions(&store).await;
    let started = actions.iter().filter(|a| *a == "changed").count();
    assert_eq!(started, 2, "one line for each draft started: {actions:?}");
}

/// The same for a publication: the draft its editor never heard of is that editor's own, so
/// it goes with the publication; from any other editor the publication is refused and the
/// draft is kept.
async fn a_publication_from_the_editor_whose_draft_answer_was_lost_takes_that_draft(
    store: SharedStore,
) {
    let editor = an_editor(&store).await;
    let stored = an_article(&store, "Raksts").await;
    let lost = article_json(&ArticleText {
        title: "Melnraksts".into(),
        lead: String::new(),
        body_html: "<p>Teksts</p>".into(),
        contact: String::new(),
    });
    let drafts = article_drafts(&store, &stored, editor.id).by("cilne-a", 1);
    drafts.save(&lost, 0).await.expect("saved, answer lost");
    let new = article("Publicēts ar vairāk teksta", stored.published_at);
    let publish = |mark: &str, save: i64| {
        let writer = crate::editing::Writer {
            mark: mark.to_string(),
            save,
        };
        let store = Arc::clone(&store);
        let (id, version, new) = (stored.id, stored.version, new.clone());
        async move {
            let rule = DraftRule::Publishes {
                seen: 0,
                writer: Some(&writer),
            };
            store
                .update_article(id, version, &new, rule, audit("published"))
                .await
        }
    };
    for (mark, save) in [("cilne-b", 2), ("cilne-a", 1)] {
        assert!(matches!(
            publish(mark, save).await,
            Err(StoreError::NewerDraft { item_version: 1 })
        ));
    }
    assert!(store
        .draft(ItemKind::Article, stored.id)
        .await
        .expect("read")
        .is_some());
    let published = publish("cilne-a", 2).await.expect("published");
    assert_eq!(published.title, "Publicēts ar vairāk teksta");
    let draft = store
        .draft(ItemKind::Article, stored.id)
        .await
        .expect("read");
    assert!(draft.is_none(), "the draft went with the publication");
}

/// Translations the same way: a translator's save was stored but its answer was lost, so the
/// next save from the same translation editor names the version before it, and goes over its
/// own translation. Another translator's save from an older version, the same editor's earlier
/// save arriving late, or a save that names no editor, is still refused, and nothing is lost.
async fn a_later_translation_save_whose_answer_was_lost_goes_over_its_own(store: SharedStore) {
    let article = an_article(&store, "Tulkojamais raksts").await;
    let event = a_seminar(&store).await;
    for (kind, id) in [(ItemKind::Article, article.id), (ItemKind::Event, event.id)] {
        let save = |title: &str, seen: i64, writer: Option<Writer>| {
            let store = Arc::clone(&store);
            let text = TranslatedText {
                title: title.to_string(),
                lead: "Lead.".into(),
                body_html: SafeHtml::sanitize("<p>Body</p>"),
                extra: String::new(),
            };
            async move {
                let write = TranslationWrite {
                    source_version: None,
                    writer: writer.as_ref(),
                    ..translation(kind, id, "en", &text, seen)
                };
                store
                    .save_translation(write, Some(audit("translated")))
                    .await
            }
        };
        let by = |mark: &str, save: i64| {
            Some(Writer {
                mark: mark.to_string(),
                save,
            })
        };
        let first = save("Seminar", 0, by("tab-a", 1)).await.expect("first");
        assert_eq!(first.version, 1);
        // The first answer was lost: the editor still names no translation.
        let over_own = save("Seminar in Riga", 0, by("tab-a", 2)).await;
        assert_eq!(over_own.expect("over its own first save").version, 2);
        // And the second's: it names the first.
        let again = save("Seminar in Riga, May", 1, by("tab-a", 3)).await;
        assert_eq!(again.expect("over its own second save").version, 3);

        let refused = [
            (2, by("tab-b", 9)),
            // Its save before the lost ones, arriving last.
            (0, by("tab-a", 1)),
            (2, by("tab-a", 2)),
            (2, None),
        ];
        for (seen, writer) in refused {
            assert!(matches!(
                save("Someone else's", seen, writer).await,
                Err(StoreError::Conflict { expected, stored: 3 }) if expected == seen
            ));
        }
        let stored = store.translations(kind, id).await.expect("read");
        assert_eq!(stored[0].text.title, "Seminar in Riga, May", "nothing lost");
        assert_eq!(stored[0].version, 3);
    }
    let actions = actions(&store).await;
    assert_eq!(actions.len(), 6, "a line for each save stored: {actions:?}");
}
