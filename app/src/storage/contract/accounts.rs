//! Accounts, sessions, failed sign-ins, and the trash with its audit log.

use super::*;

contract_tests!(
    accounts_and_sessions_round_trip_and_can_be_revoked,
    trash_restore_failed_sign_ins_and_the_audit_log,
    the_desk_lists_unpublished_items_of_every_kind,
);

/// Editors find every unpublished item on the desk, whatever its kind: an event left
/// unpublished, or one restored from the trash (which comes back unpublished), as much as an
/// article. Published ones are not listed.
async fn the_desk_lists_unpublished_items_of_every_kind(store: SharedStore) {
    let mut unpublished = event(
        "Nepublicēts notikums",
        utc(2020, 8, 5, 7, 0),
        utc(2020, 8, 5, 9, 0),
    );
    unpublished.status = Status::Draft;
    let unpublished = store.create_event(&unpublished, None).await.expect("event");
    let seminar = a_seminar(&store).await;
    trash(&store, ItemKind::Event, seminar.id).await;
    out_of_trash(&store, ItemKind::Event, seminar.id).await;
    let mut article = article("Nepublicēts raksts", utc(2021, 5, 3, 7, 0));
    article.status = Status::Draft;
    let article = store.create_article(&article, None).await.expect("article");
    an_article(&store, "Publicēts raksts").await;

    let mut drafts: Vec<(ItemKind, String)> = store
        .desk()
        .await
        .expect("desk")
        .into_iter()
        .filter(|entry| entry.place == DeskPlace::Draft)
        .map(|entry| (entry.kind, entry.slug))
        .collect();
    drafts.sort_by(|a, b| a.1.cmp(&b.1));
    let mut expected = vec![
        (ItemKind::Article, article.slug.clone()),
        (ItemKind::Event, unpublished.slug.clone()),
        (ItemKind::Event, seminar.slug),
    ];
    expected.sort_by(|a, b| a.1.cmp(&b.1));
    assert_eq!(drafts, expected);

    // An unpublished item is named by its draft's title, which is what its editor typed;
    // a draft with no title, or one that cannot be read, leaves the item's own.
    let editor = an_editor(&store).await;
    let named = |kind, id| {
        let store = &store;
        async move {
            let desk = store.desk().await.expect("desk");
            let entry = desk.into_iter().find(|e| e.kind == kind && e.id == id);
            entry.expect("on the desk").title
        }
    };
    let drafts = article_drafts(&store, &article, editor.id);
    let saved = drafts
        .save(r#"{"format":1,"title":"Projekta atskaite"}"#, 0)
        .await;
    let saved = saved.expect("drafted");
    assert_eq!(
        named(ItemKind::Article, article.id).await,
        "Projekta atskaite"
    );
    let untitled = drafts
        .save(r#"{"format":1,"title":"  "}"#, saved.draft_version)
        .await;
    let untitled = untitled.expect("drafted");
    assert_eq!(
        named(ItemKind::Article, article.id).await,
        "Nepublicēts raksts"
    );
    drafts
        .save("{", untitled.draft_version)
        .await
        .expect("drafted");
    assert_eq!(
        named(ItemKind::Article, article.id).await,
        "Nepublicēts raksts"
    );
    // In the trash too.
    let event_drafts = event_drafts(&store, &unpublished, editor.id);
    let titled = r#"{"format":1,"title":"Seminārs Daugavpilī"}"#;
    event_drafts.save(titled, 0).await.expect("drafted");
    trash(&store, ItemKind::Event, unpublished.id).await;
    assert_eq!(
        named(ItemKind::Event, unpublished.id).await,
        "Seminārs Daugavpilī"
    );
}

async fn accounts_and_sessions_round_trip_and_can_be_revoked(store: SharedStore) {
    let anna = store
        .create_user("anna@example.lv", "$argon2id$hash-a", Role::Admin)
        .await
        .expect("account");
    assert_eq!(anna.role, Role::Admin);
    assert!(matches!(
        store
            .create_user("anna@example.lv", "$argon2id$other", Role::Editor)
            .await,
        Err(StoreError::Taken("email"))
    ));
    let credentials = store
        .credentials("anna@example.lv")
        .await
        .expect("read")
        .expect("found");
    assert_eq!(credentials.password_hash, "$argon2id$hash-a");
    assert_eq!(
        store
            .credentials("nav@example.lv")
            .await
            .expect("read")
            .map(|c| c.user),
        None
    );

    let now = utc(2026, 11, 29, 10, 0);
    store
        .start_session(session("hash-1", anna.id, now, (&[], &[])))
        .await
        .expect("session");
    assert_eq!(
        store.session_user("hash-1", now).await.expect("lookup"),
        Some(anna.clone())
    );
    assert_eq!(
        store
            .session_user("hash-1", now + chrono::Duration::hours(9))
            .await
            .expect("lookup"),
        None,
        "an expired session signs nobody in"
    );
    store.delete_session("hash-1").await.expect("sign out");
    assert_eq!(
        store.session_user("hash-1", now).await.expect("lookup"),
        None
    );

    store
        .start_session(session("hash-2", anna.id, Utc::now(), (&[], &[])))
        .await
        .expect("session");
    store
        .set_password("anna@example.lv", "$argon2id$hash-b")
        .await
        .expect("new password");
    assert_eq!(
        store
            .session_user("hash-2", Utc::now())
            .await
            .expect("lookup"),
        None,
        "a new password ends the old sessions"
    );
    store
        .create_user("janis@example.lv", "$argon2id$hash-j", Role::Editor)
        .await
        .expect("second account");
    let emails: Vec<String> = store
        .users()
        .await
        .expect("list")
        .into_iter()
        .map(|user| user.email)
        .collect();
    assert_eq!(emails, vec!["anna@example.lv", "janis@example.lv"]);
    store.remove_user("janis@example.lv").await.expect("remove");
    assert!(matches!(
        store.remove_user("janis@example.lv").await,
        Err(StoreError::NotFound)
    ));
}

async fn trash_restore_failed_sign_ins_and_the_audit_log(store: SharedStore) {
    let stored = an_article(&store, "Izmetamais raksts").await;
    trash(&store, ItemKind::Article, stored.id).await;
    assert_eq!(
        store.article_for_editing(&stored.slug).await.expect("read"),
        None
    );
    let desk = store.desk().await.expect("desk");
    let trashed: Vec<_> = desk
        .iter()
        .filter(|entry| entry.place == DeskPlace::Trash)
        .map(|entry| (entry.kind, entry.id))
        .collect();
    assert_eq!(trashed, [(ItemKind::Article, stored.id)]);
    store
        .move_trash(
            crate::editing::ItemKind::Article,
            stored.id,
            TrashMove::OutOf,
            audit("restored"),
        )
        .await
        .expect("restore");
    let restored = store
        .article_for_editing(&stored.slug)
        .await
        .expect("read")
        .expect("back");
    assert_eq!(
        restored.status,
        Status::Draft,
        "a restored article comes back as a draft"
    );
    assert_eq!(
        store
            .desk()
            .await
            .expect("desk")
            .into_iter()
            .map(|entry| (entry.place, entry.slug))
            .collect::<Vec<_>>(),
        vec![(DeskPlace::Draft, stored.slug.clone())]
    );
    assert!(matches!(
        store
            .move_trash(
                crate::editing::ItemKind::Article,
                stored.id,
                TrashMove::OutOf,
                audit("restored")
            )
            .await,
        Err(StoreError::NotFound)
    ));

    // Sign-in attempts are counted before their password is checked: each answers the
    // failures counted before it and when the last was.
    let now = utc(2026, 11, 29, 10, 0);
    let forget_before = now - chrono::Duration::hours(1);
    let key = "pair:a@b.lv 192.0.2.7".to_string();
    let address = "address:192.0.2.7".to_string();
    let shared = &store;
    let count = |at, forget_before, keys: Vec<String>| async move {
        shared
            .count_sign_in_attempt(attempt(&keys, at, forget_before, &|_| false))
            .await
            .expect("counted")
    };
    let both = || vec![key.clone(), address.clone()];
    assert_eq!(count(now, forget_before, both()).await, vec![None, None]);
    let later = now + chrono::Duration::seconds(5);
    assert_eq!(
        count(later, forget_before, both()).await,
        vec![Some(earlier(1, now)), Some(earlier(1, now))]
    );
    assert_eq!(
        count(later, forget_before, vec![key.clone()]).await,
        vec![Some(earlier(2, later))]
    );
    // An attempt refused by what was counted before it (it must wait) counts nothing.
    let refused = shared
        .count_sign_in_attempt(attempt(
            std::slice::from_ref(&key),
            later,
            forget_before,
            &|_| true,
        ))
        .await
        .expect("refused");
    assert_eq!(refused, vec![Some(earlier(3, later))]);
    assert_eq!(
        count(later, forget_before, vec![key.clone()]).await,
        vec![Some(earlier(3, later))],
        "the refused attempt left the count as it was"
    );
    // After a quiet hour the count starts again, and old rows are purged.
    let next_day = now + chrono::Duration::days(1);
    let next_forget = next_day - chrono::Duration::hours(1);
    assert_eq!(count(next_day, next_forget, both()).await, vec![None, None]);
    let other = "pair:c@d.lv 192.0.2.7".to_string();
    count(next_day, next_forget, vec![other.clone()]).await;
    store
        .clear_login_failures_under("pair:a@b.lv ")
        .await
        .expect("clear the account");
    assert_eq!(
        count(next_day, next_forget, vec![key.clone(), other]).await,
        vec![None, Some(earlier(1, next_day))],
        "the account's failures are gone, another account's stay"
    );
    // A right password starts a session, together with clearing the account's failures and
    // taking back the one its attempt counted under the address (others' there stay).
    let user = store
        .create_user("signs-in@example.lv", "$argon2id$hash", Role::Editor)
        .await
        .expect("account");
    let account = "pair:signs-in@example.lv 192.0.2.7".to_string();
    let attempt_keys = vec![account.clone(), address.clone()];
    // The address's one failure was at `next_day`; the sign-in comes a minute later.
    let signing_in = next_day + chrono::Duration::minutes(1);
    count(signing_in, next_forget, attempt_keys.clone()).await;
    store
        .start_session(NewSession {
            attempted_at: signing_in,
            ..session(
                "hash-s",
                user.id,
                Utc::now(),
                (&attempt_keys[..1], &attempt_keys[1..]),
            )
        })
        .await
        .expect("session");
    assert_eq!(
        count(signing_in, next_forget, attempt_keys.clone()).await,
        vec![None, Some(earlier(1, next_day))],
        "the account's count is gone; the address keeps the failure before the sign-in, \
         at its own time (a sign-in does not make the address's failures recent)"
    );
    let alone = "address:198.51.100.9".to_string();
    count(next_day, next_forget, vec![alone.clone()]).await;
    let taken_back = std::slice::from_ref(&alone);
    store
        .start_session(session("hash-t", user.id, Utc::now(), (&[], taken_back)))
        .await
        .expect("session");
    assert_eq!(
        count(next_day, next_forget, vec![alone.clone()]).await,
        vec![None],
        "a count taken back to none starts again"
    );
    let signed_in = store
        .session_user("hash-s", Utc::now())
        .await
        .expect("lookup");
    assert_eq!(signed_in.map(|user| user.id), Some(user.id));

    // Each write left its audit line, newest first; the refused restore left none.
    let log = store.audit_log(10, 0, None).await.expect("log");
    assert_eq!(
        log.iter()
            .map(|e| (
                e.action.as_str(),
                e.item_kind.as_str(),
                e.item_title.as_str()
            ))
            .collect::<Vec<_>>(),
        vec![
            ("restored", "article", "Izmetamais raksts"),
            ("deleted", "article", "Izmetamais raksts")
        ]
    );
    assert!(log.iter().all(|e| e.item_id == Some(stored.id)));
}

/// An attempt under `keys` at `now`, `refused` by the failures counted before it or not.
fn attempt<'a>(
    keys: &'a [String],
    now: DateTime<Utc>,
    forget_before: DateTime<Utc>,
    refused: &'a (dyn for<'e> Fn(&'e [Option<EarlierFailures>]) -> bool + Sync),
) -> SignInAttempt<'a> {
    SignInAttempt {
        keys,
        now,
        forget_before,
        refused,
    }
}

/// An eight-hour session started at `at`, clearing `cleared` and taking back one failure
/// under `taken_back`.
fn session<'a>(
    token_hash: &'a str,
    user_id: i64,
    at: DateTime<Utc>,
    (cleared, taken_back): (&'a [String], &'a [String]),
) -> NewSession<'a> {
    NewSession {
        token_hash,
        user_id,
        expires_at: at + chrono::Duration::hours(8),
        cleared,
        taken_back,
        attempted_at: at,
    }
}

/// `count` failures counted before, the last at `last_at`.
fn earlier(count: i64, last_at: DateTime<Utc>) -> EarlierFailures {
    EarlierFailures { count, last_at }
}
