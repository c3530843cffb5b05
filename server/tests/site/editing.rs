//! Editing through the server functions: who may, conflicts that change nothing, sanitising,
//! validation, publishing, revisions, the trash and the audit log.

use app::auth::Role;
use axum::body::Body;
use http::{header, Request, StatusCode};
use serde_json::{json, Value};

use crate::{common::Site, read::Page};

const LAUNCH: &str = "lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu";

fn parse(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|error| panic!("{error}: {body}"))
}

/// The article as an editor opens it.
async fn open(site: &Site, cookie: &str) -> Value {
    let answer = site
        .post_json(
            "/api/editing/get_editable_article",
            &json!({ "slug": LAUNCH }).to_string(),
            Some(cookie),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    parse(&answer.body)
}

fn save(article: &Value, title: &str, body: &str, draft_version: i64) -> String {
    json!({ "save": {
        "id": article["id"],
        "fields": {
            "title": title,
            "lead": article["current"]["lead"],
            "body_html": body,
            "contact": article["current"]["contact"],
        },
        "base_version": article["version"],
        "draft_version": draft_version,
    }})
    .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_editing_function_refuses_anonymous_requests() {
    let site = Site::with_demo_content().await;
    let calls = [
        ("get_editable_article", json!({ "slug": LAUNCH })),
        (
            "save_draft",
            json!({ "save": { "id": 1, "fields": { "title": "X", "lead": "", "body_html": "", "contact": "" }, "base_version": 1, "draft_version": 0 } }),
        ),
        (
            "publish_article",
            json!({ "save": { "id": 1, "fields": { "title": "X", "lead": "", "body_html": "", "contact": "" }, "base_version": 1, "draft_version": 0 } }),
        ),
        ("create_article", json!({})),
        (
            "delete_item",
            json!({ "item": { "kind": "Article", "id": 1 } }),
        ),
        (
            "restore_item",
            json!({ "item": { "kind": "Event", "id": 1 } }),
        ),
        (
            "get_history",
            json!({ "item": { "kind": "Article", "id": 1 } }),
        ),
        (
            "compare_versions",
            json!({ "item": { "kind": "Event", "id": 1 }, "older": 1, "newer": 1 }),
        ),
        (
            "restore_version",
            json!({ "item": { "kind": "Article", "id": 1 }, "version": 1, "expected_version": 1 }),
        ),
        ("get_desk", json!({})),
        (
            "change_address",
            json!({ "item": { "kind": "Event", "id": 1 }, "version": 1, "slug": "x" }),
        ),
        (
            "get_translation",
            json!({ "kind": "Article", "slug": LAUNCH, "lang": "En" }),
        ),
        (
            "save_translation",
            json!({ "save": { "kind": "Article", "slug": LAUNCH, "lang": "En", "fields": { "title": "X", "lead": "", "body_html": "", "extra": "" } } }),
        ),
        (
            "translation_source_changed",
            json!({ "kind": "Article", "slug": LAUNCH, "lang": "En" }),
        ),
        ("get_audit_log", json!({ "page": 1 })),
    ];
    site.refuses_without_signing_in(&calls).await;
    // Nothing changed: the article is as it was and nothing was created.
    let (_, page) = site.get(&format!("/news/{LAUNCH}")).await;
    assert!(page.contains("Lietuva un Latvija sniegs atbalstu Moldovai"));
    assert!(site.store.desk().await.expect("desk").is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn only_admins_read_the_audit_log() {
    let site = Site::with_demo_content().await;
    let editor = site.signed_in("redaktore@example.lv", Role::Editor).await;
    let admin = site.signed_in("admin@example.lv", Role::Admin).await;
    let body = json!({ "page": 1 }).to_string();
    let refused = site
        .post_json("/api/editing/get_audit_log", &body, Some(&editor))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let allowed = site
        .post_json("/api/editing/get_audit_log", &body, Some(&admin))
        .await;
    assert_eq!(allowed.status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread")]
async fn drafts_stay_private_until_published_and_xss_never_survives() {
    let site = Site::with_demo_content().await;
    let cookie = site.signed_in("redaktore@example.lv", Role::Editor).await;
    let article = open(&site, &cookie).await;
    let hostile = r#"<p>Jauns teksts<script>alert(1)</script><img src=x alt="Attēls" onerror=alert(2)><a href="javascript:alert(3)">saite</a></p>"#;

    let saved = site
        .post_json(
            "/api/editing/save_draft",
            &save(&article, "Melnraksta virsraksts", hostile, 0),
            Some(&cookie),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let saved = parse(&saved.body);
    assert_eq!(saved["draft_version"], 1);
    let (_, public) = site.get(&format!("/news/{LAUNCH}")).await;
    assert!(
        Page::parse(&public)
            .heading()
            .0
            .starts_with("Lietuva un Latvija sniegs atbalstu Moldovai"),
        "readers see the published version, not the draft"
    );

    let published = site
        .post_json(
            "/api/editing/publish_article",
            &save(&article, "Publicētais virsraksts", hostile, 1),
            Some(&cookie),
        )
        .await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.body);
    let (_, public) = site.get(&format!("/news/{LAUNCH}")).await;
    let page = Page::parse(&public);
    assert_eq!(page.heading().0, "Publicētais virsraksts");
    assert!(page.shows("Jauns teksts"));
    // Checked in the HTML itself: no trace of the hostile markup may reach a reader.
    for payload in ["alert(1)", "onerror", "javascript:"] {
        assert!(!public.contains(payload), "{payload} survived");
    }
    let (_, search) = site.get("/search?q=publicetais").await;
    assert!(
        Page::parse(&search)
            .link_named("Publicētais virsraksts")
            .is_some_and(|href| href.ends_with(LAUNCH)),
        "search follows at once"
    );

    let history = site
        .post_json(
            "/api/editing/get_history",
            &json!({ "item": { "kind": "Article", "id": article["id"] } }).to_string(),
            Some(&cookie),
        )
        .await;
    let history = parse(&history.body);
    assert_eq!(history.as_array().map(Vec::len), Some(2), "{history}");
    assert_eq!(history[1]["title"], article["current"]["title"]);
    // The version readers see now names who published it, as every older one does.
    assert_eq!(
        (&history[0]["current"], &history[0]["saved_by"]),
        (&json!(true), &json!("redaktore@example.lv")),
        "{history}"
    );
}

/// A title is text wherever a reader meets it, in the page's head too (leptos_meta writes
/// `<title>` as it is given it; `head_title` escapes it), in Latvian and in a translation.
#[tokio::test(flavor = "multi_thread")]
async fn a_title_with_markup_stays_text_in_the_page_head() {
    let site = Site::with_demo_content().await;
    let cookie = site.signed_in("redaktore@example.lv", Role::Editor).await;
    let article = open(&site, &cookie).await;
    let hostile = |start: &str| {
        format!(
            r#"{start} </title><meta http-equiv="refresh" content="0;url=https://evil.example/"><style>body{{display:none}}</style> & &lt;b&gt;"#
        )
    };
    let published = site
        .post_json(
            "/api/editing/publish_article",
            &save(&article, &hostile("Seminārs"), "<p>Teksts</p>", 0),
            Some(&cookie),
        )
        .await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.body);
    let stored = site
        .post_json(
            "/api/editing/get_translation",
            &json!({ "kind": "Article", "slug": LAUNCH, "lang": "En" }).to_string(),
            Some(&cookie),
        )
        .await;
    let version = parse(&stored.body)["text"]["version"].clone();
    let english = json!({ "save": {
        "kind": "Article", "slug": LAUNCH, "lang": "En",
        "fields": { "title": hostile("Seminar"), "lead": "", "body_html": "<p>Text</p>", "extra": "", "version": version },
    }});
    let translated = site
        .post_json(
            "/api/editing/save_translation",
            &english.to_string(),
            Some(&cookie),
        )
        .await;
    assert_eq!(translated.status, StatusCode::OK, "{}", translated.body);

    for (path, start) in [
        (format!("/news/{LAUNCH}"), "Seminārs"),
        (format!("/en/news/{LAUNCH}"), "Seminar"),
    ] {
        let (status, html) = site.get(&path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let page = Page::parse(&html);
        assert_eq!(
            page.title(),
            format!("{} — Notikumi", hostile(start)),
            "{path}"
        );
        assert_eq!(page.heading().0, hostile(start), "{path}");
        assert_eq!(
            page.count("meta[http-equiv]"),
            0,
            "{path}: markup in the head"
        );
        assert_eq!(
            page.count("head style, body style"),
            0,
            "{path}: markup in the head"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_conflicting_save_is_refused_and_changes_nothing() {
    let site = Site::with_demo_content().await;
    let anna = site.signed_in("anna@example.lv", Role::Editor).await;
    let janis = site.signed_in("janis@example.lv", Role::Editor).await;
    let seen_by_both = open(&site, &anna).await;

    let first = site
        .post_json(
            "/api/editing/save_draft",
            &save(&seen_by_both, "Annas virsraksts", "<p>Annas teksts</p>", 0),
            Some(&anna),
        )
        .await;
    assert_eq!(first.status, StatusCode::OK);
    for endpoint in ["save_draft", "publish_article"] {
        let second = site
            .post_json(
                &format!("/api/editing/{endpoint}"),
                &save(&seen_by_both, "Jāņa virsraksts", "<p>Jāņa teksts</p>", 0),
                Some(&janis),
            )
            .await;
        assert_eq!(
            second.status,
            StatusCode::CONFLICT,
            "{endpoint}: {}",
            second.body
        );
        assert!(second.body.contains("Conflict"));
    }
    let now = open(&site, &janis).await;
    assert_eq!(now["draft"]["fields"]["title"], "Annas virsraksts");
    assert_eq!(now["draft"]["saved_by"], "anna@example.lv");
    assert_eq!(
        now["version"], seen_by_both["version"],
        "nothing was published"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_fields_are_refused_next_to_the_field() {
    let site = Site::with_demo_content().await;
    let cookie = site.signed_in("anna@example.lv", Role::Editor).await;
    let article = open(&site, &cookie).await;
    let empty = site
        .post_json(
            "/api/editing/save_draft",
            &save(&article, "   ", "<p>x</p>", 0),
            Some(&cookie),
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("\"field\":\"title\""), "{}", empty.body);
    let huge = format!("<p>{}</p>", "a".repeat(250_000));
    let too_big = site
        .post_json(
            "/api/editing/save_draft",
            &save(&article, "Virsraksts", &huge, 0),
            Some(&cookie),
        )
        .await;
    assert_eq!(too_big.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_big.body.contains("\"field\":\"body\""));
    assert_eq!(
        open(&site, &cookie).await["draft"],
        Value::Null,
        "nothing was saved"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn deleting_moves_to_the_trash_and_everything_is_in_the_audit_log() {
    let site = Site::with_demo_content().await;
    let admin = site.signed_in("admin@example.lv", Role::Admin).await;
    let article = open(&site, &admin).await;
    let deleted = site
        .post_json(
            "/api/editing/delete_item",
            &json!({ "item": { "kind": "Article", "id": article["id"] } }).to_string(),
            Some(&admin),
        )
        .await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert_eq!(
        site.get(&format!("/news/{LAUNCH}")).await.0,
        StatusCode::NOT_FOUND
    );
    let desk = parse(
        &site
            .post_json("/api/editing/get_desk", "{}", Some(&admin))
            .await
            .body,
    );
    assert_eq!(desk["trash"][0]["slug"], LAUNCH);
    // An editor still at work on it is told where it went, and nothing is written.
    let edited = save(&article, "Vēl rediģēts", "<p>Teksts</p>", 0);
    let version = &article["version"];
    let at_work = vec![
        ("save_draft", edited.clone()),
        ("publish_article", edited),
        (
            "update_article_settings",
            json!({ "save": { "article_id": article["id"], "version": version,
                "category": "", "published": true } })
            .to_string(),
        ),
        (
            "restore_version",
            json!({ "item": { "kind": "Article", "id": article["id"] }, "version": 1,
                "expected_version": version })
            .to_string(),
        ),
    ];
    refused_as_in_trash(&site, at_work, &admin).await;
    restore_from_trash(&site, "Article", &article["id"], &admin).await;
    let restored = open(&site, &admin).await;
    assert_eq!(
        restored["draft"],
        Value::Null,
        "the refused save left no draft"
    );
    let saved = site
        .post_json(
            "/api/editing/save_draft",
            &save(&restored, "Vēl rediģēts", "<p>Teksts</p>", 0),
            Some(&admin),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let log = parse(
        &site
            .post_json(
                "/api/editing/get_audit_log",
                &json!({ "page": 1 }).to_string(),
                Some(&admin),
            )
            .await
            .body,
    );
    let actions: Vec<&str> = log["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .filter_map(|line| line["action"].as_str())
        .collect();
    assert_eq!(actions, vec!["changed", "restored", "deleted"]);
    assert_eq!(log["lines"][0]["actor"], "admin@example.lv");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_address_category_and_visibility_change_and_a_taken_address_is_refused() {
    let site = Site::with_demo_content().await;
    let cookie = site.signed_in("anna@example.lv", Role::Editor).await;
    let article = open(&site, &cookie).await;
    let item = json!({ "kind": "Article", "id": article["id"] });
    let address = |slug: &str, version: &Value| {
        json!({ "item": item, "version": version, "slug": slug }).to_string()
    };
    let settings = |category: &str, published: bool, version: &Value| {
        json!({ "save": {
            "article_id": article["id"], "version": version,
            "category": category, "published": published,
        }})
        .to_string()
    };
    let change_address = |body: String| {
        let (site, cookie) = (&site, &cookie);
        async move {
            site.post_json("/api/editing/change_address", &body, Some(cookie))
                .await
        }
    };
    let taken = change_address(address(
        "darba-inspektori-macas-atpazit-darba-ekspluataciju",
        &article["version"],
    ))
    .await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The answer names the message, so the browser can word it in the page's language.
    assert!(taken.body.contains("invalid-slug-taken"), "{}", taken.body);
    let year = change_address(address("2018", &article["version"])).await;
    assert_eq!(year.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Typed as words, the address is folded the way a title's is.
    let moved = change_address(address("Moldovas projekts", &article["version"])).await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    let moved = parse(&moved.body);
    assert_eq!(moved["slug"], "moldovas-projekts");
    let saved = site
        .post_json(
            "/api/editing/update_article_settings",
            &settings("sadarbiba", false, &moved["version"]),
            Some(&cookie),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert_eq!(
        site.get(&format!("/news/{LAUNCH}")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        site.get("/news/moldovas-projekts").await.0,
        StatusCode::NOT_FOUND,
        "unpublished: readers do not see it at the new address either"
    );
    // An editor whose page still has the old address (reopening it after a conflict) finds
    // the article where it is now.
    let janis = site.signed_in("janis@example.lv", Role::Editor).await;
    let reopened = open(&site, &janis).await;
    assert_eq!(reopened["id"], article["id"]);
    assert_eq!(reopened["slug"], "moldovas-projekts");
    let saved = parse(&saved.body);
    let republished = site
        .post_json(
            "/api/editing/update_article_settings",
            &settings("sadarbiba", true, &saved["version"]),
            Some(&cookie),
        )
        .await;
    assert_eq!(republished.status, StatusCode::OK);
    let (status, page) = site.get("/news/moldovas-projekts").await;
    assert_eq!(status, StatusCode::OK);
    assert!(Page::parse(&page).says("Sadarbība"), "its new category");

    // Links to the old address lead on to the new one, in their language, query kept.
    for (old, new) in [
        (format!("/news/{LAUNCH}"), "/news/moldovas-projekts"),
        (
            format!("/en/news/{LAUNCH}?utm=x"),
            "/en/news/moldovas-projekts?utm=x",
        ),
    ] {
        for method in [http::Method::GET, http::Method::HEAD] {
            let request = Request::builder().method(&method).uri(&old);
            let answer = site
                .send(request.body(Body::empty()).expect("request"))
                .await;
            assert_eq!(
                answer.status,
                StatusCode::PERMANENT_REDIRECT,
                "{method} {old}"
            );
            assert_eq!(answer.headers[header::LOCATION], new, "{method} {old}");
            // Asked again every time: the address may move on, or back.
            assert_eq!(answer.headers[header::CACHE_CONTROL], "no-cache");
        }
    }
    assert_eq!(
        site.get("/news/nekad-nav-bijis").await.0,
        StatusCode::NOT_FOUND
    );
}

/// The audit log says what a settings change did for readers: hid the article, showed it
/// again, or only changed its category.
#[tokio::test(flavor = "multi_thread")]
async fn a_settings_change_is_logged_as_what_it_did_for_readers() {
    use crate::racing::{ask, newsroom, open as open_article};
    use app::editing::{ArticleSettingsSave, UpdateArticleSettings};

    let (site, [anna, janis]) = newsroom().await;
    let article = open_article(&site, &anna).await;
    let settings = |published: bool, category: &str, version: i64| UpdateArticleSettings {
        save: ArticleSettingsSave {
            article_id: article.id,
            version,
            category: category.to_string(),
            published,
        },
    };
    let hidden = ask(&site, &settings(false, "projekti", article.version), &anna).await;
    let shown = ask(&site, &settings(true, "projekti", hidden.version), &anna).await;
    ask(&site, &settings(true, "sadarbiba", shown.version), &anna).await;

    let log = crate::racing::audit_page(&site, &janis, 1, None).await;
    let actions: Vec<&str> = log
        .lines
        .iter()
        .filter(|line| line.item == article.current.title)
        .map(|line| line.action.as_str())
        .collect();
    assert_eq!(
        actions,
        ["changed settings", "shown", "hidden"],
        "newest first"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_arguments_are_a_bad_request_not_a_server_error() {
    let site = Site::with_demo_content().await;
    let cookie = site.signed_in("anna@example.lv", Role::Editor).await;
    for body in [r#"{"slug": 5}"#, "{}", "not json"] {
        let answer = site
            .post_json("/api/editing/get_editable_article", body, Some(&cookie))
            .await;
        assert_eq!(
            answer.status,
            StatusCode::BAD_REQUEST,
            "{body}: {}",
            answer.body
        );
        assert!(answer.body.contains("BadRequest"), "{}", answer.body);
    }
}

// Events, images and translations, in files of their own.
mod addresses;
mod answers;
mod audit;
mod events;
mod media;
mod publishing;
mod restoring;
mod series;
mod translation_sources;
mod translations;

/// Each `(function, arguments)` of the editing API, called by the editor signed in with
/// `cookie` on an item another editor moved to the trash: answered 410, saying so.
async fn refused_as_in_trash(site: &Site, calls: Vec<(&str, String)>, cookie: &str) {
    for (function, arguments) in calls {
        let uri = format!("/api/editing/{function}");
        let refused = site.post_json(&uri, &arguments, Some(cookie)).await;
        assert_eq!(
            refused.status,
            StatusCode::GONE,
            "{function}: {}",
            refused.body
        );
        assert!(refused.body.contains("InTrash"), "{}", refused.body);
    }
}

/// Restores the item of `kind` (`"Article"`, `"Event"`) with `id` from the trash.
async fn restore_from_trash(site: &Site, kind: &str, id: &Value, cookie: &str) {
    let item = json!({ "item": { "kind": kind, "id": id } }).to_string();
    let restored = site
        .post_json("/api/editing/restore_item", &item, Some(cookie))
        .await;
    assert_eq!(restored.status, StatusCode::OK, "{}", restored.body);
}
