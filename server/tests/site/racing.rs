//! Editors racing each other: the same save sent from several browsers at the same moment.
//! One of them wins, the others are told of the conflict, nothing answers a server error, and
//! nothing an editor was told was saved goes missing.

use std::sync::Arc;

use app::{
    auth::Role,
    editing::{
        event_fields::{EditableEvent, EventFields, EventSave},
        ArticleFields, ArticleSave, ArticleSettingsSave, AuditLog, ChangeAddress, EditableArticle,
        GetAuditLog, GetEditableArticle, GetEditableEvent, ItemKind, ItemRef, PublishArticle,
        RestoreVersion, SaveDraft, SaveEvent, Saved, SettingsSaved, UpdateArticleSettings, Writer,
    },
};
use axum::body::Body;
use http::{Request, StatusCode};
use leptos::server_fn::{
    serde::{de::DeserializeOwned, Serialize},
    ServerFn,
};
use tokio::sync::Barrier;

use crate::common::{Answer, Site};
pub(crate) use crate::saves::article_save;

pub(crate) const LAUNCH: &str =
    "lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu";
pub(crate) const WEBINAR: &str = "vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos";
/// How many browsers send the same save at once.
pub(crate) const BROWSERS: usize = 8;

/// A server function call as a browser sends it: the function's own address and wire type.
pub(crate) struct Call {
    path: &'static str,
    body: String,
    cookie: String,
}

pub(crate) fn call<F: ServerFn + Serialize>(arguments: &F, cookie: &str) -> Call {
    Call {
        path: F::PATH,
        body: serde_json::to_string(arguments).expect("arguments serialise"),
        cookie: cookie.to_string(),
    }
}

impl Call {
    pub(crate) async fn send(&self, site: &Site) -> Answer {
        site.post_json(self.path, &self.body, Some(&self.cookie))
            .await
    }
}

/// Calls a server function that must succeed and reads its answer.
pub(crate) async fn ask<F>(site: &Site, arguments: &F, cookie: &str) -> F::Output
where
    F: ServerFn + Serialize,
    F::Output: DeserializeOwned,
{
    let answer = call(arguments, cookie).send(site).await;
    assert_eq!(
        answer.status,
        StatusCode::OK,
        "{}: {}",
        F::PATH,
        answer.body
    );
    read(&answer)
}

/// Calls a server function that must be refused as a conflict (409).
pub(crate) async fn conflicts<F: ServerFn + Serialize>(site: &Site, arguments: &F, cookie: &str) {
    let answer = call(arguments, cookie).send(site).await;
    assert_eq!(
        answer.status,
        StatusCode::CONFLICT,
        "{}: {}",
        F::PATH,
        answer.body
    );
}

/// Calls a server function that must be refused as unprocessable (422), its answer naming
/// `says` (a message, or `"field":"…"`).
pub(crate) async fn refused<F: ServerFn + Serialize>(
    site: &Site,
    arguments: &F,
    cookie: &str,
    says: &str,
) {
    let answer = call(arguments, cookie).send(site).await;
    let status = answer.status;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}: {}",
        F::PATH,
        answer.body
    );
    assert!(answer.body.contains(says), "{says}: {}", answer.body);
}

/// Page `page` of the audit log as the admin signed in with `admin` reads it, as it stood at
/// line `upto` (none: as it is now).
pub(crate) async fn audit_page(site: &Site, admin: &str, page: u32, upto: Option<i64>) -> AuditLog {
    ask(site, &GetAuditLog { page, upto }, admin).await
}

pub(crate) fn read<T: DeserializeOwned>(answer: &Answer) -> T {
    serde_json::from_str(&answer.body).unwrap_or_else(|error| panic!("{error}: {}", answer.body))
}

/// Sends every call at the same moment, each from its own task on the multi-thread runtime;
/// the answers come back in the order of the calls.
pub(crate) async fn all_at_once(site: &Arc<Site>, calls: Vec<Call>) -> Vec<Answer> {
    let start = Arc::new(Barrier::new(calls.len()));
    let tasks: Vec<_> = calls
        .into_iter()
        .map(|call| {
            let (site, start) = (Arc::clone(site), Arc::clone(&start));
            tokio::spawn(async move {
                start.wait().await;
                call.send(&site).await
            })
        })
        .collect();
    let mut answers = Vec::with_capacity(tasks.len());
    for task in tasks {
        answers.push(task.await.expect("the browser's request finished"));
    }
    answers
}

/// Fails, showing the bodies, when any answer is a server error.
fn assert_no_server_errors(answers: &[Answer]) {
    let errors: Vec<String> = answers
        .iter()
        .filter(|answer| answer.status.is_server_error())
        .map(|answer| format!("{} {}", answer.status, answer.body))
        .collect();
    assert!(errors.is_empty(), "server errors: {errors:?}");
}

/// Exactly one of the answers is a success and every other a conflict; the winner's index.
pub(crate) fn the_one_winner(answers: &[Answer]) -> usize {
    assert_no_server_errors(answers);
    let mut statuses: Vec<u16> = answers.iter().map(|a| a.status.as_u16()).collect();
    statuses.sort_unstable();
    let mut expected = vec![409; answers.len()];
    expected[0] = 200;
    assert_eq!(statuses, expected, "one save wins, the others conflict");
    answers
        .iter()
        .position(|answer| answer.status == StatusCode::OK)
        .expect("a winner")
}

/// A site with two editors signed in: Anna, and Jānis, an admin who may read the audit log.
pub(crate) async fn newsroom() -> (Arc<Site>, [String; 2]) {
    let site = Site::with_demo_content().await;
    let anna = site.signed_in("anna@example.lv", Role::Editor).await;
    let janis = site.signed_in("janis@example.lv", Role::Admin).await;
    (Arc::new(site), [anna, janis])
}

pub(crate) async fn open(site: &Site, cookie: &str) -> EditableArticle {
    let slug = LAUNCH.to_string();
    ask(site, &GetEditableArticle { slug }, cookie).await
}

/// How many lines of the audit log's first page say `action` was done to `title`.
pub(crate) async fn logged(site: &Site, admin: &str, action: &str, title: &str) -> usize {
    let log = audit_page(site, admin, 1, None).await;
    log.lines
        .iter()
        .filter(|line| line.action == action && line.item == title)
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_article_published_from_eight_browsers_at_once_is_published_once() {
    let (site, editors) = newsroom().await;
    let before = open(&site, &editors[0]).await;
    let title = "Publicēts vienreiz";
    let calls = (0..BROWSERS)
        .map(|n| {
            let save = article_save(&before, title, &format!("Teksts no pārlūka {n}"));
            call(&PublishArticle { save }, &editors[n % 2])
        })
        .collect();
    let answers = all_at_once(&site, calls).await;
    let winner: Saved<ArticleFields> = read(&answers[the_one_winner(&answers)]);

    let after = open(&site, &editors[0]).await;
    assert_eq!(after.version, before.version + 1, "one new version");
    assert_eq!(
        after.current, winner.fields,
        "readers see the winner's text, as the answer to its publish gave it"
    );
    assert_eq!(logged(&site, &editors[1], "published", title).await, 1);
}

/// A browser whose publication's answer was lost sends it again, as often as it is told to:
/// every copy is answered with the one publication they made together.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_publication_sent_from_eight_browsers_at_once_is_made_once_and_answered_to_all() {
    let (site, editors) = newsroom().await;
    let before = open(&site, &editors[0]).await;
    let title = "Publicēts vienreiz, atbildēts visiem";
    let save = article_save(&before, &format!(" {title} "), "Viens teksts visiem");
    let calls = (0..BROWSERS)
        .map(|n| call(&PublishArticle { save: save.clone() }, &editors[n % 2]))
        .collect();
    let answers = all_at_once(&site, calls).await;
    assert_no_server_errors(&answers);

    let after = open(&site, &editors[0]).await;
    assert_eq!(after.version, before.version + 1, "one new version");
    for answer in &answers {
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        let saved: Saved<ArticleFields> = read(answer);
        assert_eq!(
            (saved.version, &saved.fields),
            (after.version, &after.current),
            "each browser is told of the publication, as stored"
        );
    }
    assert_eq!(logged(&site, &editors[1], "published", title).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_first_drafts_of_one_article_at_once_keep_exactly_one() {
    let (site, editors) = newsroom().await;
    let before = open(&site, &editors[0]).await;
    assert!(before.draft.is_none(), "the demo article has no draft");
    let title = |n: usize| format!("Melnraksts no pārlūka {n}");
    let calls = (0..BROWSERS)
        .map(|n| {
            let save = ArticleSave {
                // Eight browsers: none is another's.
                writer: Some(Writer {
                    mark: format!("{n:0>43}"),
                    save: 1,
                }),
                ..article_save(&before, &title(n), "Melnraksta teksts")
            };
            call(&SaveDraft { save }, &editors[n % 2])
        })
        .collect();
    let answers = all_at_once(&site, calls).await;
    let winner = the_one_winner(&answers);

    let draft = open(&site, &editors[0]).await.draft.expect("the draft");
    assert_eq!(
        draft.fields.title,
        title(winner),
        "the draft is the winner's"
    );
    assert_eq!(
        draft.draft_version,
        read::<Saved<ArticleFields>>(&answers[winner]).draft_version
    );
    // The audit log names the article by its title, which a draft does not change.
    assert_eq!(
        logged(&site, &editors[1], "changed", &before.current.title).await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn restoring_an_old_version_keeps_the_draft_another_editor_is_writing() {
    let (site, [anna, janis]) = newsroom().await;
    let first = open(&site, &anna).await;
    let second = article_save(&first, "Otrā versija", "Otrais teksts");
    ask(&site, &PublishArticle { save: second }, &janis).await;
    let current = open(&site, &anna).await;
    let save = article_save(&current, "Annas melnraksts", "Annas nepabeigtais teksts");
    let drafted = ask(&site, &SaveDraft { save }, &anna).await;

    let item = ItemRef {
        kind: ItemKind::Article,
        id: first.id,
    };
    let restore = RestoreVersion {
        item,
        version: first.version,
        expected_version: current.version,
    };
    ask(&site, &restore, &janis).await;

    let after = open(&site, &anna).await;
    assert_eq!(
        after.current.title, first.current.title,
        "the old version is back"
    );
    let draft = after
        .draft
        .expect("Anna's draft survives Jānis restoring an old version");
    assert_eq!(draft.fields.title, "Annas melnraksts");
    assert_eq!(
        draft.fields, drafted.fields,
        "the draft as its save answered it"
    );
    assert_eq!(draft.draft_version, drafted.draft_version);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_event_saved_from_eight_browsers_at_once_is_saved_once() {
    let (site, editors) = newsroom().await;
    let slug = WEBINAR.to_string();
    let before: EditableEvent =
        ask(&site, &GetEditableEvent { slug: slug.clone() }, &editors[0]).await;
    assert_ne!(before.current.category, "konferences");
    let fields = |n: usize| EventFields {
        category: "konferences".to_string(),
        location: format!("Zāle {n}"),
        ..before.current.clone()
    };
    let calls = (0..BROWSERS)
        .map(|n| {
            let save = EventSave {
                id: before.id,
                base_version: before.version,
                draft_version: 0,
                fields: fields(n),
                // Eight browsers: none is another's.
                writer: None,
            };
            call(&SaveEvent { save }, &editors[n % 2])
        })
        .collect();
    let answers = all_at_once(&site, calls).await;
    let winner = the_one_winner(&answers);

    let after = ask(&site, &GetEditableEvent { slug }, &editors[0]).await;
    assert_eq!(after.version, before.version + 1, "one new version");
    assert_eq!(after.current, fields(winner), "the event is the winner's");
}

/// Saves beside the text race as the text's saves do: of an article's settings changed from
/// several browsers at once, each to another category, one is stored and the others are told.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_articles_settings_changed_from_several_browsers_at_once_are_changed_once() {
    let (site, editors) = newsroom().await;
    let before = open(&site, &editors[0]).await;
    let others: Vec<String> = before
        .categories
        .iter()
        .map(|category| category.slug.clone())
        .filter(|slug| *slug != before.details.category)
        .collect();
    assert!(others.len() >= 4, "the demo has categories to choose from");
    let calls = others
        .iter()
        .enumerate()
        .map(|(n, category)| {
            let save = ArticleSettingsSave {
                article_id: before.id,
                version: before.version,
                category: category.clone(),
                published: true,
            };
            call(&UpdateArticleSettings { save }, &editors[n % 2])
        })
        .collect();
    let answers = all_at_once(&site, calls).await;
    let winner = the_one_winner(&answers);
    let saved: SettingsSaved = read(&answers[winner]);

    let after = open(&site, &editors[0]).await;
    assert_eq!(after.version, before.version + 1, "one new version");
    assert_eq!(
        saved.version, after.version,
        "the winner is told the version"
    );
    assert_eq!(
        after.details.category, others[winner],
        "the winner's category"
    );
    assert_eq!(after.current.title, before.current.title, "the text stays");
    let title = &before.current.title;
    assert_eq!(
        logged(&site, &editors[1], "changed settings", title).await,
        1
    );
}

/// An event moved from several browsers at once, each to another address, is at exactly one of
/// them: the winner's. Its old address leads there, and the addresses the others chose stay
/// free.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_event_moved_from_eight_browsers_at_once_is_at_the_one_address_that_won() {
    let (site, editors) = newsroom().await;
    let slug = WEBINAR.to_string();
    let before: EditableEvent = ask(&site, &GetEditableEvent { slug }, &editors[0]).await;
    let address = |n: usize| format!("vebinars-no-parluka-{n}");
    let item = ItemRef {
        kind: ItemKind::Event,
        id: before.id,
    };
    let calls = (0..BROWSERS)
        .map(|n| {
            let moved = ChangeAddress {
                item,
                version: before.version,
                slug: address(n),
            };
            call(&moved, &editors[n % 2])
        })
        .collect();
    let answers = all_at_once(&site, calls).await;
    let winner = the_one_winner(&answers);
    let saved: SettingsSaved = read(&answers[winner]);
    assert_eq!(saved.slug, address(winner));

    let (status, _) = site.get(&format!("/events/{}", address(winner))).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "readers find it at the winner's address"
    );
    let old = site
        .send(
            Request::get(format!("/events/{WEBINAR}"))
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(
        old.status,
        StatusCode::PERMANENT_REDIRECT,
        "the old address leads on"
    );
    assert_eq!(
        old.headers[http::header::LOCATION],
        format!("/events/{}", address(winner))
    );
    for loser in (0..BROWSERS).filter(|n| *n != winner) {
        let (status, _) = site.get(&format!("/events/{}", address(loser))).await;
        assert_eq!(
            status,
            StatusCode::NOT_FOUND,
            "{} stays free",
            address(loser)
        );
    }
    let after = ask(
        &site,
        &GetEditableEvent {
            slug: address(winner),
        },
        &editors[0],
    )
    .await;
    assert_eq!(after.version, saved.version);
    assert_eq!(after.current, before.current, "the text stays");
    let title = &before.current.title;
    assert_eq!(
        logged(&site, &editors[1], "changed address", title).await,
        1
    );
}

/// Anna's draft save was stored but its answer lost. She saves again, going on over her own
/// draft (by her editor's mark), at the very moment Jānis, who opened her draft, saves over
/// it. One of the two wins, the other is told (409), and the draft holds the winner's text:
/// neither writes over the other unseen.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn going_on_over_a_lost_draft_while_another_editor_saves_over_it_keeps_one() {
    let (site, [anna, janis]) = newsroom().await;
    for round in 0..6 {
        let annas = open(&site, &anna).await;
        let lost = article_save(&annas, &format!("Annas melnraksts {round}"), "Atbilde zuda");
        ask(&site, &SaveDraft { save: lost.clone() }, &anna).await;
        let janis_view = open(&site, &janis).await;
        let jana = format!("Jāņa melnraksts {round}");
        let janis_save = article_save(&janis_view, &jana, "Jānis turpina Annas tekstu");
        let anna_again = ArticleSave {
            fields: ArticleFields {
                title: format!("Annas melnraksts {round}, turpināts"),
                ..lost.fields.clone()
            },
            writer: crate::saves::next_save_of(&annas.writer),
            ..lost
        };
        let titles = [anna_again.fields.title.clone(), jana];
        let answers = all_at_once(
            &site,
            vec![
                call(&SaveDraft { save: anna_again }, &anna),
                call(&SaveDraft { save: janis_save }, &janis),
            ],
        )
        .await;
        let winner = the_one_winner(&answers);
        let draft = open(&site, &anna).await.draft.expect("the draft");
        assert_eq!(draft.fields.title, titles[winner], "round {round}");
        assert_eq!(
            draft.draft_version,
            read::<Saved<ArticleFields>>(&answers[winner]).draft_version
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn publishing_while_another_editor_autosaves_never_fails_or_loses_track_of_the_draft() {
    let (site, [anna, janis]) = newsroom().await;
    // The last draft save that succeeded: (its draft version, its title).
    let mut last_draft: Option<(i64, String)> = None;
    for round in 1..=10 {
        let now = open(&site, &anna).await;
        let published = article_save(&now, &format!("Publicēts {round}"), "Publicētais teksts");
        let draft_title = format!("Melnraksts {round}");
        let janis_editor = open(&site, &janis).await;
        let drafted = article_save(&janis_editor, &draft_title, "Automātiski saglabāts");
        let answers = all_at_once(
            &site,
            vec![
                call(&PublishArticle { save: published }, &anna),
                call(&SaveDraft { save: drafted }, &janis),
            ],
        )
        .await;
        assert_no_server_errors(&answers);
        for answer in &answers {
            assert!(
                [StatusCode::OK, StatusCode::CONFLICT].contains(&answer.status),
                "round {round}: {} {}",
                answer.status,
                answer.body
            );
        }
        assert!(
            answers.iter().any(|answer| answer.status == StatusCode::OK),
            "round {round}: one of the two editors got through"
        );
        if answers[1].status == StatusCode::OK {
            last_draft = Some((
                read::<Saved<ArticleFields>>(&answers[1]).draft_version,
                draft_title,
            ));
        }
        if let Some(draft) = open(&site, &anna).await.draft {
            assert_eq!(
                Some((draft.draft_version, draft.fields.title)),
                last_draft,
                "round {round}: the stored draft is the last one saved"
            );
        }
    }
}
