//! A translation's source: the version of the Latvian text it was written from, and whether
//! what it translates changed since.

use super::racing::{at_once, one_wins, AT_ONCE};
use super::*;
use crate::editing::ItemKind;

contract_tests!(
    translations_saved_at_once_from_other_versions_keep_the_winners_source,
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

/// Translators saving one language of an article at once, each with the Latvian text of
/// another version before them: one save wins and the others conflict, the first translation
/// (none seen) as a later one, and the translation is the winner's words, behind exactly
/// when the winner's Latvian text was not the article's latest.
async fn translations_saved_at_once_from_other_versions_keep_the_winners_source(
    store: SharedStore,
) {
    let mut new = article("Sadarbība ar Moldovu", utc(2021, 5, 3, 7, 0));
    let stored = store.create_article(&new, None).await.expect("article");
    let mut version = stored.version;
    // Versions 2 and 3 change the title, then the lead.
    for change in [
        |new: &mut NewArticle| new.title += " un Lietuvu",
        |new: &mut NewArticle| new.lead = "Cits ievads.".into(),
    ] {
        change(&mut new);
        let written = store.update_article(stored.id, version, &new, publishes(0), audit("x"));
        version = written.await.expect("saved").version;
    }
    assert_eq!(version, 3);
    for (round, seen) in [(1, 0), (2, 1)] {
        let outcomes = at_once(AT_ONCE, |i| {
            let store = Arc::clone(&store);
            async move {
                let text = TranslatedText {
                    title: format!("Cooperation {round}.{i}"),
                    lead: format!("Lead {round}.{i}"),
                    body_html: SafeHtml::sanitize("<p>Body</p>"),
                    extra: String::new(),
                };
                let write = TranslationWrite {
                    source_version: Some(i as i64 % 3 + 1),
                    ..translation(ItemKind::Article, stored.id, "en", &text, seen)
                };
                store.save_translation(write, None).await
            }
        })
        .await;
        assert_eq!(one_wins(&outcomes).version, round, "{outcomes:?}");
        let winner = outcomes.iter().position(Result::is_ok).expect("a winner");
        let found = store.translations(ItemKind::Article, stored.id).await;
        let found = found.expect("read");
        let titles: Vec<&str> = found.iter().map(|t| t.text.title.as_str()).collect();
        assert_eq!(titles, [format!("Cooperation {round}.{winner}")]);
        let behind = behind(&store, ItemKind::Article, stored.id, "en").await;
        assert_eq!(
            behind.map(|behind| behind.now),
            (winner % 3 + 1 < 3).then_some(3),
            "round {round}: written from version {}",
            winner % 3 + 1
        );
    }
}
