//! Search: words, diacritics, prefixes, filters, paging and hostile queries.

use super::*;

contract_tests!(
    search_ignores_case_and_diacritics_and_matches_prefixes,
    search_filters_by_kind_and_category_and_pages,
    search_survives_hostile_queries,
    an_edited_or_trashed_article_is_found_or_missed_at_once,
    a_translation_saved_while_its_item_changes_is_searched_in_the_new_text,
);

async fn search_ignores_case_and_diacritics_and_matches_prefixes(store: SharedStore) {
    store
        .create_article(
            &NewArticle {
                body_html: SafeHtml::sanitize(
                    "<p>Projekts stiprinās <strong>Moldovas</strong> iestādes.</p>\
                     <ul><li>policiju</li><li>prokuratūru</li></ul>",
                ),
                ..article("Cīņa pret cilvēku tirdzniecību", utc(2018, 3, 26, 7, 0))
            },
            None,
        )
        .await
        .expect("article");
    let mut lecture = event(
        "Lekcija par darba riskiem",
        utc(2020, 8, 4, 7, 0),
        utc(2020, 8, 4, 9, 0),
    );
    lecture.body_html = SafeHtml::sanitize("<p>Kā atpazīt cilveku tirdzniecibas pazīmes.</p>");
    store.create_event(&lecture, None).await.expect("event");
    let mut draft = article(
        "Nepublicēta cilvēku tirdzniecības ziņa",
        utc(2020, 1, 1, 7, 0),
    );
    draft.status = Status::Draft;
    store.create_article(&draft, None).await.expect("draft");

    let both = vec![
        "Cīņa pret cilvēku tirdzniecību",
        "Lekcija par darba riskiem",
    ];
    // Without diacritics, with them, in capitals, and the stored text without them.
    assert_eq!(
        search_titles(&store, &search_request("cilveku tirdzniec")).await,
        both
    );
    // Another form of a word finds it too: the query's ending is left out.
    assert_eq!(
        search_titles(&store, &search_request("cilveku tirdzniecibai")).await,
        both
    );
    assert_eq!(
        search_titles(&store, &search_request("CILVĒKU")).await,
        both
    );
    // A prefix finds the longer word.
    assert_eq!(
        search_titles(&store, &search_request("tirdzniec")).await,
        both
    );
    assert_eq!(
        search_titles(&store, &search_request("moldov")).await,
        vec!["Cīņa pret cilvēku tirdzniecību"]
    );
    // A list item is a word of its own, though nothing stands between the items.
    assert_eq!(
        search_titles(&store, &search_request("prokuratur")).await,
        vec!["Cīņa pret cilvēku tirdzniecību"]
    );
    // Every word must match.
    assert!(
        search_titles(&store, &search_request("cilveku moldova lekcija"))
            .await
            .is_empty()
    );
    // Title matches rank above body matches.
    let ranked = store
        .search(&search_request("cilveku"))
        .await
        .expect("search");
    assert_eq!(ranked.hits[0].title, "Cīņa pret cilvēku tirdzniecību");
    assert_eq!(ranked.total, 2);
    assert_eq!(store.backfill_search().await.expect("backfill"), 0);
}

async fn search_filters_by_kind_and_category_and_pages(store: SharedStore) {
    training_category(&store).await;
    for i in 0..12 {
        let mut news = article(&format!("Apmācību ziņa {i}"), utc(2020, 1, 1 + i, 7, 0));
        news.category = (i % 2 == 0).then(|| "apmacibas".to_string());
        store.create_article(&news, None).await.expect("article");
    }
    store
        .create_event(
            &event(
                "Apmācību diena",
                utc(2020, 8, 4, 7, 0),
                utc(2020, 8, 4, 9, 0),
            ),
            None,
        )
        .await
        .expect("event");
    let all = store
        .search(&search_request("apmacib"))
        .await
        .expect("search");
    assert_eq!((all.total, all.hits.len()), (13, 10));
    let second = store
        .search(&SearchRequest {
            offset: 10,
            ..search_request("apmacib")
        })
        .await
        .expect("page 2");
    assert_eq!(second.hits.len(), 3);
    let events = store
        .search(&SearchRequest {
            kind: Some(SearchKind::Event),
            ..search_request("apmacib")
        })
        .await
        .expect("events");
    assert_eq!(events.total, 1);
    assert_eq!(events.hits[0].title, "Apmācību diena");
    let in_category = store
        .search(&SearchRequest {
            categories: vec!["apmacibas".into()],
            ..search_request("apmacib")
        })
        .await
        .expect("category");
    assert_eq!(in_category.total, 6);
    assert!(in_category
        .hits
        .iter()
        .all(|hit| hit.category.as_ref().is_some_and(|c| c.slug == "apmacibas")));
}

async fn search_survives_hostile_queries(store: SharedStore) {
    store
        .create_article(
            &article("Cilvēku tirdzniecība", utc(2020, 1, 1, 7, 0)),
            None,
        )
        .await
        .expect("article");
    let long = "ā".repeat(1000);
    for query in [
        "\"cilvēku",
        "cilvēku\" OR \"x",
        "NEAR(cilvēku tirdzniecība)",
        "cilvēku AND NOT tirdzniecība",
        "* ^ - : ( ) { } [ ] ' ; --",
        "cilvēku:* & !x | y",
        "'; DROP TABLE articles; --",
        long.as_str(),
    ] {
        let found = store.search(&search_request(query)).await;
        assert!(found.is_ok(), "{query:?}: {found:?}");
    }
    assert_eq!(
        search_titles(&store, &search_request("\"cilvēku\"")).await,
        vec!["Cilvēku tirdzniecība"]
    );
    assert_eq!(
        store
            .search(&search_request("* ^ ( )"))
            .await
            .expect("symbols")
            .total,
        0
    );
}

async fn an_edited_or_trashed_article_is_found_or_missed_at_once(store: SharedStore) {
    let stored = an_article(&store, "Rīgā atklāj jaunu atbalsta centru").await;
    assert_eq!(
        search_titles(&store, &search_request("atbalsta centru")).await,
        vec!["Rīgā atklāj jaunu atbalsta centru"]
    );

    let edited = store
        .update_article(
            stored.id,
            stored.version,
            &article(
                "Daugavpilī atklāj jaunu konsultāciju punktu",
                stored.published_at,
            ),
            publishes(0),
            audit("published"),
        )
        .await
        .expect("update");
    assert_eq!(edited.version, stored.version + 1);
    assert_eq!(
        edited.slug, stored.slug,
        "the address stays when the title changes"
    );
    assert!(search_titles(&store, &search_request("atbalsta centru"))
        .await
        .is_empty());
    assert_eq!(
        search_titles(&store, &search_request("daugavpili")).await,
        vec!["Daugavpilī atklāj jaunu konsultāciju punktu"]
    );

    trash(&store, ItemKind::Article, stored.id).await;
    assert!(search_titles(&store, &search_request("daugavpili"))
        .await
        .is_empty());
    assert_eq!(
        store
            .published_article(crate::i18n::Lang::Lv, &stored.slug)
            .await
            .expect("read"),
        None
    );
    assert!(matches!(
        store
            .move_trash(
                crate::editing::ItemKind::Article,
                stored.id + 1000,
                TrashMove::Into,
                audit("deleted")
            )
            .await,
        Err(StoreError::NotFound)
    ));
}

/// A translator saves (the summary left in Latvian, stored empty) while an editor changes the
/// Latvian summary, both at once, round after round: whichever commits last, the English
/// search text holds the new summary.
async fn a_translation_saved_while_its_item_changes_is_searched_in_the_new_text(
    store: SharedStore,
) {
    use crate::{editing::ItemKind, i18n::Lang};

    for round in 0..6 {
        let new = event(
            &format!("Seminārs {round}"),
            utc(2021, 6, 1, 9, 0),
            utc(2021, 6, 1, 12, 0),
        );
        let created = store.create_event(&new, None).await.expect("event");
        let changed = NewEvent {
            summary: format!("Pārcelts uz zvejniekuciemu{round}."),
            ..new.clone()
        };
        let english = TranslatedText {
            title: format!("Seminar {round}"),
            lead: String::new(),
            body_html: new.body_html.clone(),
            extra: new.location.clone(),
        };
        let (item_store, translation_store) = (Arc::clone(&store), Arc::clone(&store));
        let (id, version) = (created.id, created.version);
        let edit = tokio::spawn(async move {
            let rule = publishes(0);
            let update = item_store.update_event(id, version, &changed, rule, audit("x"));
            update.await.map(|_| ())
        });
        let translate = tokio::spawn(async move {
            let write = translation(ItemKind::Event, id, "en", &english, 0);
            translation_store
                .save_translation(write, None)
                .await
                .map(|_| ())
        });
        edit.await.expect("no panic").expect("the edit");
        translate.await.expect("no panic").expect("the translation");
        let found = store
            .search(&SearchRequest {
                lang: Lang::En,
                ..search_request(&format!("zvejniekuciemu{round}"))
            })
            .await
            .expect("search");
        let titles: Vec<&str> = found.hits.iter().map(|hit| hit.title.as_str()).collect();
        assert_eq!(titles, [format!("Seminar {round}")], "round {round}");
    }
}
