//! Translations of articles and events, and what readers of each language see.

use app::{
    editing::{
        ChangeAddress, GetTranslation, ItemKind, SaveTranslation, StoredTranslation,
        TranslationFields, TranslationSave, TranslationSaved, Writer,
    },
    i18n::Lang,
};

use super::*;
use crate::{
    common::Answer,
    racing::{
        all_at_once, ask, call, conflicts, logged, newsroom, read, refused, the_one_winner,
        BROWSERS, WEBINAR,
    },
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
        .find(|entry| entry.links[0].href.ends_with(LAUNCH))
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

/// A translator who translated only an event's title leaves its other parts in Latvian: the
/// Russian page shows them marked as Latvian, not read out as Russian.
#[tokio::test(flavor = "multi_thread")]
async fn a_part_the_translation_left_in_latvian_is_marked_latvian() {
    let site = Site::with_demo_content().await;
    let cookie = site.signed_in("anna@example.lv", Role::Editor).await;
    let start = webinar_in_latvian(&site).await;
    assert!(
        !start.lead.is_empty() && !start.body_html.is_empty(),
        "{start:?}"
    );
    let save = webinar_in_russian(&start, None);
    let saved: TranslationSaved = ask(&site, &save, &cookie).await;
    assert!(saved.version > start.version);
    let (_, russian) = site.get(&format!("/ru/events/{WEBINAR}")).await;
    let page = Page::parse(&russian);
    assert_eq!(page.attrs("main h1", "lang"), ["ru"]);
    for part in [".event__summary", ".event__body"] {
        assert_eq!(page.attrs(part, "lang"), ["lv"], "{part}");
    }
}

/// The Latvian summary changes while the translator is at work: the parts the translation
/// editor says were left in Latvian follow it, although they no longer match it.
#[tokio::test(flavor = "multi_thread")]
async fn the_parts_a_translator_left_follow_a_latvian_change_made_meanwhile() {
    let site = Site::with_demo_content().await;
    let cookie = site.signed_in("anna@example.lv", Role::Editor).await;
    let start = webinar_in_latvian(&site).await;
    let changed = "Vebinārs notiks nedaudz vēlāk, pieslēgšanās saite nemainās.";
    site.behind_the_stores_back(&format!(
        "UPDATE events SET summary = '{changed}' WHERE slug = '{WEBINAR}'"
    ))
    .await;
    let left = app::i18n::PartLangs {
        title: Lang::Ru,
        ..Default::default()
    };
    // Nothing translated at all is refused at the title, and nothing is stored.
    let nothing = webinar_in_russian(&start, Some(app::i18n::PartLangs::default()));
    refused(&site, &nothing, &cookie, "\"field\":\"title\"").await;
    let _: TranslationSaved = ask(&site, &webinar_in_russian(&start, Some(left)), &cookie).await;
    let (_, russian) = site.get(&format!("/ru/events/{WEBINAR}")).await;
    let page = Page::parse(&russian);
    assert_eq!(page.attrs("main h1", "lang"), ["ru"]);
    assert_eq!(page.attrs(".event__summary", "lang"), ["lv"]);
    assert!(page.shows(changed), "today's Latvian summary");
    // A translator whose save meets this one reads it with today's Latvian summary, said to
    // be Latvian (left), and the title said Russian.
    let stored = GetTranslation {
        kind: ItemKind::Event,
        slug: WEBINAR.to_string(),
        lang: Lang::Ru,
    };
    let theirs: StoredTranslation = ask(&site, &stored, &cookie).await;
    assert_eq!(theirs.text.lead, changed);
    assert_eq!(theirs.text.title, "Вебинар о фальшивых вакансиях");
    assert_eq!(theirs.part_langs, left);
    // Search in Russian finds it by that summary's words, under its Russian title.
    let (_, found) = site.get("/ru/search?q=pieslēgšanās").await;
    assert!(
        Page::parse(&found).shows("Вебинар о фальшивых вакансиях"),
        "{found}"
    );
}

/// What the translation editor starts from on the webinar's Russian page before it has a
/// Russian version: the Latvian text.
async fn webinar_in_latvian(site: &Site) -> TranslationFields {
    let latvian = site.store.published_event(Lang::Lv, WEBINAR).await;
    let latvian = latvian.expect("read").expect("the webinar");
    TranslationFields {
        title: latvian.title,
        lead: latvian.summary,
        body_html: latvian.body_html,
        extra: latvian.location,
        version: 0,
    }
}

/// The webinar's Russian version from `start` with its title translated, its parts in
/// `part_langs` as the translation editor says.
fn webinar_in_russian(
    start: &TranslationFields,
    part_langs: Option<app::i18n::PartLangs>,
) -> SaveTranslation {
    SaveTranslation {
        save: TranslationSave {
            kind: ItemKind::Event,
            slug: WEBINAR.to_string(),
            lang: Lang::Ru,
            fields: TranslationFields {
                title: "Вебинар о фальшивых вакансиях".to_string(),
                ..start.clone()
            },
            writer: None,
            part_langs,
            source_version: None,
        },
    }
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
            part_langs: None,
            source_version: None,
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

/// The English text the launch article's translation editor shows now, as stored.
async fn stored_english(site: &Site, cookie: &str) -> TranslationFields {
    let stored = GetTranslation {
        kind: ItemKind::Article,
        slug: LAUNCH.to_string(),
        lang: Lang::En,
    };
    let stored: StoredTranslation = ask(site, &stored, cookie).await;
    stored.text
}

/// Eight translators who all opened the demo's English text (version 1) save theirs at the
/// same moment: one translation is stored, the seven others are told (409), readers see the
/// one that won, and the activity log has one line for it.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_translations_over_one_version_at_once_keep_exactly_one() {
    let (site, editors) = newsroom().await;
    let title = |n: usize| format!("Inspectors, translation {n}");
    let calls = (0..BROWSERS)
        .map(|n| {
            // Eight translation editors: none is another's.
            let writer = Some(Writer {
                mark: format!("{n:0>43}"),
                save: 1,
            });
            call(&english(&title(n), 1, writer), &editors[n % 2])
        })
        .collect();
    let answers = all_at_once(&site, calls).await;
    let winner = the_one_winner(&answers);

    let saved: TranslationSaved = read(&answers[winner]);
    let stored = stored_english(&site, &editors[0]).await;
    assert_eq!(
        (stored.title, stored.version),
        (title(winner), saved.version)
    );
    assert_eq!(saved.version, 2, "one new version over the demo's");
    let (_, page) = site.get(&format!("/en/news/{LAUNCH}")).await;
    assert_eq!(Page::parse(&page).heading().0, title(winner));
    let latvian_title = crate::racing::open(&site, &editors[0]).await.current.title;
    assert_eq!(
        logged(&site, &editors[1], "translated into en", &latvian_title).await,
        1
    );
}

/// The first Russian translation of an event, from eight translators at the same moment:
/// exactly one is stored, and the others are told of it.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_first_translations_at_once_keep_exactly_one() {
    let (site, editors) = newsroom().await;
    let title = |n: usize| format!("Вебинар, перевод {n}");
    let calls = (0..BROWSERS)
        .map(|n| {
            let fields = TranslationFields {
                title: title(n),
                lead: "Онлайн.".to_string(),
                body_html: "<p>Текст</p>".to_string(),
                extra: "Рига".to_string(),
                version: 0,
            };
            let mut save = translation(ItemKind::Event, WEBINAR, fields, None);
            save.save.lang = Lang::Ru;
            call(&save, &editors[n % 2])
        })
        .collect();
    let answers = all_at_once(&site, calls).await;
    let winner = the_one_winner(&answers);

    assert_eq!(read::<TranslationSaved>(&answers[winner]).version, 1);
    let (_, page) = site.get(&format!("/ru/events/{WEBINAR}")).await;
    let shown = Page::parse(&page);
    assert_eq!(shown.heading().0, title(winner));
    for loser in (0..BROWSERS).filter(|&n| n != winner) {
        assert!(!shown.shows(&title(loser)), "{}", title(loser));
    }
}

/// Anna's translation was stored but its answer lost. Her next save, going on over her own
/// text (by her editor's mark), meets Jānis saving over that same text at the same moment:
/// one of the two wins, the other is told (409), and the stored translation is the winner's.
/// Neither writes over the other unseen. (Which wins is up to the race; the test below
/// takes each order in turn.)
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn going_on_over_a_lost_translation_while_another_translator_saves_keeps_one() {
    let (site, [anna, janis]) = newsroom().await;
    for round in 0..6 {
        let annas_mark = translation_mark(&site, &anna).await;
        let seen = stored_english(&site, &anna).await.version;
        let lost = english(&format!("Anna {round}"), seen, next_save_of(&annas_mark));
        let stored: TranslationSaved = ask(&site, &lost, &anna).await;
        let janis_mark = translation_mark(&site, &janis).await;
        let titles = [format!("Anna {round}, turpināts"), format!("Jānis {round}")];
        let anna_again = english(&titles[0], seen, next_save_of(&annas_mark));
        let janis_save = english(&titles[1], stored.version, next_save_of(&janis_mark));
        let answers = all_at_once(
            &site,
            vec![call(&anna_again, &anna), call(&janis_save, &janis)],
        )
        .await;
        let winner = the_one_winner(&answers);
        let now = stored_english(&site, &anna).await;
        assert_eq!(now.title, titles[winner], "round {round}");
        assert_eq!(
            now.version,
            read::<TranslationSaved>(&answers[winner]).version,
            "round {round}"
        );
    }
}

/// The two saves of the race above, one after the other, in each order: the later is refused
/// either way, and the stored translation is the earlier's.
#[tokio::test(flavor = "multi_thread")]
async fn after_a_lost_translation_the_later_of_two_saves_over_it_is_refused() {
    let (site, [anna, janis]) = newsroom().await;
    for janis_first in [true, false] {
        let annas_mark = translation_mark(&site, &anna).await;
        let seen = stored_english(&site, &anna).await.version;
        let lost = english("Anna", seen, next_save_of(&annas_mark));
        let stored: TranslationSaved = ask(&site, &lost, &anna).await;
        let janis_mark = translation_mark(&site, &janis).await;
        let anna_again = (
            english("Anna, turpināts", seen, next_save_of(&annas_mark)),
            &anna,
        );
        let janis_save = (
            english("Jānis", stored.version, next_save_of(&janis_mark)),
            &janis,
        );
        let (first, later) = if janis_first {
            (janis_save, anna_again)
        } else {
            (anna_again, janis_save)
        };
        let saved: TranslationSaved = ask(&site, &first.0, first.1).await;
        conflicts(&site, &later.0, later.1).await;
        let now = stored_english(&site, &anna).await;
        assert_eq!(
            (now.title, now.version),
            (first.0.save.fields.title.clone(), saved.version),
            "Jānis first: {janis_first}"
        );
    }
}
