//! Reads made while another task writes, on SQLite and on PostgreSQL: each listing is one
//! consistent state, never half of one write and half of the next.

use super::*;
use crate::editing::ItemKind;

contract_tests!(
    a_history_read_while_publishing_lists_each_version_once,
    the_desk_read_while_an_item_goes_in_and_out_of_the_trash_lists_it_once,
);

/// One editor reads an article's history over and over while another publishes it ten times:
/// every listing has each version once, newest first, with the current one (saved by nobody)
/// on top.
async fn a_history_read_while_publishing_lists_each_version_once(store: SharedStore) {
    let stored = an_article(&store, "Vēsture 0").await;
    let id = stored.id;
    let publishing = {
        let store = Arc::clone(&store);
        tokio::spawn(async move {
            let mut current = stored;
            for round in 1..=10 {
                let title = format!("Vēsture {round}");
                current = retitle(&store, &current, &title).await.expect("published");
            }
        })
    };
    let mut listings = Vec::new();
    while !publishing.is_finished() {
        listings.push(
            store
                .versions(ItemKind::Article, id)
                .await
                .expect("history"),
        );
        tokio::task::yield_now().await;
    }
    publishing.await.expect("the publishing task");
    listings.push(
        store
            .versions(ItemKind::Article, id)
            .await
            .expect("history"),
    );
    for versions in &listings {
        let numbers: Vec<i64> = versions.iter().map(|version| version.version).collect();
        let expected: Vec<i64> = (1..=numbers[0]).rev().collect();
        assert_eq!(numbers, expected, "each version once, newest first");
        let current: Vec<bool> = versions.iter().map(|v| v.current).collect();
        assert!(
            current[0] && current[1..].iter().all(|&now| !now),
            "{current:?}"
        );
    }
    assert_eq!(
        listings.last().map(Vec::len),
        Some(11),
        "ten publishes after the first"
    );
}

/// The desk read while an unpublished article goes into the trash and out again, ten times:
/// every listing has it exactly once, among the drafts or in the trash (a read per list could
/// find it in both, or in neither).
async fn the_desk_read_while_an_item_goes_in_and_out_of_the_trash_lists_it_once(
    store: SharedStore,
) {
    let unpublished = NewArticle {
        status: Status::Draft,
        ..article("Turp un atpakaļ", utc(2020, 3, 2, 12, 0))
    };
    let id = store
        .create_article(&unpublished, None)
        .await
        .expect("an unpublished article")
        .id;
    let moving = {
        let store = Arc::clone(&store);
        tokio::spawn(async move {
            for _ in 0..10 {
                for direction in [TrashMove::Into, TrashMove::OutOf] {
                    store
                        .move_trash(ItemKind::Article, id, direction, audit("moved"))
                        .await
                        .expect("moved");
                }
            }
        })
    };
    let mut reads = 0;
    loop {
        let done = moving.is_finished();
        let desk = store.desk().await.expect("desk");
        let places: Vec<DeskPlace> = desk
            .iter()
            .filter(|entry| entry.kind == ItemKind::Article && entry.id == id)
            .map(|entry| entry.place)
            .collect();
        assert_eq!(
            places.len(),
            1,
            "listed once, after {reads} reads: {places:?}"
        );
        reads += 1;
        if done {
            break;
        }
        tokio::task::yield_now().await;
    }
    moving.await.expect("the moving task");
}
