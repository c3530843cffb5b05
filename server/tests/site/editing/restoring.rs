//! Restoring an earlier version brings back its text, for articles and events alike: whether
//! readers see the item stays as it is now.

use app::editing::{
    event_fields::{EditableEvent, EventSave},
    ArticleSettingsSave, GetEditableEvent, PublishArticle, RestoreVersion, SaveEvent,
    UpdateArticleSettings,
};

use super::*;
use crate::racing::{article_save, ask, newsroom, open, WEBINAR};

#[tokio::test(flavor = "multi_thread")]
async fn restoring_a_version_leaves_readers_seeing_the_item_as_they_do_now() {
    let (site, [anna, _]) = newsroom().await;
    // An article edited once, then hidden from readers.
    let first = open(&site, &anna).await;
    let save = article_save(&first, "Otrais virsraksts", "Otrs teksts");
    ask(&site, &PublishArticle { save }, &anna).await;
    let edited = open(&site, &anna).await;
    let hide = ArticleSettingsSave {
        article_id: edited.id,
        version: edited.version,
        category: edited.details.category.clone(),
        published: false,
    };
    ask(&site, &UpdateArticleSettings { save: hide }, &anna).await;
    let hidden = open(&site, &anna).await;
    // An event hidden from readers in its form.
    let slug = WEBINAR.to_string();
    let event: EditableEvent = ask(&site, &GetEditableEvent { slug: slug.clone() }, &anna).await;
    let unpublished = EventSave {
        id: event.id,
        base_version: event.version,
        draft_version: 0,
        fields: app::editing::event_fields::EventFields {
            title: "Vebinārs (atcelts)".to_string(),
            published: false,
            ..event.current.clone()
        },
        writer: None,
    };
    ask(&site, &SaveEvent { save: unpublished }, &anna).await;
    let hidden_event: EditableEvent = ask(&site, &GetEditableEvent { slug }, &anna).await;

    for (item, version) in [
        (hidden.item(), hidden.version),
        (hidden_event.item(), hidden_event.version),
    ] {
        let restore = RestoreVersion {
            item,
            version: 1,
            expected_version: version,
        };
        ask(&site, &restore, &anna).await;
    }
    let restored = open(&site, &anna).await;
    assert_eq!(
        restored.current.title, first.current.title,
        "the text is back"
    );
    assert!(!restored.details.published, "still hidden");
    let (status, _) = site.get(&format!("/news/{}", restored.slug)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "readers still do not see it");
    let slug = WEBINAR.to_string();
    let restored_event: EditableEvent = ask(&site, &GetEditableEvent { slug }, &anna).await;
    assert_eq!(restored_event.current.title, event.current.title);
    assert!(!restored_event.current.published, "still hidden");
    let (status, _) = site.get(&format!("/events/{WEBINAR}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
