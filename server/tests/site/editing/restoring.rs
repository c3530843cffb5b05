//! History: restoring an earlier version brings back its text, for articles and events alike
//! (whether readers see the item stays as it is now), and the activity log that records it.

use app::editing::{
    event_fields::{EditableEvent, EventFields, EventSave},
    ArticleSettingsSave, DeleteItem, GetEditableEvent, GetHistory, ItemKind, ItemRef,
    PublishArticle, RestoreVersion, RevisionInfo, SaveEvent, SaveEventDraft, UpdateArticleSettings,
};

use super::*;
use crate::{
    racing::{article_save, ask, newsroom, open, WEBINAR},
    read::Page,
};

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
    assert!(!restored.details.readers.published, "still hidden");
    let (status, _) = site.get(&format!("/news/{}", restored.slug)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "readers still do not see it");
    let slug = WEBINAR.to_string();
    let restored_event: EditableEvent = ask(&site, &GetEditableEvent { slug }, &anna).await;
    assert_eq!(restored_event.current.title, event.current.title);
    assert!(!restored_event.current.published, "still hidden");
    let (status, _) = site.get(&format!("/events/{WEBINAR}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// The history and the activity log name a restored version alike: by its place among the
/// versions of the text, not by the stored number that a settings save takes as well.
#[tokio::test(flavor = "multi_thread")]
async fn a_restored_version_is_named_as_the_history_numbers_it() {
    let (site, [anna, janis]) = newsroom().await;
    let first = open(&site, &anna).await;
    let settings = ArticleSettingsSave {
        article_id: first.id,
        version: first.version,
        category: String::new(),
        published: true,
    };
    ask(&site, &UpdateArticleSettings { save: settings }, &anna).await;
    let set = open(&site, &anna).await;
    let save = article_save(&set, "Otrais virsraksts", "Otrs teksts");
    ask(&site, &PublishArticle { save }, &anna).await;
    let item = set.item();
    let history: Vec<RevisionInfo> = ask(&site, &GetHistory { item }, &anna).await;
    let stored: Vec<i64> = history.iter().map(|version| version.version).collect();
    // The text before the settings save is no version of its own: two versions, the older
    // stored under a number past 1.
    assert_eq!(stored, [set.version + 1, set.version]);
    assert!(set.version > 1);
    let edited = open(&site, &anna).await;
    let restore = RestoreVersion {
        item,
        version: set.version,
        expected_version: edited.version,
    };
    ask(&site, &restore, &anna).await;
    let log = Page::parse(&site.get_as("/editor/audit", &janis).await.body);
    assert!(
        log.shows("atjaunoja 1. versiju"),
        "named as the history's first"
    );
    assert!(!log.shows(&format!("atjaunoja {}. versiju", set.version)));
}

/// The activity log, fifty lines a page, newest first: every line can be reached.
#[tokio::test(flavor = "multi_thread")]
async fn the_activity_log_is_read_page_by_page() {
    use app::{
        editing::ItemKind,
        sanitize::SafeHtml,
        storage::{Audience, Audit, TranslatedText, TranslationWrite},
    };
    let site = Site::with_demo_content().await;
    let admin = site.signed_in("anna@example.lv", Role::Admin).await;
    let id = site
        .store
        .item_at(ItemKind::Article, crate::racing::LAUNCH, Audience::Editors);
    let id = id.await.expect("read").expect("the launch article").id;
    let text = TranslatedText {
        title: "Lithuania and Latvia support Moldova".to_string(),
        lead: String::new(),
        body_html: SafeHtml::sanitize("<p>Text</p>"),
        extra: String::new(),
    };
    let logged = site
        .store
        .audit_log(1000, 0, None)
        .await
        .expect("the log")
        .len();
    let logged = i64::try_from(logged).expect("a few lines");
    // The demo's English translation is at version 1: saves over it, each logged.
    let translate = |seen: i64| {
        let write = TranslationWrite {
            kind: ItemKind::Article,
            item_id: id,
            lang: "en",
            text: &text,
            seen_version: seen,
            writer: None,
            source_version: None,
        };
        let audit = Audit {
            actor: "anna@example.lv",
            action: "translated into en",
        };
        site.store.save_translation(write, Some(audit))
    };
    // Exactly one page of lines: no link to an empty page after it.
    for seen in 1..=50 - logged {
        assert_eq!(translate(seen).await.expect("saved").version, seen + 1);
    }
    let full = Page::parse(&site.get_as("/en/editor/audit", &admin).await.body);
    assert_eq!(full.count("tbody tr"), 50);
    assert_eq!(full.link_named("Next page →"), None);
    // The English log names items by their Latvian titles, marked as Latvian.
    assert_eq!(full.count("tbody td[lang=lv]"), 50);
    for seen in 51 - logged..=55 - logged {
        assert_eq!(translate(seen).await.expect("saved").version, seen + 1);
    }
    let first = Page::parse(&site.get_as("/en/editor/audit", &admin).await.body);
    assert_eq!(first.count("tbody tr"), 50);
    assert_eq!(first.link_named("Previous page"), None);
    let next = first
        .link_named("Next page →")
        .expect("a link to older lines");
    // The links keep to the lines there were when the first page was read.
    assert!(next.starts_with("/en/editor/audit?page=2&upto="), "{next}");
    let second = Page::parse(&site.get_as(&next, &admin).await.body);
    assert_eq!(second.count("tbody tr"), 5, "the rest");
    assert!(second.shows("Page 2"));
    assert_eq!(second.link_named("Next page →"), None);
    let back = second.link_named("← Previous page");
    assert_eq!(back, Some(next.replace("page=2", "page=1")));
}

/// An event taken to the trash and back comes back hidden, and so does its shared draft,
/// saved while readers saw it: its next write keeps the event hidden until an editor chooses
/// to show it (the draft's "published" came back as it was, and saving showed it at once).
#[tokio::test(flavor = "multi_thread")]
async fn an_event_back_from_the_trash_stays_hidden_at_its_drafts_next_write() {
    let (site, [anna, _]) = newsroom().await;
    let slug = WEBINAR.to_string();
    let event: EditableEvent = ask(&site, &GetEditableEvent { slug: slug.clone() }, &anna).await;
    assert!(event.current.published);
    let draft = EventSave {
        id: event.id,
        base_version: event.version,
        draft_version: 0,
        fields: EventFields {
            location: "Tiešsaistē un Rīgā".to_string(),
            ..event.current.clone()
        },
        writer: None,
    };
    ask(&site, &SaveEventDraft { save: draft }, &anna).await;
    let item = ItemRef {
        kind: ItemKind::Event,
        id: event.id,
    };
    ask(&site, &DeleteItem { item }, &anna).await;
    restore_from_trash(&site, "Event", &json!(event.id), &anna).await;

    let back: EditableEvent = ask(&site, &GetEditableEvent { slug }, &anna).await;
    assert!(!back.current.published, "restored as a draft");
    let draft = back.draft.expect("the draft came along");
    assert_eq!(draft.fields.location, "Tiešsaistē un Rīgā");
    assert!(
        !draft.fields.published,
        "the draft says hidden, as the event is"
    );
    let write = EventSave {
        id: event.id,
        base_version: back.version,
        draft_version: draft.draft_version,
        fields: draft.fields.clone(),
        writer: None,
    };
    ask(&site, &SaveEvent { save: write }, &anna).await;
    let (status, _) = site.get(&format!("/events/{WEBINAR}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "still hidden from readers");
}
