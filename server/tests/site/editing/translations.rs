//! Translations of articles and events, and what readers of each language see.

use app::{
    editing::{
        ChangeAddress, ItemKind, SaveTranslation, TranslationFields, TranslationSave,
        TranslationSaved, Writer,
    },
    i18n::Lang,
};

use super::*;
use crate::{
    common::Answer,
    racing::{ask, call, conflicts, newsroom, WEBINAR},
    read::Page,
    saves::next_save_of,
};

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

/// The mark the English page of the launch article, rendered now for the editor signed in
/// with `cookie`, gives its translation editor (in the edit-in-place island's props).
async fn translation_mark(site: &Site, cookie: &str) -> String {
    let page = site.get_as(&format!("/en/news/{LAUNCH}"), cookie).await;
    assert_eq!(page.status, StatusCode::OK);
    let props = Page::parse(&page.body).attrs("leptos-island[data-props]", "data-props");
    let marks: Vec<String> = props
        .iter()
        .filter_map(|props| serde_json::from_str::<serde_json::Value>(props).ok())
        .filter_map(|props| props["shown"]["writer"].as_str().map(str::to_string))
        .collect();
    assert_eq!(
        marks.len(),
        1,
        "one translation editor on the page: {props:?}"
    );
    marks[0].clone()
}

/// A translation of the launch article into English titled `title`, over `version`.
fn english(title: &str, version: i64, writer: Option<Writer>) -> SaveTranslation {
    let fields = TranslationFields {
        title: title.to_string(),
        lead: "Lead.".to_string(),
        body_html: "<p>Text</p>".to_string(),
        extra: String::new(),
        version,
    };
    translation(ItemKind::Article, LAUNCH, fields, writer)
}

/// `fields` as the English translation of the item of `kind` at `slug`.
fn translation(
    kind: ItemKind,
    slug: &str,
    fields: TranslationFields,
    writer: Option<Writer>,
) -> SaveTranslation {
    SaveTranslation {
        save: TranslationSave {
            kind,
            slug: slug.to_string(),
            lang: Lang::En,
            fields,
            writer,
        },
    }
}

/// The translator's page was opened before another editor gave the article a new address:
/// the save still reaches the article, and its readers find the translation there.
#[tokio::test(flavor = "multi_thread")]
async fn a_translation_saved_after_its_item_moved_reaches_it() {
    let (site, [anna, janis]) = newsroom().await;
    let article = crate::racing::open(&site, &janis).await;
    let moved = ChangeAddress {
        item: article.item(),
        version: article.version,
        slug: "moldovas-atbalsts".to_string(),
    };
    ask(&site, &moved, &janis).await;
    let saved: TranslationSaved = ask(&site, &english("Support for Moldova", 1, None), &anna).await;
    assert_eq!(saved.version, 2);
    let (status, page) = site.get("/en/news/moldovas-atbalsts").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(Page::parse(&page).heading().0, "Support for Moldova");
}

/// A translation is checked by the rules of its item's kind, as the Latvian text is: an
/// event's place by the place's limit, named as the translation editor's field, and no image
/// readers of the language would see without a text for those who cannot see it.
#[tokio::test(flavor = "multi_thread")]
async fn translations_are_checked_by_their_kind_s_rules() {
    let (site, [anna, _]) = newsroom().await;
    let event = |extra: String, body_html: &str| TranslationFields {
        title: "Refused webinar".to_string(),
        lead: "Online.".to_string(),
        body_html: body_html.to_string(),
        extra,
        version: 0,
    };
    let refused = |save: SaveTranslation| {
        let site = &site;
        let anna = &anna;
        async move {
            let answer = call(&save, anna).send(site).await;
            assert_eq!(
                answer.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}",
                answer.body
            );
            answer.body.clone()
        }
    };
    let long_place = event("Rīga ".repeat(200), "<p>Text</p>");
    let place = refused(translation(ItemKind::Event, WEBINAR, long_place, None)).await;
    assert!(place.contains("\"field\":\"extra\""), "{place}");
    assert!(place.contains("invalid-location-long"), "{place}");
    let undescribed = r#"<p>Text</p><img src="/media/plakats.png">"#;
    for save in [
        translation(
            ItemKind::Event,
            WEBINAR,
            event(String::new(), undescribed),
            None,
        ),
        english_with_body(undescribed),
    ] {
        let image = refused(save).await;
        assert!(image.contains("\"field\":\"body\""), "{image}");
        assert!(image.contains("invalid-alt-text"), "{image}");
    }
    let (_, readers) = site.get(&format!("/en/events/{WEBINAR}")).await;
    assert!(!Page::parse(&readers).shows("Refused webinar"));
}

/// The launch article's English translation over the demo's, with `body_html`.
fn english_with_body(body_html: &str) -> SaveTranslation {
    let mut save = english("Inspectors", 1, None);
    save.save.fields.body_html = body_html.to_string();
    save
}

/// A translator's save was stored but its answer never came: the next save from the same
/// translation editor still names the version before, and goes over the translator's own
/// text instead of meeting it as someone else's. Another translator from that version is still
/// refused, and so is a mark the server never made.
#[tokio::test(flavor = "multi_thread")]
async fn a_translation_save_after_one_whose_answer_was_lost_goes_through() {
    let (site, [anna, janis]) = newsroom().await;
    let mark = translation_mark(&site, &anna).await;
    assert_eq!(mark.len(), 43, "{mark}");
    assert_ne!(
        mark,
        translation_mark(&site, &anna).await,
        "each page its own mark"
    );
    let (_, readers) = site.get(&format!("/en/news/{LAUNCH}")).await;
    assert!(
        !readers.contains("\"writer\""),
        "no mark on a reader's page"
    );

    // The demo content has version 1; the answer to version 2 is lost.
    let first = english("Inspectors", 1, next_save_of(&mark));
    let lost: TranslationSaved = ask(&site, &first, &anna).await;
    assert_eq!(lost.version, 2);
    let next = english(
        "Inspectors learn to spot exploitation",
        1,
        next_save_of(&mark),
    );
    let saved: TranslationSaved = ask(&site, &next, &anna).await;
    assert_eq!(saved.version, 3, "over her own translation");
    // Her first save, arriving late, would write older text over newer.
    conflicts(&site, &first, &anna).await;
    conflicts(&site, &english("Jāņa tulkojums", 2, None), &janis).await;
    let janis_mark = translation_mark(&site, &janis).await;
    conflicts(
        &site,
        &english("Jāņa tulkojums", 2, next_save_of(&janis_mark)),
        &janis,
    )
    .await;
    let forged = Some(Writer {
        mark: format!("{}+", &mark[..42]),
        save: i64::MAX,
    });
    let refused = call(&english("Svešs", 3, forged), &janis).send(&site).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);

    let (_, english_page) = site.get(&format!("/en/news/{LAUNCH}")).await;
    let shown = Page::parse(&english_page);
    assert!(shown.shows("Inspectors learn to spot exploitation"));
    assert!(!shown.shows("Jāņa tulkojums"));
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
