//! What publishing an article asks of its text: an untouched new article ("Jauns raksts",
//! nothing written) is refused, saying why at the body; its draft saves as ever. The other
//! ways to show readers an article ask the same: its settings do not show one with no text
//! yet, nor one with an image described for no one, and restoring a version does not bring
//! such an image back to readers.

use app::{
    editing::{
        ArticleFields, ArticleSettingsSave, CreateArticle, GetEditableArticle, ItemKind, ItemRef,
        PublishArticle, RestoreVersion, SaveDraft, UpdateArticleSettings,
    },
    sanitize::SafeHtml,
    storage::{NewArticle, Status},
};

use super::*;
use crate::racing::{ask, newsroom, refused};
use crate::saves::article_save;

#[tokio::test(flavor = "multi_thread")]
async fn an_article_with_no_text_is_not_published() {
    let (site, [anna, _]) = newsroom().await;
    let slug: String = ask(&site, &CreateArticle {}, &anna).await;
    let new = ask(&site, &GetEditableArticle { slug: slug.clone() }, &anna).await;
    let untouched = |body: &str| {
        let mut save = article_save(&new, &new.current.title, "");
        save.fields.body_html = body.to_string();
        save
    };
    for body in ["", "<p><br></p>", "<p> </p><ul><li></li></ul>"] {
        let publish = PublishArticle {
            save: untouched(body),
        };
        refused(&site, &publish, &anna, "invalid-article-empty").await;
    }
    assert_eq!(
        site.get(&format!("/news/{slug}")).await.0,
        StatusCode::NOT_FOUND
    );
    // A draft of nothing is no publication: it saves.
    ask(
        &site,
        &SaveDraft {
            save: untouched(""),
        },
        &anna,
    )
    .await;

    // A lead alone is something to read.
    let drafted = ask(&site, &GetEditableArticle { slug: slug.clone() }, &anna).await;
    let mut save = article_save(&drafted, &drafted.current.title, "");
    save.fields = ArticleFields {
        lead: "Semināra datums mainīts.".to_string(),
        body_html: String::new(),
        ..save.fields
    };
    ask(&site, &PublishArticle { save }, &anna).await;
    assert_eq!(site.get(&format!("/news/{slug}")).await.0, StatusCode::OK);
}

/// The settings of `article` at `version`, published as `published` says.
fn shown(
    article: &app::editing::EditableArticle,
    version: i64,
    published: bool,
) -> UpdateArticleSettings {
    UpdateArticleSettings {
        save: ArticleSettingsSave {
            article_id: article.id,
            version,
            category: article.details.category.clone(),
            published,
        },
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_article_is_not_shown_from_its_settings_before_it_is_published() {
    let (site, [anna, _]) = newsroom().await;
    let slug: String = ask(&site, &CreateArticle {}, &anna).await;
    let new = ask(&site, &GetEditableArticle { slug: slug.clone() }, &anna).await;
    // Its words are in the draft; the article itself is still the empty placeholder.
    let save = article_save(&new, "Semināra datums mainīts", "Seminārs notiks vēlāk.");
    ask(&site, &SaveDraft { save }, &anna).await;

    refused(
        &site,
        &shown(&new, new.version, true),
        &anna,
        "invalid-show-unwritten",
    )
    .await;
    assert_eq!(
        site.get(&format!("/news/{slug}")).await.0,
        StatusCode::NOT_FOUND
    );
    let still = ask(&site, &GetEditableArticle { slug: slug.clone() }, &anna).await;
    assert_eq!(still.version, new.version, "nothing was written");
    assert_eq!(
        still
            .draft
            .as_ref()
            .map(|draft| draft.fields.title.as_str()),
        Some("Semināra datums mainīts"),
        "the draft stays"
    );

    // Published from its editor, then hidden, it can be shown again from the settings.
    let save = article_save(&still, "Semināra datums mainīts", "Seminārs notiks vēlāk.");
    let published = ask(&site, &PublishArticle { save }, &anna).await;
    let slug = published.slug.expect("its address");
    let hidden = ask(&site, &shown(&still, published.version, false), &anna).await;
    assert_eq!(
        site.get(&format!("/news/{slug}")).await.0,
        StatusCode::NOT_FOUND
    );
    ask(&site, &shown(&still, hidden.version, true), &anna).await;
    assert_eq!(site.get(&format!("/news/{slug}")).await.0, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_image_described_for_no_one_goes_back_to_readers_neither_by_restore_nor_settings() {
    let (site, [anna, _]) = newsroom().await;
    // Stored before the rule (an import): an image without alt text.
    let imported = NewArticle {
        title: "Vecais paziņojums".to_string(),
        lead: "Ievads.".to_string(),
        body_html: SafeHtml::sanitize(r#"<p>Teksts.</p><p><img src="/media/plakats.png"></p>"#),
        contact: String::new(),
        published_at: chrono::Utc::now(),
        category: None,
        event: None,
        attachments: Vec::new(),
        status: Status::Published,
    };
    let stored = site
        .store
        .create_article(&imported, None)
        .await
        .expect("stored");
    let opened = ask(
        &site,
        &GetEditableArticle {
            slug: stored.slug.clone(),
        },
        &anna,
    )
    .await;
    let save = article_save(&opened, "Vecais paziņojums", "Teksts bez attēla.");
    let published = ask(&site, &PublishArticle { save }, &anna).await;
    let page = format!("/news/{}", stored.slug);

    let item = ItemRef {
        kind: ItemKind::Article,
        id: stored.id,
    };
    let restore = |expected_version| RestoreVersion {
        item,
        version: 1,
        expected_version,
    };
    refused(
        &site,
        &restore(published.version),
        &anna,
        "invalid-alt-text",
    )
    .await;
    let (status, body) = site.get(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("Teksts bez attēla."),
        "readers keep the version they had"
    );

    // Hidden, it may go back to that version, which readers do not see; shown from the
    // settings, it would reach them, so that is refused.
    let hidden = ask(&site, &shown(&opened, published.version, false), &anna).await;
    let restored = ask(&site, &restore(hidden.version), &anna).await;
    refused(
        &site,
        &shown(&opened, restored.version, true),
        &anna,
        "invalid-alt-text",
    )
    .await;
    assert_eq!(site.get(&page).await.0, StatusCode::NOT_FOUND);
}

/// Control characters pasted into an article's text (a NUL, which PostgreSQL refuses in
/// text; an escape) are not kept: the publication is stored without them on either backend,
/// and readers get the text as typed around them.
#[tokio::test(flavor = "multi_thread")]
async fn control_characters_pasted_into_an_article_are_dropped_not_a_server_error() {
    let (site, [anna, _]) = newsroom().await;
    let before = crate::racing::open(&site, &anna).await;
    let mut save = article_save(&before, "Treš\u{0}ā rinda\u{1b}", "Teksts\u{0} ar NUL.");
    save.fields.lead = "Ievads\u{0}.".to_string();
    save.fields.contact = "Tālrunis\u{0} 67000000".to_string();
    let written = ask(&site, &PublishArticle { save }, &anna).await;
    assert_eq!(written.fields.title, "Trešā rinda");
    assert_eq!(
        (
            written.fields.lead.as_str(),
            written.fields.contact.as_str()
        ),
        ("Ievads.", "Tālrunis 67000000")
    );
    assert!(
        !written.fields.body_html.contains('\u{0}'),
        "{}",
        written.fields.body_html
    );
    let (status, page) = site.get(&format!("/news/{}", before.slug)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains('\u{0}'));
    assert!(page.contains("Trešā rinda"));
}
