//! Addresses: a new item's follows its title until readers see it, an editor may choose one, no two items
//! of a kind share one, and every address an item leaves leads on to where it is now.

use super::racing::{at_once, AT_ONCE};
use super::*;
use crate::editing::ItemKind;

contract_tests!(
    an_unpublished_items_address_follows_its_title_until_it_is_chosen,
    an_old_address_leads_to_where_the_item_is_now,
    a_title_passes_by_an_address_readers_links_lead_through,
    an_address_is_one_items_and_a_change_names_its_version,
    a_draft_goes_on_with_writes_beside_its_text,
    a_draft_saved_while_its_item_moves_is_kept,
    items_moving_to_one_address_at_once_leave_it_to_one,
    writes_beside_the_text_leave_its_author_in_the_history,
);

/// A new item starts as "Jauns raksts" at `jauns-raksts`; its address follows its title until
/// readers see it, to the first free slug, and stays once it is published (hidden since, too)
/// or an editor chose it. Events alike, through the same write.
async fn an_unpublished_items_address_follows_its_title_until_it_is_chosen(store: SharedStore) {
    let draft = |title: &str| {
        let mut new = article(title, utc(2021, 5, 3, 7, 0));
        new.status = Status::Draft;
        new
    };
    let first = store
        .create_article(&draft("Jauns raksts"), None)
        .await
        .expect("article");
    let second = store
        .create_article(&draft("Jauns raksts"), None)
        .await
        .expect("article");
    assert_eq!(
        (first.slug.as_str(), second.slug.as_str()),
        ("jauns-raksts", "jauns-raksts-2")
    );
    an_article(&store, "Drošs darbs ārzemēs").await;

    let write = |id, version, new: NewArticle| {
        let store = store.clone();
        async move {
            let rule = publishes(0);
            store
                .update_article(id, version, &new, rule, audit("published"))
                .await
                .expect("write")
        }
    };
    // Published under its title's address; the first is taken, so the next free one.
    let published = write(
        second.id,
        second.version,
        article("Drošs darbs ārzemēs", utc(2021, 5, 3, 7, 0)),
    )
    .await;
    assert_eq!(published.slug, "dross-darbs-arzemes-2");
    let retitled = write(
        published.id,
        published.version,
        article("Cits virsraksts", utc(2021, 5, 3, 7, 0)),
    )
    .await;
    assert_eq!(
        retitled.slug, "dross-darbs-arzemes-2",
        "a published address stays"
    );

    // An address an editor chose stays, also while unpublished.
    let chosen = store
        .change_address(
            ItemKind::Article,
            first.id,
            first.version,
            "mana-adrese",
            audit("x"),
        )
        .await
        .expect("address");
    let kept = write(first.id, chosen, draft("Vēl nepublicēts")).await;
    assert_eq!(kept.slug, "mana-adrese");

    // An event saved unpublished follows its title at every save.
    let mut new = event(
        "Jauns notikums",
        utc(2020, 8, 5, 7, 0),
        utc(2020, 8, 5, 9, 0),
    );
    new.status = Status::Draft;
    let event_draft = store.create_event(&new, None).await.expect("event");
    assert_eq!(event_draft.slug, "jauns-notikums");
    let mut renamed = new.clone();
    renamed.title = "Seminārs Daugavpilī".into();
    let rule = publishes(0);
    let saved = store
        .update_event(
            event_draft.id,
            event_draft.version,
            &renamed,
            rule,
            audit("x"),
        )
        .await
        .expect("event saved");
    assert_eq!(saved.slug, "seminars-daugavpili");
    renamed.title = "Seminārs Rēzeknē".into();
    renamed.status = Status::Published;
    let saved = store
        .update_event(saved.id, saved.version, &renamed, rule, audit("x"))
        .await
        .expect("event published");
    assert_eq!(saved.slug, "seminars-rezekne");
    assert!(store
        .published_event(crate::i18n::Lang::Lv, "seminars-rezekne")
        .await
        .expect("read")
        .is_some());

    // Hidden again and renamed, it keeps the address readers know: links to it still work.
    renamed.status = Status::Draft;
    let hidden = store
        .update_event(saved.id, saved.version, &renamed, rule, audit("x"))
        .await
        .expect("unpublished");
    renamed.title = "Seminārs Valmierā".into();
    let retitled = store
        .update_event(hidden.id, hidden.version, &renamed, rule, audit("x"))
        .await
        .expect("renamed while hidden");
    assert_eq!(retitled.slug, "seminars-rezekne");
    renamed.status = Status::Published;
    let shown = store
        .update_event(retitled.id, retitled.version, &renamed, rule, audit("x"))
        .await
        .expect("published again");
    assert_eq!(shown.slug, "seminars-rezekne");
    let old = store
        .moved_item(ItemKind::Event, "seminars-rezekne", Audience::Readers)
        .await;
    assert_eq!(old.expect("looked up"), None, "nowhere else to lead");
}

/// A new article titled like an address another article moved away from, after readers saw
/// it there, does not take that address over: readers' links keep leading on to the article
/// that moved. Addresses no reader saw (a new article's before its first publication) are
/// taken again.
async fn a_title_passes_by_an_address_readers_links_lead_through(store: SharedStore) {
    // Answers the item's version after the move.
    let move_to = |(id, version): (i64, i64), slug: &'static str| {
        let store = store.clone();
        async move {
            let audit = audit("x");
            let moved = store.change_address(ItemKind::Article, id, version, slug, audit);
            moved.await.expect("moved")
        }
    };
    let readers_find = |slug: &'static str| {
        let store = store.clone();
        async move {
            let found = store.moved_item(ItemKind::Article, slug, Audience::Readers);
            found.await.expect("looked up")
        }
    };
    let first = an_article(&store, "Pirmais raksts").await;
    move_to((first.id, first.version), "cits-raksts").await;
    let namesake = an_article(&store, "Pirmais raksts").await;
    assert_eq!(namesake.slug, "pirmais-raksts-2");

    let unpublished = |title: &str| NewArticle {
        status: Status::Draft,
        ..article(title, utc(2021, 5, 3, 7, 0))
    };
    let new_draft = || {
        let store = store.clone();
        async move {
            let new = unpublished("Jauns raksts");
            store.create_article(&new, None).await.expect("created")
        }
    };
    let retitle = |stored: Article, new: NewArticle| {
        let store = store.clone();
        async move {
            let rule = DraftRule::Keeps;
            store
                .update_article(stored.id, stored.version, &new, rule, audit("x"))
                .await
                .expect("saved")
        }
    };
    // An address that follows its title passes it by too.
    let draft = new_draft().await;
    let interim = draft.slug.clone();
    let following = retitle(draft, unpublished("Pirmais raksts")).await;
    assert_eq!(following.slug, "pirmais-raksts-3");
    // The address it left was nobody's link: the next new article takes it, and again after
    // that one's first publication under a title of its own.
    let next = new_draft().await;
    assert_eq!(next.slug, interim);
    let published = retitle(next, article("Otrais raksts", utc(2021, 5, 3, 7, 0))).await;
    assert_eq!(published.slug, "otrais-raksts");
    let chosen = new_draft().await;
    assert_eq!(chosen.slug, interim);
    // Nor was an address an editor chose for an article readers never saw.
    let version = move_to((chosen.id, chosen.version), "izveleta-adrese").await;
    move_to((chosen.id, version), "cita-izvele").await;
    let taker = unpublished("Izvēlēta adrese");
    let taker = store.create_article(&taker, None).await.expect("created");
    assert_eq!(taker.slug, "izveleta-adrese");

    let found = readers_find("pirmais-raksts").await;
    assert_eq!(found.as_deref(), Some("cits-raksts"), "old links lead on");
    // An editor may still choose it, and takes it over.
    move_to((namesake.id, namesake.version), "pirmais-raksts").await;
    let found = readers_find("pirmais-raksts").await;
    assert_eq!(found, None, "it is the namesake's own now");
}

/// Every address an editor moved a published item away from leads to where it is now, while
/// readers can see it there (editors find it there in any case); an address of one kind never
/// leads to another kind.
async fn an_old_address_leads_to_where_the_item_is_now(store: SharedStore) {
    let stored = an_article(&store, "Pirmais raksts").await;
    let move_to = |version: i64, slug: &'static str| {
        let store = store.clone();
        async move {
            store
                .change_address(ItemKind::Article, stored.id, version, slug, audit("x"))
                .await
                .expect("moved")
        }
    };
    let readers_find = |slug: &'static str| {
        let store = store.clone();
        async move {
            store
                .moved_item(ItemKind::Article, slug, Audience::Readers)
                .await
                .expect("looked up")
        }
    };
    let version = move_to(stored.version, "otra-adrese").await;
    let version = move_to(version, "tresa-adrese").await;
    for old in ["pirmais-raksts", "otra-adrese"] {
        assert_eq!(
            readers_find(old).await.as_deref(),
            Some("tresa-adrese"),
            "{old}"
        );
    }
    let other_kind = store
        .moved_item(ItemKind::Event, "pirmais-raksts", Audience::Readers)
        .await;
    assert_eq!(other_kind.expect("looked up"), None);
    assert_eq!(readers_find("nekad-nav-bijis").await, None);

    // Moved back to an address it had: that one is its own again, and the others lead to it.
    let version = move_to(version, "otra-adrese").await;
    assert_eq!(readers_find("otra-adrese").await, None);
    assert_eq!(
        readers_find("tresa-adrese").await.as_deref(),
        Some("otra-adrese")
    );
    let version = move_to(version, "tresa-adrese").await;

    // Unpublished, it is nowhere to lead readers to; editors still find it, as an editor
    // whose page has an older address does when reopening it after a conflict.
    let hidden = ArticleSettings {
        category: None,
        status: Status::Draft,
    };
    store
        .update_article_settings(stored.id, version, &hidden, audit("changed settings"))
        .await
        .expect("unpublished");
    assert_eq!(readers_find("pirmais-raksts").await, None);
    let for_editors = store
        .moved_item(ItemKind::Article, "pirmais-raksts", Audience::Editors)
        .await
        .expect("looked up");
    assert_eq!(for_editors.as_deref(), Some("tresa-adrese"));

    // An event's address changes the same way.
    let event_row = an_event_moved_to(&store, "Seminārs", "seminars-2020").await;
    let now = store
        .moved_item(ItemKind::Event, &event_row.slug, Audience::Readers)
        .await
        .expect("looked up");
    assert_eq!(now.as_deref(), Some("seminars-2020"));
    assert!(store
        .published_event(crate::i18n::Lang::Lv, "seminars-2020")
        .await
        .expect("read")
        .is_some());
}

/// An address another item of the kind has is refused (one of another kind is not in the
/// way); a change from a version that is no longer current is a conflict; a change is a new
/// version of the item, with its audit line, and the shared draft stays. A "change" to the
/// address the item has writes nothing.
async fn an_address_is_one_items_and_a_change_names_its_version(store: SharedStore) {
    let first = an_article(&store, "Pirmais raksts").await;
    let second = an_article(&store, "Otrais raksts").await;
    let change = |id: i64, version: i64, slug: &'static str| {
        let store = store.clone();
        async move {
            store
                .change_address(
                    ItemKind::Article,
                    id,
                    version,
                    slug,
                    audit("changed address"),
                )
                .await
        }
    };
    assert!(matches!(
        change(second.id, second.version, "pirmais-raksts").await,
        Err(StoreError::Taken("slug"))
    ));
    let editor = an_editor(&store).await;
    let fields = r#"{"title":"Otrā raksta melnraksts"}"#;
    let drafts = article_drafts(&store, &second, editor.id);
    drafts.save(fields, 0).await.expect("draft");
    let version = change(second.id, second.version, "otra-adrese")
        .await
        .expect("moved");
    assert_eq!(version, second.version + 1);
    assert!(matches!(
        change(second.id, second.version, "vel-cita").await,
        Err(StoreError::Conflict { .. })
    ));
    let moved = store
        .article_for_editing("otra-adrese")
        .await
        .expect("read")
        .expect("at its new address");
    assert_eq!((moved.id, moved.version), (second.id, version));
    let draft = store
        .draft(ItemKind::Article, second.id)
        .await
        .expect("read");
    assert!(draft.is_some(), "a change of address keeps the draft");
    let audit_log = store.audit_log(10, 0, None).await.expect("audit");
    let moves = |log: &[AuditEntry]| {
        log.iter()
            .filter(|line| line.action == "changed address" && line.item_id == Some(second.id))
            .count()
    };
    assert_eq!(moves(&audit_log), 1);

    let unchanged = change(second.id, version, "otra-adrese").await;
    assert_eq!(unchanged.expect("already there"), version, "no new version");
    let audit_log = store.audit_log(10, 0, None).await.expect("audit");
    assert_eq!(moves(&audit_log), 1, "no audit line for staying put");
    assert!(
        matches!(
            change(second.id, second.version, "otra-adrese").await,
            Err(StoreError::Conflict { .. })
        ),
        "from an older version it is still a conflict"
    );

    // An event may have an article's address: they live under different paths.
    an_event_moved_to(&store, "Tikšanās", "pirmais-raksts").await;
    assert_eq!(first.slug, "pirmais-raksts");
}

/// A change of address or settings, or a move into the trash and out, leaves the text as it
/// was: the shared draft written on the version it replaces goes on from the new one (so its
/// editor meets no conflict over the text); a draft written on an older version (a restore
/// keeps it) stays on it.
async fn a_draft_goes_on_with_writes_beside_its_text(store: SharedStore) {
    let stored = an_article(&store, "Raksts ar melnrakstu").await;
    let editor = an_editor(&store).await;
    let base_of_draft = || async {
        store
            .draft(ItemKind::Article, stored.id)
            .await
            .expect("read")
            .expect("a draft")
            .base_version
    };
    let drafts = article_drafts(&store, &stored, editor.id);
    drafts
        .save(r#"{"title":"Melnraksts"}"#, 0)
        .await
        .expect("draft");

    let moved = store
        .change_address(
            ItemKind::Article,
            stored.id,
            stored.version,
            "ar-melnrakstu",
            audit("changed address"),
        )
        .await
        .expect("moved");
    assert_eq!(base_of_draft().await, moved);
    let hidden = ArticleSettings {
        category: None,
        status: Status::Draft,
    };
    let settled = store
        .update_article_settings(stored.id, moved, &hidden, audit("changed settings"))
        .await
        .expect("settings");
    assert_eq!(base_of_draft().await, settled.version);

    // Saved again by an editor still on the first version: refused (that editor goes on from
    // the item as it is now), and the draft stays on the version it followed to.
    let refused = drafts.save(r#"{"title":"Vecs"}"#, 1).await;
    assert!(
        matches!(refused, Err(StoreError::Conflict { stored, .. }) if stored == settled.version),
        "{refused:?}"
    );
    let again = store
        .change_address(
            ItemKind::Article,
            stored.id,
            settled.version,
            "vel-cita-adrese",
            audit("changed address"),
        )
        .await
        .expect("moved");
    assert_eq!(again, settled.version + 1);
    assert_eq!(base_of_draft().await, again);

    trash(&store, ItemKind::Article, stored.id).await;
    let back = store.move_trash(ItemKind::Article, stored.id, TrashMove::OutOf, audit("x"));
    back.await.expect("out of the trash");
    let returned = again + 2;
    assert_eq!(base_of_draft().await, returned);

    let new = article("Atjaunots", utc(2021, 5, 3, 7, 0));
    let restore = store.update_article(stored.id, returned, &new, DraftRule::Keeps, audit("x"));
    let restored = restore.await.expect("restored");
    let moved = store
        .change_address(
            ItemKind::Article,
            stored.id,
            restored.version,
            "atjaunots",
            audit("changed address"),
        )
        .await
        .expect("moved");
    assert_eq!(moved, restored.version + 1);
    assert_eq!(
        base_of_draft().await,
        returned,
        "the older draft stays where it was"
    );
}

/// A new address or new settings are not a version of the text: the history still names
/// the text's author and time, also when someone else made them.
async fn writes_beside_the_text_leave_its_author_in_the_history(store: SharedStore) {
    let stored = an_article(&store, "Raksts ar autori").await;
    let author = Audit {
        actor: "autore@example.lv",
        action: "published",
    };
    let new = article("Autores virsraksts", utc(2021, 5, 3, 7, 0));
    let written = store.update_article(stored.id, stored.version, &new, publishes(0), author);
    let written = written.await.expect("written");
    let other = |action| Audit {
        actor: "cits@example.lv",
        action,
    };
    let moved = store.change_address(
        ItemKind::Article,
        stored.id,
        written.version,
        "autores-raksts",
        other("changed address"),
    );
    let moved = moved.await.expect("moved");
    let hidden = ArticleSettings {
        category: None,
        status: Status::Draft,
    };
    let settled = store.update_article_settings(stored.id, moved, &hidden, other("settings"));
    let settled = settled.await.expect("settings");
    let versions = store
        .versions(ItemKind::Article, stored.id)
        .await
        .expect("versions");
    let current = &versions[0];
    assert_eq!(
        (current.version, current.current, current.saved_by.as_str()),
        (settled.version, true, "autore@example.lv")
    );
    assert_eq!(
        current.saved_at, written.updated_at,
        "when the text was saved"
    );
    assert_eq!(versions.len(), 2, "one earlier version of the text");
}

/// An editor's draft save and another editor's change of address at the same moment, round
/// after round: the move lands, and so does the draft save, at once or, when the move came
/// first, once its editor goes on from the moved version; the draft then holds the text just
/// saved, on the moved version.
async fn a_draft_saved_while_its_item_moves_is_kept(store: SharedStore) {
    let stored = an_article(&store, "Raksts kustībā").await;
    let editor = an_editor(&store).await;
    let mut version = stored.version;
    for round in 1..=AT_ONCE as i64 {
        let text = format!(r#"{{"title":"Melnraksts {round}"}}"#);
        let drafts = drafting(&store, ItemKind::Article, stored.id, version, editor.id);
        let slug = format!("raksts-kustiba-{round}");
        let (saved, moved) = tokio::join!(
            drafts.save(&text, round - 1),
            store.change_address(ItemKind::Article, stored.id, version, &slug, audit("x")),
        );
        let moved = moved.expect("the move lands");
        match saved {
            Ok(_) => {}
            // The move came first.
            Err(StoreError::Conflict { stored: now, .. }) if now == moved => {
                drafting(&store, ItemKind::Article, stored.id, moved, editor.id)
                    .save(&text, round - 1)
                    .await
                    .expect("saved again on the moved version");
            }
            Err(other) => panic!("round {round}: {other:?}"),
        }
        let draft = store
            .draft(ItemKind::Article, stored.id)
            .await
            .expect("read")
            .expect("the draft is kept");
        assert_eq!(draft.fields_json, text, "round {round}");
        assert_eq!(draft.base_version, moved, "round {round}");
        version = moved;
    }
}

/// Editors moving several items to one address at once: one gets it, the others are told it
/// is taken (never a database error), and each item is at exactly one address.
async fn items_moving_to_one_address_at_once_leave_it_to_one(store: SharedStore) {
    let mut items = Vec::new();
    for n in 0..AT_ONCE {
        items.push(an_article(&store, &format!("Raksts {n}")).await);
    }
    let items = Arc::new(items);
    let outcomes = at_once(AT_ONCE, |i| {
        let (store, items) = (Arc::clone(&store), Arc::clone(&items));
        async move {
            let item = &items[i];
            store
                .change_address(
                    ItemKind::Article,
                    item.id,
                    item.version,
                    "kopiga-adrese",
                    audit("x"),
                )
                .await
        }
    })
    .await;
    let won = outcomes.iter().filter(|outcome| outcome.is_ok()).count();
    let taken = outcomes
        .iter()
        .filter(|outcome| matches!(outcome, Err(StoreError::Taken("slug"))))
        .count();
    assert_eq!((won, taken), (1, AT_ONCE - 1), "{outcomes:?}");
    let winner = outcomes.iter().position(Result::is_ok).expect("a winner");
    for (i, item) in items.iter().enumerate() {
        let slug = if i == winner {
            "kopiga-adrese".to_string()
        } else {
            item.slug.clone()
        };
        let stored = store.article_for_editing(&slug).await.expect("read");
        assert_eq!(stored.map(|found| found.id), Some(item.id), "{slug}");
    }
}

/// An event titled `title` on 4 August 2020, moved at once to the address `slug`; as it was
/// before the move.
async fn an_event_moved_to(store: &SharedStore, title: &str, slug: &str) -> Event {
    let new = event(title, utc(2020, 8, 4, 7, 0), utc(2020, 8, 4, 9, 0));
    let stored = store.create_event(&new, None).await.expect("event");
    store
        .change_address(ItemKind::Event, stored.id, stored.version, slug, audit("x"))
        .await
        .expect("an event moved");
    stored
}
