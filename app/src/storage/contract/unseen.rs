//! What editors are told of an item readers cannot see: hidden from them or never
//! published, and by which title (its draft's while it is unpublished). Articles and events
//! alike, on both backends.

use super::*;
use crate::editing::ItemKind;

contract_tests!(
    an_unpublished_item_is_told_apart_as_new_or_hidden_alike,
    editors_know_an_unpublished_item_by_its_drafts_title,
);

/// Whether readers saw `slug`'s item of `kind`, as editors find it.
async fn shown_before(store: &SharedStore, kind: ItemKind, slug: &str) -> bool {
    let found = store.item_at(kind, slug, Audience::Editors).await;
    found
        .expect("looked up")
        .expect("there")
        .readers
        .shown_before
}

async fn an_unpublished_item_is_told_apart_as_new_or_hidden_alike(store: SharedStore) {
    let mut new = article("Jauns raksts", utc(2021, 5, 3, 7, 0));
    new.status = Status::Draft;
    let created = store.create_article(&new, Some(audit("created"))).await;
    let created = created.expect("created");
    let kind = ItemKind::Article;
    assert!(!shown_before(&store, kind, &created.slug).await, "new");
    new.status = Status::Published;
    let update = store.update_article(created.id, 1, &new, publishes(0), audit("published"));
    let published = update.await.expect("published");
    assert!(shown_before(&store, kind, &published.slug).await);
    let draft = ArticleSettings {
        category: None,
        status: Status::Draft,
    };
    let hide =
        store.update_article_settings(published.id, published.version, &draft, audit("hidden"));
    let hidden = hide.await.expect("hidden");
    assert_eq!(hidden.status, Status::Draft);
    assert!(shown_before(&store, kind, &hidden.slug).await, "hidden");

    let mut seminar = event("Seminārs", utc(2020, 8, 4, 7, 0), utc(2020, 8, 4, 9, 0));
    seminar.status = Status::Draft;
    let created = store.create_event(&seminar, Some(audit("created"))).await;
    let created = created.expect("created");
    let kind = ItemKind::Event;
    assert!(!shown_before(&store, kind, &created.slug).await, "new");
    for (version, status) in [(1, Status::Published), (2, Status::Draft)] {
        seminar.status = status;
        let write = store.update_event(
            created.id,
            version,
            &seminar,
            DraftRule::Keeps,
            audit("saved"),
        );
        let written = write.await.expect("written");
        assert!(
            shown_before(&store, kind, &written.slug).await,
            "{status:?}"
        );
    }
    // Published, then trashed and restored (a draft then, with no version kept of the
    // trip), each is still one readers saw.
    let mut webinar = event("Vebinārs", utc(2020, 8, 5, 7, 0), utc(2020, 8, 5, 9, 0));
    webinar.status = Status::Draft;
    let drafted = store.create_event(&webinar, Some(audit("created"))).await;
    let drafted = drafted.expect("created");
    webinar.status = Status::Published;
    let publish = store.update_event(drafted.id, 1, &webinar, DraftRule::Keeps, audit("saved"));
    let webinar = publish.await.expect("published");
    for (kind, id, slug) in [
        (ItemKind::Article, hidden.id, &hidden.slug),
        (ItemKind::Event, webinar.id, &webinar.slug),
    ] {
        trash(&store, kind, id).await;
        let back = store.move_trash(kind, id, TrashMove::OutOf, audit("restored"));
        back.await.expect("restored");
        assert!(shown_before(&store, kind, slug).await, "{kind:?}");
    }
}

async fn editors_know_an_unpublished_item_by_its_drafts_title(store: SharedStore) {
    let editor = an_editor(&store).await;
    let drafted = |title: &str| {
        article_json(&ArticleText {
            title: title.to_string(),
            lead: "Ievads.".into(),
            body_html: "<p>Teksts</p>".into(),
            contact: String::new(),
        })
    };
    let title_at = |slug: String, audience| {
        let store = store.clone();
        async move {
            let found = store.item_at(ItemKind::Article, &slug, audience).await;
            found.expect("looked up").map(|item| item.title)
        }
    };
    // Published, with a draft: editors and readers know it by its own title.
    let published = an_article(&store, "Publicētais").await;
    let drafts = article_drafts(&store, &published, editor.id);
    drafts.save(&drafted("Melnrakstā"), 0).await.expect("draft");
    for audience in [Audience::Editors, Audience::Readers] {
        let title = title_at(published.slug.clone(), audience).await;
        assert_eq!(title.as_deref(), Some("Publicētais"), "{audience:?}");
    }
    // Never published, with a draft: by the draft's title; without one, by its own.
    let mut new = article("Jauns raksts", utc(2021, 5, 3, 7, 0));
    new.status = Status::Draft;
    let created = store.create_article(&new, Some(audit("created"))).await;
    let created = created.expect("created");
    let title = title_at(created.slug.clone(), Audience::Editors).await;
    assert_eq!(title.as_deref(), Some("Jauns raksts"), "no draft yet");
    let drafts = article_drafts(&store, &created, editor.id);
    drafts.save(&drafted("Atskaite"), 0).await.expect("draft");
    let title = title_at(created.slug.clone(), Audience::Editors).await;
    assert_eq!(title.as_deref(), Some("Atskaite"));
    assert_eq!(
        title_at(created.slug.clone(), Audience::Readers).await,
        None
    );
    // A draft of a format this version does not know is not read for a title.
    let unknown = r#"{"format":2,"heading":"Cits","title":"Nezināms formāts"}"#;
    drafts.save(unknown, 1).await.expect("saved as it is");
    let title = title_at(created.slug.clone(), Audience::Editors).await;
    assert_eq!(title.as_deref(), Some("Jauns raksts"));
}
