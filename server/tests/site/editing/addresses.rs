//! What a signed-in editor finds at an item's address that readers do not: the editor of an
//! item not yet published, a redirect to where a moved one is now, and the trash, said as
//! such; nothing at all is a 404 for editors too.

use app::editing::{
    event_fields::{EditableEvent, EventFields, EventSave},
    ArticleSettingsSave, ChangeAddress, CreateArticle, CreateEvent, DeleteItem, GetEditableArticle,
    GetEditableEvent, GetHistory, ItemKind, ItemRef, SaveDraft, SaveEvent, UpdateArticleSettings,
};

use super::*;
use crate::racing::{article_save, ask, call, newsroom, open, WEBINAR};

#[tokio::test(flavor = "multi_thread")]
async fn an_editor_finds_an_unpublished_article_where_it_is_and_is_told_of_the_trash() {
    let (site, [anna, _]) = newsroom().await;
    let placeholder: String = ask(&site, &CreateArticle {}, &anna).await;
    let old = format!("/news/{placeholder}");
    let opened = ask(&site, &GetEditableArticle { slug: placeholder }, &anna).await;
    let page = site.get_as(&old, &anna).await;
    assert_eq!(page.status, StatusCode::OK, "its editor opens there");
    let page = Page::parse(&page.body);
    assert!(page.says("Šis raksts vēl nav publicēts"));
    // Named by its title, as its heading and in the browser's tab.
    assert_eq!(page.heading().0, "Jauns raksts");
    assert!(page.title().starts_with("Jauns raksts"), "{}", page.title());
    // Once its editor has named it in the draft, its page is named so: readers see nothing
    // of it yet, and the title it was made with is a placeholder.
    let named = article_save(&opened, "Atskaite par semināru", "Teksts melnrakstā.");
    ask(&site, &SaveDraft { save: named }, &anna).await;
    let page = Page::parse(&site.get_as(&old, &anna).await.body);
    assert_eq!(page.heading().0, "Atskaite par semināru");
    assert!(
        page.title().starts_with("Atskaite par semināru"),
        "{}",
        page.title()
    );
    assert!(page.says("Šis raksts vēl nav publicēts"));
    let opened = ask(&site, &GetEditableArticle { slug: opened.slug }, &anna).await;
    assert!(!opened.details.readers.shown_before, "never published");

    let item = ItemRef {
        kind: ItemKind::Article,
        id: opened.id,
    };
    let slug = "projekta-atskaite".to_string();
    let version = opened.version;
    ask(
        &site,
        &ChangeAddress {
            item,
            version,
            slug,
        },
        &anna,
    )
    .await;
    // An editor's bookmark of the old address leads on, in its language, query kept;
    // readers see nothing at either address, as before.
    for (from, to) in [
        (old.clone(), "/news/projekta-atskaite"),
        (format!("/en{old}?no=1"), "/en/news/projekta-atskaite?no=1"),
    ] {
        let sent_on = site.get_as(&from, &anna).await;
        assert_eq!(
            sent_on.status,
            StatusCode::FOUND,
            "{from}: {}",
            sent_on.body
        );
        assert_eq!(sent_on.headers[header::LOCATION], to, "{from}");
        assert_eq!(site.get(&from).await.0, StatusCode::NOT_FOUND, "{from}");
    }
    assert_eq!(
        site.get_as("/news/projekta-atskaite", &anna).await.status,
        StatusCode::OK
    );
    assert_eq!(
        site.get("/news/projekta-atskaite").await.0,
        StatusCode::NOT_FOUND
    );

    let nothing = site.get_as("/news/nekad-nav-bijis", &anna).await;
    assert_eq!(nothing.status, StatusCode::NOT_FOUND);
    assert!(Page::parse(&nothing.body).says("Lapa nav atrasta"));

    ask(&site, &DeleteItem { item }, &anna).await;
    // Its history, asked for by an editor whose page was open, says where it went.
    let history = call(&GetHistory { item }, &anna).send(&site).await;
    assert_eq!(history.status, StatusCode::GONE, "{}", history.body);
    for address in [old.as_str(), "/news/projekta-atskaite"] {
        let trashed = site.get_as(address, &anna).await;
        assert_eq!(trashed.status, StatusCode::GONE, "{address}");
        let page = Page::parse(&trashed.body);
        assert_eq!(page.heading().0, "Ieraksts ir miskastē", "{address}");
        assert!(page.says("Atjaunot to var no miskastes redakcijas lapā"));
        assert!(page.links_to("/editor"), "where it is restored");
        assert!(
            !page.says("Šis raksts vēl nav publicēts"),
            "no editor opens"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_editor_finds_an_event_in_the_trash_and_no_editor_at_a_day_it_does_not_have() {
    let (site, [anna, _]) = newsroom().await;
    let day = chrono::NaiveDate::from_ymd_opt(2020, 8, 20).expect("a day");
    let slug: String = ask(&site, &CreateEvent { day }, &anna).await;
    let page = format!("/events/{slug}");
    let unpublished = site.get_as(&page, &anna).await;
    assert_eq!(unpublished.status, StatusCode::OK);
    let unpublished = Page::parse(&unpublished.body);
    assert!(unpublished.says("Šis notikums vēl nav publicēts"));
    assert_eq!(unpublished.heading().0, "Jauns notikums");
    assert!(unpublished.title().starts_with("Jauns notikums"));
    let malformed = site.get_as(&format!("{page}?date=20-08-2020"), &anna).await;
    assert_eq!(
        malformed.status,
        StatusCode::NOT_FOUND,
        "a date that is none"
    );
    // A published event at a day it does not have: not found, as readers find it; no
    // editor of an "unpublished" event opens there.
    let elsewhen = format!("/events/{WEBINAR}?date=2019-01-01");
    let not_its_day = site.get_as(&elsewhen, &anna).await;
    assert_eq!(not_its_day.status, StatusCode::NOT_FOUND);
    assert!(!Page::parse(&not_its_day.body).says("Šis notikums vēl nav publicēts"));
    assert_eq!(site.get(&elsewhen).await.0, StatusCode::NOT_FOUND);
    // At its own day, it is itself, for readers and editors.
    let (_, webinar) = site.get(&format!("/events/{WEBINAR}")).await;
    let its_day = Page::parse(&webinar).attr("time[datetime]", "datetime");
    let its_day: String = its_day.expect("its time").chars().take(10).collect();
    let on_its_day = format!("/events/{WEBINAR}?date={its_day}");
    let (status, shown) = site.get(&on_its_day).await;
    assert_eq!(status, StatusCode::OK, "{on_its_day}");
    assert_eq!(
        Page::parse(&shown).heading(),
        Page::parse(&webinar).heading()
    );
    assert_eq!(site.get_as(&on_its_day, &anna).await.status, StatusCode::OK);

    let opened = ask(&site, &GetEditableEvent { slug }, &anna).await;
    let item = ItemRef {
        kind: ItemKind::Event,
        id: opened.id,
    };
    ask(&site, &DeleteItem { item }, &anna).await;
    let trashed = site.get_as(&page, &anna).await;
    assert_eq!(trashed.status, StatusCode::GONE);
    assert_eq!(
        Page::parse(&trashed.body).heading().0,
        "Ieraksts ir miskastē"
    );
    assert_eq!(site.get(&page).await.0, StatusCode::NOT_FOUND, "readers");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_article_or_event_readers_saw_is_said_hidden_from_them_not_new() {
    let (site, [anna, _]) = newsroom().await;
    let article = open(&site, &anna).await;
    assert!(article.details.readers.shown_before);
    let hide = ArticleSettingsSave {
        article_id: article.id,
        version: article.version,
        category: article.details.category.clone(),
        published: false,
    };
    ask(&site, &UpdateArticleSettings { save: hide }, &anna).await;
    let hidden = open(&site, &anna).await;
    assert_eq!(
        (
            hidden.details.readers.published,
            hidden.details.readers.shown_before
        ),
        (false, true),
        "its editor's bar says hidden"
    );

    let slug = WEBINAR.to_string();
    let event: EditableEvent = ask(&site, &GetEditableEvent { slug }, &anna).await;
    let unpublished = EventSave {
        id: event.id,
        base_version: event.version,
        draft_version: 0,
        fields: EventFields {
            published: false,
            ..event.current.clone()
        },
        writer: None,
    };
    ask(&site, &SaveEvent { save: unpublished }, &anna).await;

    for (address, title, hidden_note, new_note) in [
        (
            format!("/news/{}", hidden.slug),
            hidden.current.title.clone(),
            "Šis raksts ir paslēpts no lasītājiem",
            "Šis raksts vēl nav publicēts",
        ),
        (
            format!("/events/{}", event.slug),
            event.current.title.clone(),
            "Šis notikums ir paslēpts no lasītājiem",
            "Šis notikums vēl nav publicēts",
        ),
    ] {
        assert_eq!(
            site.get(&address).await.0,
            StatusCode::NOT_FOUND,
            "{address}"
        );
        let page = site.get_as(&address, &anna).await;
        assert_eq!(page.status, StatusCode::OK, "{address}");
        let page = Page::parse(&page.body);
        assert!(page.says(hidden_note), "{address}");
        assert!(!page.says(new_note), "{address}");
        assert_eq!(page.heading().0, title, "{address}: its title as stored");
    }
}
