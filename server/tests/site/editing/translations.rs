//! Translations of articles and events, and what readers of each language see.

use super::*;
use crate::common::Answer;

#[tokio::test(flavor = "multi_thread")]
async fn editors_translate_articles_and_events_and_readers_see_the_translation() {
    let site = Site::with_demo_content().await;
    let anna = Translator::signed_in(&site, "anna@example.lv").await;
    // The demo content has version 1 of the English translation.
    let saved = anna
        .save(
            "Article",
            LAUNCH,
            "En",
            "Inspectors learn to spot exploitation",
            "<p>Text</p><script>alert(1)</script>",
            1,
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert!(saved.body.contains("\"version\":2"), "{}", saved.body);
    // A second translator who also started from version 1 is refused, and told which is
    // stored; the first translation stays.
    let peteris = Translator::signed_in(&site, "peteris@example.lv").await;
    for version in [1, 0] {
        let stale = peteris
            .save(
                "Article",
                LAUNCH,
                "En",
                "Overwritten",
                "<p>Lost</p>",
                version,
            )
            .await;
        assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
        assert!(
            stale.body.contains("\"current_version\":2"),
            "{}",
            stale.body
        );
    }
    let theirs = site
        .post_json(
            "/api/editing/get_translation",
            &json!({ "kind": "Article", "slug": LAUNCH, "lang": "En" }).to_string(),
            Some(&peteris.cookie),
        )
        .await;
    assert_eq!(theirs.status, StatusCode::OK, "{}", theirs.body);
    assert!(theirs
        .body
        .contains("Inspectors learn to spot exploitation"));
    assert!(theirs.body.contains("\"version\":2"), "{}", theirs.body);
    let (_, english) = site.get(&format!("/en/news/{LAUNCH}")).await;
    // The English feed carries the new version as an update.
    let (_, feed) = site.get("/en/feed.xml").await;
    let feed = atom_syndication::Feed::read_from(feed.as_bytes()).expect("valid Atom");
    let entry = feed
        .entries
        .iter()
        .find(|entry| entry.id.ends_with(LAUNCH))
        .expect("the article");
    assert_eq!(entry.title.value, "Inspectors learn to spot exploitation");
    let age = chrono::Utc::now() - entry.updated.with_timezone(&chrono::Utc);
    assert!(
        age < chrono::Duration::minutes(1),
        "updated just now, not {age} ago"
    );
    assert!(english.contains("Inspectors learn to spot exploitation"));
    assert!(!english.contains("alert(1)"), "the body was sanitised");
    let (_, latvian) = site.get(&format!("/news/{LAUNCH}")).await;
    assert!(
        !latvian.contains("Inspectors learn"),
        "the original stays as it was"
    );

    let latvian_target = anna.save("Article", LAUNCH, "Lv", "X", "", 0).await;
    assert_eq!(latvian_target.status, StatusCode::UNPROCESSABLE_ENTITY);
    let untitled = anna.save("Article", LAUNCH, "Ru", "  ", "", 0).await;
    assert_eq!(untitled.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        untitled.body.contains("\"field\":\"title\""),
        "{}",
        untitled.body
    );
    let unknown = anna.save("Event", "nav-tada", "Ru", "X", "", 0).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);

    let event = anna
        .save(
            "Event",
            "vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos",
            "Ru",
            "Вебинар о фальшивых вакансиях",
            "<p>Текст</p>",
            0,
        )
        .await;
    assert_eq!(event.status, StatusCode::OK, "{}", event.body);
    let (_, russian) = site
        .get("/ru/events/vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos")
        .await;
    assert!(russian.contains("Вебинар о фальшивых вакансиях"));
}

/// A translator, signed in, saving translations through the server function.
struct Translator<'a> {
    site: &'a Site,
    cookie: String,
}

impl<'a> Translator<'a> {
    async fn signed_in(site: &'a Site, email: &str) -> Self {
        let cookie = site.signed_in(email, Role::Editor).await;
        Translator { site, cookie }
    }

    /// Saves `title` and `body` as the `lang` translation of item `slug` of `kind`, over the
    /// version the translator started from (0: a new translation).
    async fn save(
        &self,
        kind: &str,
        slug: &str,
        lang: &str,
        title: &str,
        body: &str,
        version: i64,
    ) -> Answer {
        let save = json!({ "save": { "kind": kind, "slug": slug, "lang": lang, "fields": {
            "title": title, "lead": "Lead.", "body_html": body, "extra": "", "version": version } } });
        let uri = "/api/editing/save_translation";
        self.site
            .post_json(uri, &save.to_string(), Some(&self.cookie))
            .await
    }
}
