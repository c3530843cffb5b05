//! Bodies stored under an older allow-list, found and stored cleaned again: items' and
//! translations' of every kind, never over a save made since they were read.

use super::racing::at_once;
use super::*;
use crate::editing::ItemKind;

contract_tests!(
    stale_bodies_of_every_kind_are_found_and_stored_cleaned,
    a_body_cleaned_again_never_replaces_a_save_made_since,
);

/// A version above every body stored: each one counts as cleaned under an older one.
const NEXT: i32 = crate::sanitize::SANITIZER_VERSION + 1;

fn english(body: &str) -> TranslatedText<SafeHtml> {
    TranslatedText {
        title: "Cooperation".into(),
        lead: String::new(),
        body_html: SafeHtml::sanitize(body),
        extra: String::new(),
    }
}

async fn stale_bodies_of_every_kind_are_found_and_stored_cleaned(store: SharedStore) {
    let article = an_article(&store, "Raksts").await;
    let event = a_seminar(&store).await;
    let translated = |kind, id, lang, body: &'static str| {
        let store = Arc::clone(&store);
        async move {
            let text = english(body);
            let write = translation(kind, id, lang, &text, 0);
            store
                .save_translation(write, None)
                .await
                .expect("translation")
        }
    };
    translated(ItemKind::Article, article.id, "en", "<p>Body</p>").await;
    // Left to the Latvian body: nothing of its own to clean.
    translated(ItemKind::Article, article.id, "ru", "<p>Teksts</p>").await;
    translated(ItemKind::Event, event.id, "en", "<p>Seminar</p>").await;

    assert_eq!(
        store
            .stale_bodies(crate::sanitize::SANITIZER_VERSION, 100)
            .await
            .expect("read"),
        Vec::new(),
        "every body is stored cleaned by this version"
    );
    let mut stale = store.stale_bodies(NEXT, 100).await.expect("read");
    stale.sort_by(|a, b| (a.kind as u8, &a.lang).cmp(&(b.kind as u8, &b.lang)));
    let found: Vec<_> = stale
        .iter()
        .map(|body| {
            (
                body.kind,
                body.id,
                body.lang.as_str(),
                body.body_html.as_str(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (ItemKind::Article, article.id, "", "<p>Teksts</p>"),
            (ItemKind::Article, article.id, "en", "<p>Body</p>"),
            (ItemKind::Event, event.id, "", event.body_html.as_str()),
            (ItemKind::Event, event.id, "en", "<p>Seminar</p>"),
        ]
    );
    assert_eq!(store.stale_bodies(NEXT, 2).await.expect("read").len(), 2);

    let cleaned: Vec<_> = stale
        .into_iter()
        .map(|body| {
            let clean = SafeHtml::sanitize(&format!("{}<p>Tīrs</p>", body.body_html));
            (body, clean)
        })
        .collect();
    assert_eq!(
        store.store_cleaned(&cleaned, NEXT).await.expect("stored"),
        4
    );
    assert_eq!(
        store.stale_bodies(NEXT, 100).await.expect("read"),
        Vec::new()
    );
    let kept = stored_article(&store, article.id).await;
    assert_eq!(kept.body_html, "<p>Teksts</p><p>Tīrs</p>");
    let revisions = store
        .article_revisions(article.id, None)
        .await
        .expect("revisions");
    assert_eq!(
        (kept.version, revisions.len()),
        (article.version, 0),
        "not a new version"
    );
    let translations = store
        .translations(ItemKind::Event, event.id)
        .await
        .expect("read");
    assert_eq!(translations[0].text.body_html, "<p>Seminar</p><p>Tīrs</p>");
    assert_eq!(actions(&store).await, Vec::<String>::new(), "no audit line");
}

/// The cleaning and an editor's publication of the same article, from the same read, round
/// after round: whichever comes first, the article ends with the editor's body.
async fn a_body_cleaned_again_never_replaces_a_save_made_since(store: SharedStore) {
    let stored = an_article(&store, "Raksts").await;
    for round in 0..5 {
        let stale = store.stale_bodies(NEXT, 10).await.expect("read");
        let version = stale[0].version;
        let cleaned = Arc::new(vec![(
            stale[0].clone(),
            SafeHtml::sanitize("<p>Tīrīts</p>"),
        )]);
        let body = format!("<p>Publicēts {round}</p>");
        let outcomes = at_once(2, |i| {
            let (store, cleaned) = (Arc::clone(&store), Arc::clone(&cleaned));
            let mut new = article("Raksts", utc(2021, 5, 3, 7, 0));
            new.body_html = SafeHtml::sanitize(&body);
            async move {
                if i == 0 {
                    store.store_cleaned(&cleaned, NEXT).await
                } else {
                    let written = store.update_article(
                        stored.id,
                        version,
                        &new,
                        publishes(0),
                        audit("published"),
                    );
                    written.await.map(|_| 1)
                }
            }
        })
        .await;
        assert!(
            outcomes.iter().all(Result::is_ok),
            "round {round}: {outcomes:?}"
        );
        let now = stored_article(&store, stored.id).await;
        assert_eq!(
            now.body_html, body,
            "round {round}: the editor's body stays"
        );
        assert_eq!(now.version, version + 1, "round {round}");
    }
}
