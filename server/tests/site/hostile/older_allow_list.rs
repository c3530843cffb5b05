//! HTML an older allow-list let through (stored before the allow-list was tightened) is
//! cleaned again before it reaches a reader's page or an editor, wherever it was kept: the
//! article, its translation, and the shared draft, which keeps no note of its cleaning.

use super::*;

const MARKUP: &str = "<img src=x onerror=alert(1)><script>alert(2)</script>";

#[tokio::test(flavor = "multi_thread")]
async fn what_an_older_allow_list_let_through_reaches_neither_readers_nor_editors() {
    let site = Site::with_demo_content().await;
    let cookie = site.signed_in(EDITOR, Role::Editor).await;
    let article = opened_by_its_editor(&site, &cookie).await;
    let draft = json!({ "save": {
        "id": article["id"],
        "fields": {
            "title": article["current"]["title"],
            "lead": article["current"]["lead"],
            "body_html": "<p>Melnraksta teksts</p>",
            "contact": article["current"]["contact"],
        },
        "base_version": article["version"],
        "draft_version": 0,
    }});
    json_of(
        site.post_json("/api/editing/save_draft", &draft.to_string(), Some(&cookie))
            .await,
    );

    stored_by_an_older_allow_list(&site).await;
    let of_the_article = format!("(SELECT id FROM articles WHERE slug = '{LAUNCH}')");
    for sql in [
        // A Russian translation of today that leaves the body to the Latvian text.
        format!(
            "DELETE FROM article_translations WHERE lang = 'ru' AND article_id = {of_the_article}"
        ),
        format!(
            "INSERT INTO article_translations (article_id, lang, title, lead, body_html, \
             contact, updated_at, sanitizer_version) SELECT id, 'ru', 'Запуск', '', '', '', \
             updated_at, {} FROM articles WHERE slug = '{LAUNCH}'",
            app::sanitize::SANITIZER_VERSION
        ),
        format!(
            "UPDATE article_drafts SET fields = REPLACE(fields, '<p>Melnraksta teksts</p>', \
             '<p>Melnraksta teksts</p>{MARKUP}') WHERE article_id = {of_the_article}"
        ),
    ] {
        site.behind_the_stores_back(&sql).await;
    }

    let opened = opened_by_its_editor(&site, &cookie).await;
    let translation = json_of(
        site.post_json(
            "/api/editing/get_translation",
            &json!({ "kind": "Article", "slug": LAUNCH, "lang": "En" }).to_string(),
            Some(&cookie),
        )
        .await,
    );
    let (_, latvian_page) = site.get(&app::paths::article(LAUNCH)).await;
    let (_, english_page) = site
        .get(&format!("/en{}", app::paths::article(LAUNCH)))
        .await;
    let (_, russian_page) = site
        .get(&format!("/ru{}", app::paths::article(LAUNCH)))
        .await;
    for (where_, html, words) in [
        (
            "the article, for its editor",
            opened["current"]["body_html"].as_str().unwrap_or_default(),
            "Raksta teksts",
        ),
        (
            "the shared draft",
            opened["draft"]["fields"]["body_html"]
                .as_str()
                .unwrap_or_default(),
            "Melnraksta teksts",
        ),
        (
            "the translation, for its editor",
            translation["text"]["body_html"]
                .as_str()
                .unwrap_or_default(),
            "Translated text",
        ),
        ("the reader's page", latvian_page.as_str(), "Raksta teksts"),
        (
            "the English reader's page",
            english_page.as_str(),
            "Translated text",
        ),
        (
            "the Russian reader's page, with the Latvian body",
            russian_page.as_str(),
            "Raksta teksts",
        ),
    ] {
        assert!(html.contains(words), "{where_} keeps its words: {html}");
        assert!(
            !html.contains("onerror") && !html.contains("alert(2)"),
            "{where_} is cleaned again: {html}"
        );
    }
}

/// Once the server has started, such bodies are stored cleaned (so reading them costs no
/// cleaning), the article's and its translation's alike.
#[tokio::test(flavor = "multi_thread")]
async fn what_an_older_allow_list_let_through_is_stored_cleaned() {
    use app::storage::Audience;
    let site = Site::with_demo_content().await;
    let current = app::sanitize::SANITIZER_VERSION;
    let stale = || site.store.stale_bodies(current, 100);
    assert_eq!(
        stale().await.expect("read"),
        Vec::new(),
        "demo content is clean"
    );
    stored_by_an_older_allow_list(&site).await;
    assert_eq!(stale().await.expect("read").len(), 2);

    let stored = app::sanitize::clean_stored_bodies(site.store.as_ref()).await;
    assert_eq!(stored, Ok(2));
    assert_eq!(stale().await.expect("read"), Vec::new());
    // Read as stored now (its version is this one's): clean without cleaning again.
    let id = site
        .store
        .item_at(ItemKind::Article, LAUNCH, Audience::Editors)
        .await
        .expect("read")
        .expect("the article")
        .id;
    let article = site
        .store
        .article(id)
        .await
        .expect("read")
        .expect("article");
    assert_eq!(
        article.body_html,
        "<p>Raksta teksts</p><p><img src=\"x\"></p>"
    );
    let english = site
        .store
        .translations(ItemKind::Article, id)
        .await
        .expect("read")
        .into_iter()
        .find(|translation| translation.lang == "en")
        .expect("English");
    assert!(
        !english.text.body_html.contains("onerror"),
        "{}",
        english.text.body_html
    );
    assert!(english.text.body_html.contains("Translated text"));
    assert_eq!(
        app::sanitize::clean_stored_bodies(site.store.as_ref()).await,
        Ok(0),
        "nothing is left to clean"
    );
}

/// The article's body and its English translation's as an allow-list of version 1 let them
/// through, with `MARKUP` in them.
async fn stored_by_an_older_allow_list(site: &Site) {
    let of_the_article = format!("(SELECT id FROM articles WHERE slug = '{LAUNCH}')");
    for sql in [
        format!(
            "UPDATE articles SET body_html = '<p>Raksta teksts</p>{MARKUP}', \
             sanitizer_version = 1 WHERE slug = '{LAUNCH}'"
        ),
        format!(
            "UPDATE article_translations SET body_html = '<p>Translated text</p>{MARKUP}', \
             sanitizer_version = 1 WHERE lang = 'en' AND article_id = {of_the_article}"
        ),
    ] {
        site.behind_the_stores_back(&sql).await;
    }
}

async fn opened_by_its_editor(site: &Site, cookie: &str) -> Value {
    json_of(
        site.post_json(
            "/api/editing/get_editable_article",
            &json!({ "slug": LAUNCH }).to_string(),
            Some(cookie),
        )
        .await,
    )
}

fn json_of(answer: Answer) -> Value {
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str(&answer.body).expect("JSON")
}
