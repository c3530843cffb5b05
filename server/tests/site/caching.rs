//! Reader pages from memory (`server::page_cache`): a page is rendered once and then served
//! as kept, with an `ETag` and `304`; any write through the store is served at once; an
//! editor's page is never kept nor shown to a reader; and a reader's request racing an
//! editor's publish never leaves the old text in memory. (The headers every answer carries
//! are tested in `headers.rs`.)

use std::sync::Arc;

use app::{
    editing::{PublishArticle, Saved},
    storage::NewCategory,
};
use axum::body::Body;
use http::{header, HeaderName, Request, StatusCode};
use tokio::sync::Barrier;

use crate::{
    common::{Answer, Site},
    racing::{article_save, ask, call, newsroom, open, LAUNCH},
};

/// An anonymous GET with these request headers.
pub(crate) async fn get_with(site: &Site, uri: &str, headers: &[(HeaderName, &str)]) -> Answer {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    site.send(request.body(Body::empty()).expect("request"))
        .await
}

pub(crate) fn header_of<'a>(answer: &'a Answer, name: &HeaderName) -> &'a str {
    answer
        .headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
}

pub(crate) fn article_page() -> String {
    app::paths::article(LAUNCH)
}

/// A HEAD request (a link checker, a monitor) is answered from memory too: it renders the
/// GET it stands for, which is then kept for readers, and says the page's length.
#[tokio::test]
async fn head_requests_are_answered_from_the_page_they_stand_for() {
    let site = Site::with_demo_content().await;
    let head = || {
        site.send(
            Request::head(article_page())
                .body(Body::empty())
                .expect("request"),
        )
    };
    let first = head().await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(first.body.is_empty());
    site.behind_the_stores_back(&format!(
        "UPDATE articles SET title = 'Virsraksts aiz muguras' WHERE slug = '{LAUNCH}'"
    ))
    .await;
    let page = get_with(&site, &article_page(), &[]).await;
    assert!(
        !page.body.contains("Virsraksts aiz muguras"),
        "the GET is served as the HEAD kept it"
    );
    assert_eq!(
        header_of(&first, &header::ETAG),
        header_of(&page, &header::ETAG)
    );
    assert_eq!(
        header_of(&first, &header::CONTENT_LENGTH),
        page.body.len().to_string()
    );
    let again = head().await;
    assert!(again.body.is_empty());
    assert_eq!(
        header_of(&again, &header::ETAG),
        header_of(&page, &header::ETAG)
    );
}

#[tokio::test]
async fn a_reader_page_is_kept_until_something_is_written_and_answers_304_meanwhile() {
    let site = Site::with_demo_content().await;
    let first = get_with(&site, &article_page(), &[]).await;
    assert_eq!(first.status, StatusCode::OK);
    let etag = header_of(&first, &header::ETAG).to_string();
    assert!(
        etag.starts_with('"') && etag.len() > 10,
        "a strong tag: {etag}"
    );
    assert_eq!(
        header_of(&first, &header::CACHE_CONTROL),
        "public, max-age=0, s-maxage=60"
    );
    assert_eq!(header_of(&first, &header::VARY), "accept-encoding, cookie");

    site.behind_the_stores_back(&format!(
        "UPDATE articles SET title = 'Virsraksts aiz muguras' WHERE slug = '{LAUNCH}'"
    ))
    .await;
    let kept = get_with(&site, &article_page(), &[]).await;
    assert_eq!(
        kept.body, first.body,
        "served from memory, not rendered again"
    );
    assert_eq!(header_of(&kept, &header::ETAG), etag);

    let unchanged = get_with(&site, &article_page(), &[(header::IF_NONE_MATCH, &etag)]).await;
    assert_eq!(unchanged.status, StatusCode::NOT_MODIFIED);
    assert!(unchanged.body.is_empty());
    assert_eq!(header_of(&unchanged, &header::ETAG), etag);

    // Any write through the store (here a new category) renders the page again.
    site.store
        .create_category(&NewCategory {
            slug: "jauna".into(),
            name: "Jauna kategorija".into(),
            name_en: String::new(),
            name_ru: String::new(),
            colour: "#205080".into(),
        })
        .await
        .expect("the category is created");
    let fresh = get_with(&site, &article_page(), &[(header::IF_NONE_MATCH, &etag)]).await;
    assert_eq!(
        fresh.status,
        StatusCode::OK,
        "the old tag no longer matches"
    );
    assert!(fresh.body.contains("Virsraksts aiz muguras"));
    assert_ne!(header_of(&fresh, &header::ETAG), etag);
}

/// With no memory for pages (`NOTIKUMI_PAGE_CACHE_MB=0`) every request renders, and readers
/// and feed readers still get a tag, `304` and the same caching headers.
#[tokio::test]
async fn without_the_cache_pages_and_feeds_still_carry_their_tag_and_answer_304() {
    let site = Site::with_limits(server::config::Serving {
        page_cache_megabytes: 0,
        ..server::config::Serving::default()
    })
    .await;
    let uris = [
        article_page(),
        "/calendar/2020/08".to_owned(),
        "/feed.xml".to_owned(),
        "/calendar.ics".to_owned(),
    ];
    // Compressed too: each render's inline scripts get a new nonce, taken out before
    // compression, or the bytes (and so the tag) would differ on every render.
    for (uri, coding) in uris.iter().flat_map(|uri| [(uri, "identity"), (uri, "br")]) {
        let first = get_with(&site, uri, &[(header::ACCEPT_ENCODING, coding)]).await;
        assert_eq!(first.status, StatusCode::OK, "{uri} {coding}");
        let etag = header_of(&first, &header::ETAG).to_string();
        assert!(etag.starts_with('"') && etag.len() > 10, "{uri}: {etag}");
        assert_eq!(
            header_of(&first, &header::CACHE_CONTROL),
            "public, max-age=0, s-maxage=60",
            "{uri}"
        );
        let unchanged = get_with(
            &site,
            uri,
            &[
                (header::ACCEPT_ENCODING, coding),
                (header::IF_NONE_MATCH, &etag),
            ],
        )
        .await;
        assert_eq!(
            unchanged.status,
            StatusCode::NOT_MODIFIED,
            "{uri} {coding}: rendered again, the same bytes"
        );
        assert!(unchanged.body.is_empty(), "{uri}");
    }

    site.behind_the_stores_back(&format!(
        "UPDATE articles SET title = 'Virsraksts aiz muguras' WHERE slug = '{LAUNCH}'"
    ))
    .await;
    let fresh = get_with(&site, &article_page(), &[]).await;
    assert!(
        fresh.body.contains("Virsraksts aiz muguras"),
        "nothing is kept: even a write the store cannot know of is served at once"
    );
}

#[tokio::test]
async fn each_encoding_is_kept_apart_with_its_own_tag() {
    let site = Site::with_demo_content().await;
    let page = "/calendar/2020/08";
    let brotli = get_with(
        &site,
        page,
        &[(header::ACCEPT_ENCODING, "gzip, deflate, br")],
    )
    .await;
    let gzip = get_with(&site, page, &[(header::ACCEPT_ENCODING, "gzip")]).await;
    let plain = get_with(&site, page, &[]).await;
    assert_eq!(header_of(&brotli, &header::CONTENT_ENCODING), "br");
    assert_eq!(header_of(&gzip, &header::CONTENT_ENCODING), "gzip");
    assert_eq!(header_of(&plain, &header::CONTENT_ENCODING), "");
    assert!(
        plain.body.contains("Augusts"),
        "the month page: {}",
        plain.status
    );
    let tags = [&brotli, &gzip, &plain].map(|answer| header_of(answer, &header::ETAG).to_string());
    assert!(tags[0] != tags[1] && tags[1] != tags[2] && tags[0] != tags[2]);
    let again = get_with(&site, page, &[(header::ACCEPT_ENCODING, "gzip")]).await;
    assert_eq!(header_of(&again, &header::ETAG), tags[1]);
    assert_eq!(header_of(&again, &header::CONTENT_ENCODING), "gzip");
}

#[tokio::test]
async fn an_editors_page_is_never_kept_and_never_reaches_a_reader() {
    let site = Site::with_demo_content().await;
    let editor = site
        .signed_in("anna@example.lv", app::auth::Role::Editor)
        .await;
    let editors = site.get_as(&article_page(), &editor).await;
    assert_eq!(editors.status, StatusCode::OK);
    assert!(
        editors.body.contains("id=\"editor-messages\""),
        "the editor's page"
    );
    assert_eq!(
        header_of(&editors, &header::CACHE_CONTROL),
        "private, no-store"
    );
    assert!(editors.headers.get(header::ETAG).is_none());

    let readers = get_with(&site, &article_page(), &[]).await;
    assert!(
        !readers.body.contains("id=\"editor-messages\""),
        "a reader's page"
    );
    let editors_again = site.get_as(&article_page(), &editor).await;
    assert!(
        editors_again.body.contains("id=\"editor-messages\""),
        "an editor never gets the page kept for readers"
    );

    let signing_in = site
        .post_form(
            "/login",
            &format!("email=anna@example.lv&password={}", crate::common::PASSWORD),
            None,
            Some(crate::common::ORIGIN),
        )
        .await;
    assert_eq!(
        header_of(&signing_in, &header::CACHE_CONTROL),
        "private, no-store",
        "an answer that sets a cookie is kept by nobody"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn readers_racing_a_publish_get_the_published_text_next() {
    let (site, editors) = newsroom().await;
    const READERS: usize = 4;
    for round in 0..6 {
        let before = open(&site, &editors[0]).await;
        let title = format!("Kārta {round}: publicēts, kamēr lasītāji lasa");
        let publish = call(
            &PublishArticle {
                save: article_save(&before, &title, "Teksts"),
            },
            &editors[0],
        );
        let start = Arc::new(Barrier::new(READERS + 1));
        let readers: Vec<_> = (0..READERS)
            .map(|_| {
                let (site, start) = (Arc::clone(&site), Arc::clone(&start));
                tokio::spawn(async move {
                    start.wait().await;
                    get_with(&site, &article_page(), &[]).await.status
                })
            })
            .collect();
        start.wait().await;
        let published = publish.send(&site).await;
        assert_eq!(published.status, StatusCode::OK, "{}", published.body);
        for reader in readers {
            assert_eq!(reader.await.expect("the reader's request"), StatusCode::OK);
        }
        let next = get_with(&site, &article_page(), &[]).await;
        assert!(
            next.body.contains(&title),
            "round {round}: the next reader sees what was published"
        );
    }
    let last: Saved<_> = ask(
        &site,
        &PublishArticle {
            save: article_save(&open(&site, &editors[1]).await, "Pēdējais", "Beigas"),
        },
        &editors[1],
    )
    .await;
    assert!(last.version > 6);
    assert!(get_with(&site, &article_page(), &[])
        .await
        .body
        .contains("Pēdējais"));
}

/// Two server instances on one database, as behind a load balancer: a page kept by the second
/// is dropped when the first saves an edit (PostgreSQL tells every instance of each committed
/// write; on SQLite, where the second writer is rather an operator's command on the same file,
/// the server follows the `content_generation` row). A session begun on one is good on the
/// other, and two editors saving through different instances still meet as a conflict.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_through_one_instance_is_served_by_the_other() {
    let (site, editors) = newsroom().await;
    let other = site.another_instance().await;
    let read_other = || async { get_with(&other, &article_page(), &[]).await.body };
    // Wait for the second instance to be listening (it counts its start as a change), then
    // change the title behind both stores' backs: the page the second one keeps stays.
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    let kept = read_other().await;
    site.behind_the_stores_back(&format!(
        "UPDATE articles SET title = 'Aiz muguras' WHERE slug = '{LAUNCH}'"
    ))
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    let still = read_other().await;
    assert_eq!(still, kept, "the second instance serves the page it keeps");
    assert!(!still.contains("Aiz muguras"));

    // Both editors open the article, each through a different instance with the session
    // begun on the first.
    let through_first = open(&site, &editors[0]).await;
    let through_second = open(&other, &editors[1]).await;
    assert_eq!(through_second.version, through_first.version);

    let title = "Saglabāts caur pirmo instanci";
    let _: Saved<_> = ask(
        &site,
        &PublishArticle {
            save: article_save(&through_first, title, "Teksts"),
        },
        &editors[0],
    )
    .await;
    // PostgreSQL delivers the notification within milliseconds of the commit.
    let mut seen = false;
    for _ in 0..100 {
        if read_other().await.contains(title) {
            seen = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(
        seen,
        "the second instance serves the edit, not the page it kept"
    );

    let late = call(
        &PublishArticle {
            save: article_save(&through_second, "Vēlāks virsraksts", "Cits teksts"),
        },
        &editors[1],
    )
    .send(&other)
    .await;
    assert_eq!(late.status, StatusCode::CONFLICT, "{}", late.body);
    assert!(late.body.contains("Conflict"), "{}", late.body);
    let theirs = open(&other, &editors[1]).await;
    assert_eq!(
        theirs.current.title, title,
        "the conflict view shows the other editor's text"
    );
}

/// What readers never see does not empty the cache: a burst of wrong passwords (an attacker
/// could send them at will) and an editor's autosaved drafts leave the kept pages alone, with
/// the server following other writers as it does in production.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_ins_and_drafts_leave_the_kept_pages_alone() {
    let (site, editors) = newsroom().await;
    site.store.follow_other_instances();
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    let kept = get_with(&site, &article_page(), &[]).await;
    site.behind_the_stores_back(&format!(
        "UPDATE articles SET title = 'Aiz muguras' WHERE slug = '{LAUNCH}'"
    ))
    .await;
    for n in 0..8 {
        let answer = site
            .sign_in_from([10, 9, 8, n], "anna@example.lv", "nepareiza-parole")
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    }
    let before = open(&site, &editors[0]).await;
    let saved = call(
        &app::editing::SaveDraft {
            save: article_save(&before, "Melnraksts", "Vēl top"),
        },
        &editors[0],
    )
    .send(&site)
    .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    let after = get_with(&site, &article_page(), &[]).await;
    assert_eq!(after.body, kept.body, "still the page kept before");
    assert!(!after.body.contains("Aiz muguras"));
}

/// A reader who loaded a page before an upgrade still gets that build's code: its lazy chunks
/// (the search box's, an editor's) are asked for later, at the old build's address, and the
/// upgraded server still has them, kept for good, beside the new build's.
#[tokio::test]
async fn a_page_loaded_before_an_upgrade_still_gets_its_code() {
    let site = Site::with_demo_content().await;
    let scratch = std::env::temp_dir().join(format!("notikumi-upgrade-{}", uuid::Uuid::new_v4()));
    let (pkg, builds) = (scratch.join("site").join("pkg"), scratch.join("builds"));
    std::fs::create_dir_all(&pkg).expect("folder");
    let get = |router: axum::Router, uri: String| async move {
        let request = http::Request::get(uri)
            .body(axum::body::Body::empty())
            .expect("request");
        let response = tower::ServiceExt::oneshot(router, request)
            .await
            .expect("answer");
        let status = response.status();
        let cache = response.headers().get(http::header::CACHE_CONTROL).cloned();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body");
        (status, cache, String::from_utf8_lossy(&body).into_owned())
    };
    // The build a page names: `/pkg/<build>/notikumi.js`.
    let build_named_by = |page: &str| -> String {
        page.match_indices("/pkg/")
            .filter_map(|(at, _)| page.get(at + 5..at + 21))
            .find(|name| name.bytes().all(|b| b.is_ascii_hexdigit()))
            .expect("the page names its build")
            .to_string()
    };

    std::fs::write(pkg.join("notikumi.js"), "old loader").expect("write");
    std::fs::write(pkg.join("chunk_search.wasm"), "old chunk").expect("write");
    let before = site.served_by_build(&scratch.join("site"), &builds);
    let (_, _, page) = get(before.clone(), "/calendar/2020/08".into()).await;
    let old = build_named_by(&page);

    // The upgrade: new files in place of the old, and the server started again.
    std::fs::remove_file(pkg.join("chunk_search.wasm")).expect("remove");
    std::fs::write(pkg.join("notikumi.js"), "new loader").expect("write");
    std::fs::write(pkg.join("chunk_editor.wasm"), "new chunk").expect("write");
    let after = site.served_by_build(&scratch.join("site"), &builds);
    let (_, _, page) = get(after.clone(), "/calendar/2020/08".into()).await;
    let new = build_named_by(&page);
    assert_ne!(new, old);

    // The server still running the old build while the files are replaced serves its own.
    let (status, _, body) = get(before.clone(), format!("/pkg/{old}/chunk_search.wasm")).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "old chunk"));
    let (status, cache, body) = get(after.clone(), format!("/pkg/{old}/chunk_search.wasm")).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "old chunk"));
    let kept_for_good = cache.expect("Cache-Control");
    assert!(kept_for_good
        .to_str()
        .unwrap_or_default()
        .contains("immutable"));
    let (status, _, body) = get(after.clone(), format!("/pkg/{old}/notikumi.js")).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "old loader"));
    // And the page script the old build's server made, which names the old build's files.
    for (build, server) in [(&old, &after), (&new, &after), (&old, &before)] {
        let (status, cache, script) = get(server.clone(), format!("/pkg/{build}/loader.js")).await;
        assert_eq!(status, StatusCode::OK, "{build}");
        let cache = cache.expect("Cache-Control");
        assert!(
            cache.to_str().unwrap_or_default().contains("immutable"),
            "{cache:?}"
        );
        assert!(
            script.contains(&format!("\"/pkg/{build}/notikumi.js\"")),
            "{build}: {}",
            &script[script.len().saturating_sub(200)..]
        );
    }
    let (status, _, body) = get(after.clone(), format!("/pkg/{new}/chunk_editor.wasm")).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "new chunk"));
    // A name longer than a file's may be (with `.br` added for a compressed copy) is not
    // found, as any other (the file server would fail on it with a 500); so is one the
    // fallback would look for among the site's files, and a path of many long parts.
    let overlong = "a".repeat(253);
    let deep = format!("/{}", vec!["b".repeat(200); 30].join("/"));
    for path in [
        format!("/pkg/{new}/{overlong}"),
        format!("/{overlong}"),
        deep,
    ] {
        // As browsers ask: the file servers look for a compressed copy first.
        let request = http::Request::get(&path)
            .header(http::header::ACCEPT_ENCODING, "br, gzip")
            .body(axum::body::Body::empty())
            .expect("request");
        let answer = tower::ServiceExt::oneshot(after.clone(), request)
            .await
            .expect("answer");
        assert_eq!(answer.status(), StatusCode::NOT_FOUND, "{}…", &path[..40]);
    }
    // Each build has only its own files.
    let (status, _, _) = get(after.clone(), format!("/pkg/{old}/chunk_editor.wasm")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = get(after, format!("/pkg/{new}/chunk_search.wasm")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    std::fs::remove_dir_all(&scratch).expect("clean up");
}
