//! A translation's source: the version of the Latvian text it was written from, and whether
//! what it translates changed since.

use super::*;
use crate::editing::ItemKind;

contract_tests!(
    an_event_translation_is_behind_once_the_latvian_text_it_translates_changes,
    an_article_translation_is_not_behind_for_a_new_address_or_a_part_left_untranslated,
);

/// Whether the translation of `id` into `lang` is behind, and how.
async fn behind(
    store: &SharedStore,
    kind: ItemKind,
    id: i64,
    lang: &str,
) -> Option<TranslationBehind> {
    let found = store.translation_behind(kind, id, lang).await;
    found.expect("read")
}

async fn an_event_translation_is_behind_once_the_latvian_text_it_translates_changes(
    store: SharedStore,
) {
    let new = event(
        "Seminārs Rēzeknē",
        utc(2021, 3, 2, 8, 0),
        utc(2021, 3, 2, 10, 0),
    );
    let seminar = store.create_event(&new, None).await.expect("event");
    // The title and summary translated; the body and the place left as the Latvian text.
    let english = TranslatedText {
        title: "Seminar in Rezekne".into(),
        lead: "A short description.".into(),
        body_html: new.body_html.clone(),
        extra: new.location.clone(),
    };
    let write = translation(ItemKind::Event, seminar.id, "en", &english, 0);
    store.save_translation(write, None).await.expect("english");
    let event_behind = |lang| behind(&store, ItemKind::Event, seminar.id, lang);
    assert_eq!(
        event_behind("en").await,
        None,
        "written from the text as it is"
    );

    // Another day, and a new place: nothing the translation translates.
    let moved = NewEvent {
        starts_at: utc(2021, 3, 9, 8, 0),
        ends_at: utc(2021, 3, 9, 10, 0),
        location: "Rēzekne, Atbrīvošanas aleja 95".into(),
        ..new.clone()
    };
    let rule = publishes(0);
    let written = store.update_event(seminar.id, seminar.version, &moved, rule, audit("x"));
    let version = written.await.expect("moved").version;
    assert_eq!(
        event_behind("en").await,
        None,
        "dates and a part left follow"
    );

    let retitled = NewEvent {
        title: "Seminārs Rēzeknē un tiešsaistē".into(),
        ..moved
    };
    let written = store.update_event(seminar.id, version, &retitled, publishes(0), audit("x"));
    written.await.expect("retitled");
    assert_eq!(
        event_behind("en").await,
        Some(TranslationBehind {
            since: seminar.version,
            now: seminar.version + 2,
            changed: [true, false, false, false],
        }),
        "the translated title's Latvian text changed"
    );
    assert_eq!(
        event_behind("ru").await,
        None,
        "no translation into Russian"
    );

    // Saved by a translator who had the first version before them (the change came while
    // they typed), it is still behind that change.
    let write = TranslationWrite {
        source_version: Some(seminar.version),
        ..translation(ItemKind::Event, seminar.id, "en", &english, 1)
    };
    store
        .save_translation(write, None)
        .await
        .expect("english again");
    let still = event_behind("en").await.expect("still behind");
    assert_eq!((still.since, still.changed[0]), (seminar.version, true));
    // Saved from the text as it is now (or as a translator who was shown it), it is not.
    let write = translation(ItemKind::Event, seminar.id, "en", &english, 2);
    store
        .save_translation(write, None)
        .await
        .expect("english from now");
    assert_eq!(event_behind("en").await, None);
}

async fn an_article_translation_is_not_behind_for_a_new_address_or_a_part_left_untranslated(
    store: SharedStore,
) {
    let stored = an_article(&store, "Sadarbība ar Moldovu").await;
    let new = article("Sadarbība ar Moldovu", stored.published_at);
    // Everything but the contact line translated.
    let russian = TranslatedText {
        title: "Сотрудничество с Молдовой".into(),
        lead: "Введение.".into(),
        body_html: SafeHtml::sanitize("<p>Текст</p>"),
        extra: new.contact.clone(),
    };
    let write = translation(ItemKind::Article, stored.id, "ru", &russian, 0);
    store.save_translation(write, None).await.expect("russian");
    let (kind, id, slug) = (ItemKind::Article, stored.id, "sadarbiba-moldova");
    let moved = store.change_address(kind, id, stored.version, slug, audit("x"));
    let version = moved.await.expect("a new address");
    let recontacted = NewArticle {
        contact: "Informāciju sagatavoja Anna Bērziņa".into(),
        ..new.clone()
    };
    let rule = publishes(0);
    let written = store.update_article(stored.id, version, &recontacted, rule, audit("x"));
    let written = written.await.expect("written");
    let article_behind = || behind(&store, ItemKind::Article, stored.id, "ru");
    assert_eq!(article_behind().await, None, "the contact line was left");

    let rewritten = NewArticle {
        lead: "Jauns ievads.".into(),
        body_html: SafeHtml::sanitize("<p>Jauns teksts</p>"),
        ..recontacted
    };
    let rule = publishes(0);
    let update = store.update_article(stored.id, written.version, &rewritten, rule, audit("x"));
    let now = update.await.expect("written again").version;
    assert_eq!(
        article_behind().await,
        Some(TranslationBehind {
            // The text it was written from, as the history keeps it: the new address's
            // version has it.
            since: version,
            now,
            changed: [false, true, true, false],
        })
    );
}
