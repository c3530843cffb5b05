//! Translations: kept per language, replaced only at the version seen, read in the reader's language.

use super::*;
use crate::editing::ItemKind;

contract_tests!(
    translations_are_kept_per_language_and_replaced_only_at_the_version_seen,
    readers_find_items_by_their_version_in_their_language,
    every_reading_is_in_the_readers_language_with_the_latvian_where_untranslated,
    a_part_the_translator_left_follows_the_latvian_text,
);

async fn translations_are_kept_per_language_and_replaced_only_at_the_version_seen(
    store: SharedStore,
) {
    let article = an_article(&store, "Sadarbība ar Moldovu").await;
    let text = |title: &str| TranslatedText {
        title: title.to_string(),
        lead: "Lead.".into(),
        body_html: SafeHtml::sanitize("<p>Body</p>"),
        extra: String::new(),
    };
    assert!(store
        .translations(ItemKind::Article, article.id)
        .await
        .expect("none yet")
        .is_empty());
    let russian = store
        .save_translation(
            translation(
                ItemKind::Article,
                article.id,
                "ru",
                &text("Сотрудничество с Молдовой"),
                0,
            ),
            None,
        )
        .await
        .expect("russian")
        .version;
    let english = store
        .save_translation(
            translation(
                ItemKind::Article,
                article.id,
                "en",
                &text("Cooperation with Moldova"),
                0,
            ),
            None,
        )
        .await
        .expect("english")
        .version;
    assert_eq!(
        (russian, english),
        (1, 1),
        "each language starts at version 1"
    );
    let again = store
        .save_translation(
            translation(
                ItemKind::Article,
                article.id,
                "en",
                &text("Working with Moldova"),
                1,
            ),
            None,
        )
        .await
        .expect("english again");
    assert_eq!(again.version, 2);
    // Two translators who both started from version 1, or from nothing: the second loses.
    for seen in [1, 0] {
        assert!(matches!(
            store
                .save_translation(translation(ItemKind::Article, article.id, "en", &text("Stale"), seen), None)
                .await,
            Err(StoreError::Conflict { expected, stored: 2 }) if expected == seen
        ));
    }
    let found = store
        .translations(ItemKind::Article, article.id)
        .await
        .expect("read");
    assert_eq!(
        found
            .iter()
            .map(|found| (
                found.lang.as_str(),
                found.text.title.as_str(),
                found.version
            ))
            .collect::<Vec<_>>(),
        vec![
            ("en", "Working with Moldova", 2),
            ("ru", "Сотрудничество с Молдовой", 1)
        ],
        "one translation per language; a stale save changed nothing"
    );
    let versions = store
        .translation_versions(ItemKind::Article, article.id)
        .await
        .expect("versions");
    assert_eq!(
        versions
            .iter()
            .map(|found| (found.lang.as_str(), found.version, found.updated_at))
            .collect::<Vec<_>>(),
        found
            .iter()
            .map(|found| (found.lang.as_str(), found.version, found.updated_at))
            .collect::<Vec<_>>(),
        "the languages and versions without the text"
    );
    // No item, or one moved to the trash since its translator found it: no translation.
    let trashed = an_article(&store, "Miskastē").await;
    trash(&store, ItemKind::Article, trashed.id).await;
    let x = text("X");
    for id in [999_999, trashed.id] {
        let write = translation(ItemKind::Article, id, "en", &x, 0);
        let saved = store.save_translation(write, None).await;
        assert!(
            matches!(saved, Err(StoreError::NotFound)),
            "{id}: {saved:?}"
        );
    }
    store
        .create_article(&self::article("Cits raksts", utc(2021, 5, 4, 7, 0)), None)
        .await
        .expect("other article");
    // Readers in English get the translation where there is one, in one query with the list.
    let read: Vec<(String, crate::i18n::Lang)> = store
        .published_articles(crate::i18n::Lang::En, &[], 10, 0)
        .await
        .expect("list")
        .articles
        .into_iter()
        .map(|found| {
            let lang = found.text_lang();
            (found.title, lang)
        })
        .collect();
    assert_eq!(
        read,
        vec![
            ("Cits raksts".to_string(), crate::i18n::Lang::Lv),
            ("Working with Moldova".to_string(), crate::i18n::Lang::En),
        ],
        "only the translated one in English"
    );

    let event = store
        .create_event(
            &event(
                "Seminārs Rīgā",
                utc(2020, 8, 4, 7, 0),
                utc(2020, 8, 4, 9, 0),
            ),
            None,
        )
        .await
        .expect("event");
    let event_text = TranslatedText {
        title: "Seminar in Riga".into(),
        lead: "Summary.".into(),
        body_html: SafeHtml::sanitize("<p>Body</p>"),
        extra: "Riga".into(),
    };
    store
        .save_translation(
            translation(ItemKind::Event, event.id, "en", &event_text, 0),
            None,
        )
        .await
        .expect("event translation");
    let another_first = TranslatedText {
        title: "Another seminar".into(),
        ..event_text.clone()
    };
    assert!(matches!(
        store
            .save_translation(
                translation(ItemKind::Event, event.id, "en", &another_first, 0),
                None
            )
            .await,
        Err(StoreError::Conflict { stored: 1, .. })
    ));
    assert_eq!(
        store.translated_slugs("en").await.expect("slugs"),
        (vec![article.slug.clone()], vec![event.slug.clone()]),
        "the published items with an English version"
    );
    // A save over a Russian version that is not there (any more) is refused too.
    assert!(matches!(
        store
            .save_translation(
                translation(ItemKind::Event, event.id, "ru", &event_text, 5),
                None
            )
            .await,
        Err(StoreError::Conflict {
            expected: 5,
            stored: 0
        })
    ));
    let stored = store
        .translations(ItemKind::Event, event.id)
        .await
        .expect("read");
    assert_eq!(stored.len(), 1);
    assert_eq!(
        (
            stored[0].lang.as_str(),
            stored[0].text.title.as_str(),
            stored[0].text.body_html.as_str(),
            stored[0].text.extra.as_str(),
            stored[0].version
        ),
        ("en", "Seminar in Riga", "<p>Body</p>", "Riga", 1)
    );
    let age = Utc::now() - stored[0].updated_at;
    assert!(
        age >= chrono::Duration::zero() && age < chrono::Duration::minutes(1),
        "saved just now: {age}"
    );
    let english = store
        .published_event(crate::i18n::Lang::En, &event.slug)
        .await
        .expect("read")
        .expect("published");
    assert_eq!(
        (english.title.as_str(), english.location.as_str()),
        ("Seminar in Riga", "Riga")
    );
    let russian = store
        .published_event(crate::i18n::Lang::Ru, &event.slug)
        .await
        .expect("read")
        .expect("published");
    assert_eq!(
        russian.text_lang(),
        crate::i18n::Lang::Lv,
        "no Russian version"
    );
    assert_eq!(
        store
            .published_event(crate::i18n::Lang::Lv, &event.slug)
            .await
            .expect("read")
            .map(|e| e.title),
        Some("Seminārs Rīgā".to_string()),
        "the original is untouched"
    );
}

async fn readers_find_items_by_their_version_in_their_language(store: SharedStore) {
    use crate::i18n::Lang;

    let translated = an_article(&store, "Sadarbība ar Moldovu").await;
    store
        .create_article(&article("Robežsargi mācās", utc(2021, 5, 4, 7, 0)), None)
        .await
        .expect("untranslated article");
    let english = TranslatedText {
        title: "Cooperation with Moldova".into(),
        lead: "Border guards meet.".into(),
        body_html: SafeHtml::sanitize("<p>Social workers join them.</p>"),
        extra: String::new(),
    };
    store
        .save_translation(
            translation(ItemKind::Article, translated.id, "en", &english, 0),
            None,
        )
        .await
        .expect("english");
    let found = |query: &str, lang: Lang| {
        let store = store.clone();
        let request = SearchRequest {
            lang,
            ..search_request(query)
        };
        let query = query.to_string();
        async move {
            let page = store.search(&request).await.expect("search");
            assert_eq!(page.total, page.hits.len() as i64, "{query}");
            page.hits
                .into_iter()
                .map(|hit| (hit.title, hit.text_lang))
                .collect::<Vec<_>>()
        }
    };
    let cooperation = ("Cooperation with Moldova".to_string(), Lang::En);
    assert_eq!(found("workers", Lang::En).await, vec![cooperation.clone()]);
    assert_eq!(found("cooperation", Lang::En).await, vec![cooperation]);
    assert!(
        found("workers", Lang::Lv).await.is_empty(),
        "Latvian readers search Latvian"
    );
    assert!(
        found("sadarbiba", Lang::En).await.is_empty(),
        "a translated item is searched in the reader's version"
    );
    assert_eq!(
        found("robezsargi", Lang::En).await,
        vec![("Robežsargi mācās".to_string(), Lang::Lv)],
        "an untranslated one in Latvian"
    );
    assert_eq!(
        found("sadarbiba", Lang::Ru).await,
        vec![("Sadarbība ar Moldovu".to_string(), Lang::Lv)],
        "no Russian version: the Latvian one"
    );
    // A new version is found by its new words only.
    let renamed = TranslatedText {
        title: "Partnership with Moldova".into(),
        ..english
    };
    store
        .save_translation(
            translation(ItemKind::Article, translated.id, "en", &renamed, 1),
            None,
        )
        .await
        .expect("english again");
    assert!(found("cooperation", Lang::En).await.is_empty());
    assert_eq!(found("partnership", Lang::En).await.len(), 1);
    // Saved versions carry their search text: nothing is left to fill in at start.
    assert_eq!(store.backfill_search().await.expect("backfill"), 0);
}

/// Storage reads in a language in one place: every reader's query answers the translation's
/// text where there is one, the Latvian where there is none, and says which it is.
async fn every_reading_is_in_the_readers_language_with_the_latvian_where_untranslated(
    store: SharedStore,
) {
    use crate::i18n::Lang;

    let seminar = store
        .create_event(
            &event(
                "Seminārs Rīgā",
                utc(2021, 5, 10, 9, 0),
                utc(2021, 5, 10, 12, 0),
            ),
            None,
        )
        .await
        .expect("event");
    let other = store
        .create_event(
            &event(
                "Tikšanās Cēsīs",
                utc(2021, 5, 11, 9, 0),
                utc(2021, 5, 11, 12, 0),
            ),
            None,
        )
        .await
        .expect("untranslated event");
    let report = store
        .create_article(
            &NewArticle {
                event: Some(seminar.slug.clone()),
                ..article("Seminārā runāja par palīdzību", utc(2021, 5, 12, 7, 0))
            },
            None,
        )
        .await
        .expect("article");
    store
        .save_translation(
            translation(
                ItemKind::Event,
                seminar.id,
                "en",
                &TranslatedText {
                    title: "Seminar in Riga".into(),
                    lead: "A short one.".into(),
                    body_html: SafeHtml::sanitize("<p>About help.</p>"),
                    extra: "Riga".into(),
                },
                0,
            ),
            None,
        )
        .await
        .expect("event in English");
    store
        .save_translation(
            translation(
                ItemKind::Article,
                report.id,
                "en",
                &TranslatedText {
                    title: "The seminar spoke of help".into(),
                    lead: "Lead.".into(),
                    body_html: SafeHtml::sanitize("<p>Body.</p>"),
                    extra: "Contact.".into(),
                },
                0,
            ),
            None,
        )
        .await
        .expect("article in English");

    let (from, to) = (utc(2021, 5, 1, 0, 0), utc(2021, 6, 1, 0, 0));
    let month = |lang| {
        let store = store.clone();
        async move {
            store
                .events_between(lang, from, to)
                .await
                .expect("month")
                .into_iter()
                .map(|e| {
                    let lang = e.text_lang();
                    (e.title, e.location, lang)
                })
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        month(Lang::En).await,
        vec![
            ("Seminar in Riga".into(), "Riga".into(), Lang::En),
            ("Tikšanās Cēsīs".into(), "Rīga".into(), Lang::Lv),
        ]
    );
    assert_eq!(
        month(Lang::Ru).await[0],
        ("Seminārs Rīgā".into(), "Rīga".into(), Lang::Lv),
        "no Russian version: the Latvian one"
    );
    assert_eq!(month(Lang::Lv).await[0].2, Lang::Lv);

    let page = store
        .published_event(Lang::En, &seminar.slug)
        .await
        .expect("read")
        .expect("published");
    assert_eq!(
        (
            page.summary.as_str(),
            page.body_html.as_str(),
            page.text_lang()
        ),
        ("A short one.", "<p>About help.</p>", Lang::En)
    );
    let translated_at = store
        .translations(ItemKind::Event, seminar.id)
        .await
        .expect("read")[0]
        .updated_at;
    assert_eq!(
        page.updated_at,
        translated_at.max(seminar.updated_at),
        "a translation's change is the item's"
    );
    let untranslated = store
        .published_event_by_id(Lang::En, other.id)
        .await
        .expect("read")
        .expect("published");
    assert_eq!(
        (untranslated.title.as_str(), untranslated.text_lang()),
        ("Tikšanās Cēsīs", Lang::Lv)
    );
    // Writes and editors read the Latvian original.
    assert_eq!(
        store
            .event_for_editing(&seminar.slug)
            .await
            .expect("read")
            .expect("there")
            .title,
        "Seminārs Rīgā"
    );

    // Articles alike, in every list a reader sees.
    let news = store
        .articles_about_event(Lang::En, seminar.id)
        .await
        .expect("news");
    assert_eq!(
        news.iter()
            .map(|a| (a.title.as_str(), a.contact.as_str(), a.text_lang()))
            .collect::<Vec<_>>(),
        vec![("The seminar spoke of help", "Contact.", Lang::En)]
    );
    let listed = store
        .published_articles(Lang::En, &[], 10, 0)
        .await
        .expect("list");
    assert_eq!(listed.articles[0].title, "The seminar spoke of help");
    let listed = store
        .published_articles(Lang::Ru, &[], 10, 0)
        .await
        .expect("list");
    assert_eq!(
        (
            listed.articles[0].title.as_str(),
            listed.articles[0].text_lang()
        ),
        ("Seminārā runāja par palīdzību", Lang::Lv)
    );
}

async fn a_part_the_translator_left_follows_the_latvian_text(store: SharedStore) {
    use crate::i18n::Lang;

    let new = event(
        "Seminārs Liepājā",
        utc(2021, 6, 10, 9, 0),
        utc(2021, 6, 10, 12, 0),
    );
    let seminar = store.create_event(&new, None).await.expect("event");
    // The translator translates the title and leaves the rest as the Latvian text.
    let english = TranslatedText {
        title: "Seminar in Liepaja".into(),
        lead: new.summary.clone(),
        body_html: new.body_html.clone(),
        extra: new.location.clone(),
    };
    let write = translation(ItemKind::Event, seminar.id, "en", &english, 0);
    store.save_translation(write, None).await.expect("english");
    let changed = NewEvent {
        summary: "Sākums pārcelts uz desmitiem.".into(),
        location: "Liepāja, Kūrmājas prospekts 7".into(),
        ..new.clone()
    };
    let rule = publishes(0);
    let update = store.update_event(seminar.id, seminar.version, &changed, rule, audit("x"));
    update.await.expect("the Latvian text changes");

    let read = store.published_event(Lang::En, &seminar.slug).await;
    let read = read.expect("read").expect("published");
    assert_eq!(
        (
            read.title.as_str(),
            read.summary.as_str(),
            read.location.as_str()
        ),
        (
            "Seminar in Liepaja",
            "Sākums pārcelts uz desmitiem.",
            "Liepāja, Kūrmājas prospekts 7"
        ),
        "readers of English get today's Latvian text where nothing is translated"
    );
    assert_eq!(
        (
            read.part_langs.title,
            read.part_langs.lead,
            read.part_langs.extra
        ),
        (Lang::En, Lang::Lv, Lang::Lv)
    );
    // Search in English finds it by today's Latvian words of the parts left, not by the old.
    let english_search = |query: &str| SearchRequest {
        lang: Lang::En,
        ..search_request(query)
    };
    let found = store
        .search(&english_search("Kūrmājas"))
        .await
        .expect("search");
    assert_eq!(found.hits.len(), 1, "{found:?}");
    let hit = &found.hits[0];
    assert_eq!(
        (hit.title.as_str(), hit.text_lang, hit.snippet_lang),
        ("Seminar in Liepaja", Lang::En, Lang::Lv),
        "the title translated, the text it is shown with left in Latvian"
    );
    let found = search_titles(&store, &english_search("Īss apraksts")).await;
    assert!(found.is_empty(), "{found:?}");
    // The translation editor starts from the same text.
    let stored = store.translations(ItemKind::Event, seminar.id).await;
    let stored = &stored.expect("read")[0].text;
    assert_eq!(
        (stored.title.as_str(), stored.lead.as_str()),
        ("Seminar in Liepaja", "Sākums pārcelts uz desmitiem.")
    );
}
