//! A write answers what it stored: the fields as the next editor opens them. The editor's
//! browser keeps that answer as the text at the new version, so it can tell a later change
//! beside the text (another editor's new address) from a change to it.

use app::editing::{
    event_fields::{EditableEvent, EventFields, EventSave},
    GetEditableEvent, PublishArticle, SaveDraft, SaveEvent,
};

use crate::racing::{article_save, ask, call, conflicts, logged, newsroom, open, WEBINAR};

#[tokio::test(flavor = "multi_thread")]
async fn an_article_publish_and_a_draft_save_answer_the_text_as_stored() {
    let (site, [anna, janis]) = newsroom().await;
    let before = open(&site, &anna).await;
    let mut save = article_save(&before, "  Virsraksts ar atstarpēm ", "Teksts");
    save.fields.lead = " Ievads ar atstarpēm\n".to_string();
    save.fields.body_html = r#"<p onclick="alert(1)">Teksts</p><script>alert(2)</script>"#.into();
    let published = ask(&site, &PublishArticle { save }, &anna).await;

    let reopened = open(&site, &janis).await;
    assert_eq!(published.version, reopened.version);
    assert_eq!(
        published.fields, reopened.current,
        "the answer is what Jānis opens"
    );
    assert_eq!(published.fields.title, "Virsraksts ar atstarpēm");
    assert_eq!(published.fields.lead, "Ievads ar atstarpēm");
    assert_eq!(published.fields.body_html, "<p>Teksts</p>");

    let mut save = article_save(&reopened, " Melnraksta virsraksts ", "Vēl");
    save.fields.body_html = "<p>Vēl<img src=x onerror=alert(3)></p>".into();
    let drafted = ask(&site, &SaveDraft { save }, &janis).await;
    let draft = open(&site, &anna).await.draft.expect("Jānis's draft");
    assert_eq!(
        drafted.fields, draft.fields,
        "the draft answer is the draft Anna opens"
    );
    assert!(!drafted.fields.body_html.contains("onerror"));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_all_day_event_save_answers_the_times_as_stored() {
    let (site, [anna, janis]) = newsroom().await;
    let slug = WEBINAR.to_string();
    let before: EditableEvent = ask(&site, &GetEditableEvent { slug }, &anna).await;
    // The form hides the times of an all-day event and sends them empty.
    let fields = EventFields {
        title: " Vebinārs visas dienas garumā ".to_string(),
        location: "Tiešsaistē ".to_string(),
        all_day: true,
        start_time: String::new(),
        end_time: String::new(),
        ..before.current.clone()
    };
    let save = EventSave {
        id: before.id,
        base_version: before.version,
        draft_version: 0,
        fields,
        writer: crate::saves::next_save_of(&before.writer),
    };
    let saved = ask(&site, &SaveEvent { save }, &anna).await;

    let slug = saved.slug.clone().expect("a write names the address");
    let reopened: EditableEvent = ask(&site, &GetEditableEvent { slug }, &janis).await;
    assert_eq!(saved.version, reopened.version);
    assert_eq!(
        saved.fields, reopened.current,
        "the answer is what Jānis opens"
    );
    assert_eq!(saved.fields.title, "Vebinārs visas dienas garumā");
    assert!(saved.fields.all_day);
}

/// An answer lost on its way back: the browser sends the same save again. It is answered as the
/// first one was, although the text as sent (with its spaces) is not the text as stored.
#[tokio::test(flavor = "multi_thread")]
async fn a_draft_save_or_publish_sent_again_is_answered_as_the_first_was() {
    let (site, [anna, janis]) = newsroom().await;
    let before = open(&site, &anna).await;
    let title = "Nosūtīts divreiz";
    let save = article_save(&before, &format!("{title}  "), "Teksts");
    let drafted = ask(&site, &SaveDraft { save: save.clone() }, &anna).await;
    let again = ask(&site, &SaveDraft { save: save.clone() }, &anna).await;
    assert_eq!(again, drafted, "the same draft, saved once");

    let save = app::editing::ArticleSave {
        draft_version: drafted.draft_version,
        ..save
    };
    let published = ask(&site, &PublishArticle { save: save.clone() }, &anna).await;
    let again = ask(&site, &PublishArticle { save: save.clone() }, &anna).await;
    assert_eq!(again.version, published.version, "published once");
    assert_eq!(again.fields, published.fields);
    assert_eq!(open(&site, &janis).await.version, before.version + 1);
    assert_eq!(logged(&site, &janis, "published", title).await, 1);

    // Another text from the same old version is still a conflict.
    let mut other = save;
    other.fields.title = "Cits virsraksts".to_string();
    conflicts(&site, &PublishArticle { save: other }, &anna).await;
}

/// A draft save whose answer was lost: Anna's browser still names no draft, and she types on.
/// The draft was an earlier save of her very editor (its mark, `writer`), so her next draft
/// save goes over it, and so does her publication, with nothing to choose. A newer draft from
/// anyone else still refuses them.
#[tokio::test(flavor = "multi_thread")]
async fn saves_after_a_draft_save_whose_answer_was_lost_go_through() {
    let (site, [anna, janis]) = newsroom().await;
    let before = open(&site, &anna).await;
    let mut save = article_save(&before, "Melnraksts bez atbildes ", "Teksts");
    save.fields.body_html = r#"<p onclick="alert(1)">Teksts</p>"#.to_string();
    // Saved, but Anna's browser never heard: it still names no draft.
    ask(&site, &SaveDraft { save: save.clone() }, &anna).await;
    save.fields.body_html = "<p>Teksts un vēl</p>".to_string();
    save.writer = crate::saves::next_save_of(&before.writer);
    let later = ask(&site, &SaveDraft { save: save.clone() }, &anna).await;
    assert_eq!(later.draft_version, 2, "over her own draft");
    // That answer was lost too: she publishes with more text still, naming no draft.
    save.fields.body_html = "<p>Teksts un vēl, un beigas</p>".to_string();
    save.writer = crate::saves::next_save_of(&before.writer);
    let published = ask(&site, &PublishArticle { save: save.clone() }, &anna).await;
    assert_eq!(published.fields.title, "Melnraksts bez atbildes");
    assert_eq!(
        published.fields.body_html,
        "<p>Teksts un vēl, un beigas</p>"
    );
    let after = open(&site, &janis).await;
    assert_eq!(after.version, before.version + 1);
    assert!(after.draft.is_none(), "the draft went with the publication");
    let started = logged(&site, &janis, "changed", &before.current.title).await;
    assert_eq!(started, 1, "one draft started");

    let annas_editor = open(&site, &anna).await;
    let janis_draft = article_save(&after, "Jāņa melnraksts", "Jāņa teksts");
    let drafted = ask(&site, &SaveDraft { save: janis_draft }, &janis).await;
    let annas = article_save(&annas_editor, "Annas virsraksts", "Annas teksts");
    conflicts(
        &site,
        &SaveDraft {
            save: annas.clone(),
        },
        &anna,
    )
    .await;
    conflicts(&site, &PublishArticle { save: annas }, &anna).await;
    let kept = open(&site, &anna)
        .await
        .draft
        .expect("Jānis's draft is kept");
    assert_eq!(kept.draft_version, drafted.draft_version);
    assert_eq!(kept.fields.title, "Jāņa melnraksts");
}

/// A mark no editor was given (another length, other characters) or a save number an editor
/// does not count is refused as a bad request, and nothing is saved.
#[tokio::test(flavor = "multi_thread")]
async fn a_save_with_a_mark_the_server_never_made_is_refused() {
    let (site, [anna, _]) = newsroom().await;
    let before = open(&site, &anna).await;
    let made = before.writer.clone();
    let wrong = [
        (made[..42].to_string(), 1),
        (format!("{made}A"), 1),
        (format!("{}+", &made[..42]), 1),
        (made.clone(), 0),
    ];
    for (mark, save) in wrong {
        let mut draft = article_save(&before, "Ar svešu zīmi", "Teksts");
        draft.writer = Some(app::editing::Writer { mark, save });
        let publication = draft.clone();
        for answer in [
            call(&SaveDraft { save: draft }, &anna).send(&site).await,
            call(&PublishArticle { save: publication }, &anna)
                .send(&site)
                .await,
        ] {
            assert_eq!(
                answer.status,
                http::StatusCode::BAD_REQUEST,
                "{}",
                answer.body
            );
        }
    }
    let after = open(&site, &anna).await;
    assert_eq!(after.version, before.version, "nothing published");
    assert!(after.draft.is_none(), "nothing drafted");
}
