//! Editing through the server functions: who may, conflicts that change nothing, sanitising,
//! validation, publishing, revisions, the trash and the audit log.

use app::auth::Role;
use http::StatusCode;
use serde_json::{json, Value};

use crate::common::Site;

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
        "article_id": article["id"],
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
            json!({ "save": { "article_id": 1, "fields": { "title": "X", "lead": "", "body_html": "", "contact": "" }, "base_version": 1, "draft_version": 0 } }),
        ),
        (
            "publish_article",
            json!({ "save": { "article_id": 1, "fields": { "title": "X", "lead": "", "body_html": "", "contact": "" }, "base_version": 1, "draft_version": 0 } }),
        ),
        ("create_article", json!({})),
        ("delete_article", json!({ "article_id": 1 })),
        ("restore_article", json!({ "article_id": 1 })),
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
            "get_translation",
            json!({ "kind": "Article", "slug": LAUNCH, "lang": "En" }),
        ),
        (
            "save_translation",
            json!({ "save": { "kind": "Article", "slug": LAUNCH, "lang": "En", "fields": { "title": "X", "lead": "", "body_html": "", "extra": "" } } }),
        ),
        ("get_audit_log", json!({ "page": 1 })),
    ];
    for (name, arguments) in calls {
        let answer = site
            .post_json(
                &format!("/api/editing/{name}"),
                &arguments.to_string(),
                None,
            )
            .await;
        assert_eq!(
            answer.status,
            StatusCode::UNAUTHORIZED,
            "{name}: {}",
            answer.body
        );
    }
    // Nothing changed: the article is as it was and nothing was created.
    let (_, page) = site.get(&format!("/news/{LAUNCH}")).await;
    assert!(page.contains("Lietuva un Latvija sniegs atbalstu Moldovai"));
    assert!(site
        .store
        .draft_articles()
        .await
        .expect("drafts")
        .is_empty());
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
        !public.contains("Melnraksta virsraksts"),
        "readers see the published version"
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
    assert!(public.contains("Publicētais virsraksts"));
    assert!(public.contains("Jauns teksts"));
    for payload in ["alert(1)", "onerror", "javascript:"] {
        assert!(!public.contains(payload), "{payload} survived");
    }
    let (_, search) = site.get("/search?q=publicetais").await;
    assert!(
        search.contains("Publicētais virsraksts"),
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
            "/api/editing/delete_article",
            &json!({ "article_id": article["id"] }).to_string(),
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
    let restored = site
        .post_json(
            "/api/editing/restore_article",
            &json!({ "article_id": article["id"] }).to_string(),
            Some(&admin),
        )
        .await;
    assert_eq!(restored.status, StatusCode::OK);
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
    let actions: Vec<&str> = log
        .as_array()
        .expect("lines")
        .iter()
        .filter_map(|line| line["action"].as_str())
        .collect();
    assert_eq!(actions, vec!["restored", "deleted"]);
    assert_eq!(log[0]["actor"], "admin@example.lv");
}

#[tokio::test(flavor = "multi_thread")]
async fn event_editing_refuses_anonymous_requests_and_checks_dates() {
    let site = Site::with_demo_content().await;
    for (name, arguments) in [
        ("get_editable_event", json!({ "slug": "x" })),
        (
            "save_event",
            event_save(&json!(1), &json!(1), 0, &event_fields()),
        ),
        (
            "save_event_draft",
            event_save(&json!(1), &json!(1), 0, &event_fields()),
        ),
        ("create_event", json!({ "day": "2020-08-04" })),
        ("move_event", json!({ "slug": "x", "day": "2020-08-05" })),
        ("delete_event", json!({ "event_id": 1 })),
    ] {
        let answer = site
            .post_json(
                &format!("/api/editing/{name}"),
                &arguments.to_string(),
                None,
            )
            .await;
        assert_eq!(
            answer.status,
            StatusCode::UNAUTHORIZED,
            "{name}: {}",
            answer.body
        );
    }

    let cookie = site.signed_in("anna@example.lv", Role::Editor).await;
    let created = site
        .post_json(
            "/api/editing/create_event",
            &json!({ "day": "2020-08-04" }).to_string(),
            Some(&cookie),
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.body);
    let slug: String = serde_json::from_str(&created.body).expect("slug");
    assert_eq!(
        site.get(&format!("/events/{slug}")).await.0,
        StatusCode::NOT_FOUND,
        "a new event is a draft"
    );
    let event = parse(
        &site
            .post_json(
                "/api/editing/get_editable_event",
                &json!({ "slug": slug }).to_string(),
                Some(&cookie),
            )
            .await
            .body,
    );
    let mut fields = event["fields"].clone();
    fields["title"] = json!("Seminārs Jelgavā");
    fields["end_time"] = json!("09:00");
    let backwards = site
        .post_json(
            "/api/editing/save_event",
            &event_save(&event["id"], &event["version"], 0, &fields).to_string(),
            Some(&cookie),
        )
        .await;
    assert_eq!(backwards.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        backwards.body.contains("\"field\":\"end_date\""),
        "{}",
        backwards.body
    );

    fields["end_time"] = json!("12:00");
    fields["published"] = json!(true);
    let saved = site
        .post_json(
            "/api/editing/save_event",
            &event_save(&event["id"], &event["version"], 0, &fields).to_string(),
            Some(&cookie),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let (_, august) = site.get("/calendar/2020/08").await;
    assert!(august.contains("Seminārs Jelgavā"));

    let moved = site
        .post_json(
            "/api/editing/move_event",
            &json!({ "slug": slug, "day": "2020-08-07" }).to_string(),
            Some(&cookie),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    let (_, day) = site.get("/calendar/2020/08/07").await;
    assert!(day.contains("Seminārs Jelgavā"));
    assert!(day.contains("10:00–12:00"), "the time of day stays");
    let stale = site
        .post_json(
            "/api/editing/save_event",
            &event_save(&event["id"], &event["version"], 0, &fields).to_string(),
            Some(&cookie),
        )
        .await;
    assert_eq!(
        stale.status,
        StatusCode::CONFLICT,
        "the move made this form stale"
    );

    // Beyond the calendar's years there is no day to move to: a message, not a crash.
    for day in ["+262142-12-31", "3000-01-01", "1899-12-31"] {
        let beyond = site
            .post_json(
                "/api/editing/move_event",
                &json!({ "slug": slug, "day": day }).to_string(),
                Some(&cookie),
            )
            .await;
        assert_eq!(
            beyond.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{day}: {}",
            beyond.body
        );
        assert!(beyond.body.contains("invalid-date"), "{}", beyond.body);
    }
    assert_eq!(site.get("/healthz").await.0, StatusCode::OK);
    let (_, day) = site.get("/calendar/2020/08/07").await;
    assert!(
        day.contains("Seminārs Jelgavā"),
        "the event stayed where it was"
    );
}

fn event_fields() -> Value {
    json!({ "title": "X", "summary": "", "body_html": "", "location": "", "category": "",
        "all_day": false, "start_date": "2020-08-04", "start_time": "10:00",
        "end_date": "2020-08-04", "end_time": "12:00", "published": true })
}

/// The body of a `save_event` or `save_event_draft` call.
fn event_save(id: &Value, version: &Value, draft_version: i64, fields: &Value) -> Value {
    json!({ "save": { "event_id": id, "version": version, "draft_version": draft_version, "fields": fields } })
}

#[tokio::test(flavor = "multi_thread")]
async fn event_drafts_stay_hidden_conflict_and_leave_a_history() {
    let site = Site::with_demo_content().await;
    let anna = site.signed_in("anna@example.lv", Role::Editor).await;
    let janis = site.signed_in("janis@example.lv", Role::Editor).await;
    let call = |name: &'static str, body: Value, cookie: &str| {
        let cookie = cookie.to_string();
        let site = &site;
        async move {
            site.post_json(
                &format!("/api/editing/{name}"),
                &body.to_string(),
                Some(&cookie),
            )
            .await
        }
    };
    let slug: String = serde_json::from_str(
        &call("create_event", json!({ "day": "2020-08-18" }), &anna)
            .await
            .body,
    )
    .expect("slug");
    let event = parse(
        &call("get_editable_event", json!({ "slug": slug }), &anna)
            .await
            .body,
    );
    let mut fields = event["fields"].clone();
    fields["title"] = json!("Konference Daugavpilī");
    fields["published"] = json!(true);
    let published = call(
        "save_event",
        event_save(&event["id"], &event["version"], 0, &fields),
        &anna,
    )
    .await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.body);
    let version = parse(&published.body)["version"].clone();

    fields["title"] = json!("Konference Daugavpilī un Rēzeknē");
    let draft = call(
        "save_event_draft",
        event_save(&event["id"], &version, 0, &fields),
        &anna,
    )
    .await;
    assert_eq!(draft.status, StatusCode::OK, "{}", draft.body);
    assert_eq!(parse(&draft.body)["draft_version"], 1);
    let (_, page) = site.get(&format!("/events/{slug}")).await;
    assert!(
        page.contains("Konference Daugavpilī"),
        "readers see the saved event"
    );
    assert!(!page.contains("un Rēzeknē"), "readers never see the draft");
    let reopened = parse(
        &call("get_editable_event", json!({ "slug": slug }), &janis)
            .await
            .body,
    );
    assert_eq!(
        reopened["draft"]["fields"]["title"],
        "Konference Daugavpilī un Rēzeknē"
    );
    assert_eq!(reopened["draft"]["saved_by"], "anna@example.lv");

    // Jānis started before Anna's draft: his draft save and his save are both refused.
    let mut his = fields.clone();
    his["location"] = json!("Rēzekne");
    for name in ["save_event_draft", "save_event"] {
        let refused = call(name, event_save(&event["id"], &version, 0, &his), &janis).await;
        assert_eq!(
            refused.status,
            StatusCode::CONFLICT,
            "{name}: {}",
            refused.body
        );
    }
    let stored = parse(
        &call("get_editable_event", json!({ "slug": slug }), &anna)
            .await
            .body,
    );
    assert_eq!(
        stored["draft"]["fields"]["location"], "",
        "nothing of his was written"
    );

    let saved = call(
        "save_event",
        event_save(&event["id"], &version, 1, &fields),
        &anna,
    )
    .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let latest = parse(&saved.body)["version"].clone();
    let after = parse(
        &call("get_editable_event", json!({ "slug": slug }), &anna)
            .await
            .body,
    );
    assert!(
        after["draft"].is_null(),
        "saving the event used up its draft"
    );

    let item = json!({ "kind": "Event", "id": event["id"] });
    let history = parse(
        &call("get_history", json!({ "item": item }), &janis)
            .await
            .body,
    );
    let titles: Vec<&str> = history
        .as_array()
        .expect("versions")
        .iter()
        .filter_map(|v| v["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        vec![
            "Konference Daugavpilī un Rēzeknē",
            "Konference Daugavpilī",
            "Jauns notikums"
        ]
    );
    assert_eq!(history[1]["saved_by"], "anna@example.lv");
    let comparison = call(
        "compare_versions",
        json!({ "item": item, "older": version, "newer": latest }),
        &janis,
    )
    .await;
    assert!(
        comparison.body.contains("{\"Added\":\" un Rēzeknē\"}"),
        "{}",
        comparison.body
    );
    let restored = call(
        "restore_version",
        json!({ "item": item, "version": version, "expected_version": latest }),
        &janis,
    )
    .await;
    assert_eq!(restored.status, StatusCode::OK, "{}", restored.body);
    let (_, page) = site.get(&format!("/events/{slug}")).await;
    assert!(!page.contains("un Rēzeknē"), "the earlier title is back");

    // A draft written before the event was moved must not move it back when saved.
    let current = parse(
        &call("get_editable_event", json!({ "slug": slug }), &anna)
            .await
            .body,
    );
    let base = current["version"].clone();
    let draft = call(
        "save_event_draft",
        event_save(&event["id"], &base, 0, &current["fields"]),
        &anna,
    )
    .await;
    assert_eq!(draft.status, StatusCode::OK, "{}", draft.body);
    let moved = call(
        "move_event",
        json!({ "slug": slug, "day": "2020-08-19" }),
        &janis,
    )
    .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    let reopened = parse(
        &call("get_editable_event", json!({ "slug": slug }), &anna)
            .await
            .body,
    );
    assert_eq!(
        reopened["draft"]["base_version"], base,
        "the draft names the version it was written on"
    );
    assert_ne!(reopened["version"], base);
    let stale = call(
        "save_event",
        event_save(
            &event["id"],
            &reopened["draft"]["base_version"],
            1,
            &reopened["draft"]["fields"],
        ),
        &anna,
    )
    .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    let (_, day) = site.get("/calendar/2020/08/19").await;
    assert!(day.contains("Konference Daugavpilī"), "the move stands");
}

/// A small PNG, made here so the test needs no fixture file.
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    let picture = image::RgbImage::from_fn(width, height, |x, _| image::Rgb([x as u8, 120, 60]));
    picture
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .expect("encode");
    bytes
}

async fn upload(
    site: &Site,
    body: Vec<u8>,
    content_type: &str,
    cookie: Option<&str>,
) -> crate::common::Answer {
    let mut request = http::Request::post("/api/media")
        .header(http::header::CONTENT_TYPE, content_type)
        .header(http::header::ORIGIN, crate::common::ORIGIN);
    if let Some(cookie) = cookie {
        request = request.header(http::header::COOKIE, cookie);
    }
    site.send(request.body(axum::body::Body::from(body)).expect("request"))
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn image_uploads_are_checked_by_content_and_size_and_served_for_good() {
    let site = Site::with_demo_content().await;
    let anonymous = upload(&site, png(600, 400), "image/png", None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);

    let cookie = site.signed_in("anna@example.lv", Role::Editor).await;
    let lying = upload(
        &site,
        b"<html><script>alert(1)</script></html>".to_vec(),
        "image/jpeg",
        Some(&cookie),
    )
    .await;
    assert_eq!(lying.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // The refusal is a catalogue message, worded by the editor's browser.
    assert!(
        lying.body.contains(r#""id":"upload-not-an-image""#),
        "{}",
        lying.body
    );

    let mut huge = png(10, 10);
    huge.resize(app::editing::upload::MAX_UPLOAD_BYTES + 10, 0);
    let too_big = upload(&site, huge, "image/png", Some(&cookie)).await;
    assert_eq!(too_big.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        too_big.body.contains(r#""id":"upload-too-large""#),
        "{}",
        too_big.body
    );

    let stored = upload(&site, png(600, 400), "image/png", Some(&cookie)).await;
    assert_eq!(stored.status, StatusCode::OK, "{}", stored.body);
    let stored = parse(&stored.body);
    assert_eq!(stored["width"], 600);
    let srcset = stored["srcset"].as_str().expect("srcset");
    assert!(
        srcset.contains("-480.png 480w") && srcset.ends_with("600w"),
        "{srcset}"
    );
    let src = stored["src"].as_str().expect("src");
    let served = site
        .send(
            http::Request::get(src)
                .body(axum::body::Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(
        served
            .headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
        Some("image/png")
    );
    assert!(served
        .headers
        .get(http::header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("immutable")));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_image_without_alt_text_cannot_be_published() {
    let site = Site::with_demo_content().await;
    let cookie = site.signed_in("anna@example.lv", Role::Editor).await;
    let article = open(&site, &cookie).await;
    let without = site
        .post_json(
            "/api/editing/publish_article",
            &save(
                &article,
                "Virsraksts",
                r#"<p>x</p><img src="/media/a.png">"#,
                0,
            ),
            Some(&cookie),
        )
        .await;
    assert_eq!(without.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(without.body.contains("alt"), "{}", without.body);
    let with = site
        .post_json(
            "/api/editing/publish_article",
            &save(
                &article,
                "Virsraksts",
                r#"<p>x</p><img src="/media/a.png" alt="Dalībnieki">"#,
                0,
            ),
            Some(&cookie),
        )
        .await;
    assert_eq!(with.status, StatusCode::OK, "{}", with.body);
}

#[tokio::test(flavor = "multi_thread")]
async fn settings_change_the_address_category_and_visibility_and_refuse_a_taken_address() {
    let site = Site::with_demo_content().await;
    let cookie = site.signed_in("anna@example.lv", Role::Editor).await;
    let article = open(&site, &cookie).await;
    let settings = |slug: &str, category: &str, published: bool, version: &Value| {
        json!({ "save": {
            "article_id": article["id"], "version": version, "slug": slug,
            "category": category, "published": published,
        }})
        .to_string()
    };
    let taken = site
        .post_json(
            "/api/editing/update_article_settings",
            &settings(
                "darba-inspektori-macas-atpazit-darba-ekspluataciju",
                "",
                true,
                &article["version"],
            ),
            Some(&cookie),
        )
        .await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The answer names the message, so the browser can word it in the page's language.
    assert!(taken.body.contains("invalid-slug-taken"), "{}", taken.body);
    let year = site
        .post_json(
            "/api/editing/update_article_settings",
            &settings("2018", "", true, &article["version"]),
            Some(&cookie),
        )
        .await;
    assert_eq!(year.status, StatusCode::UNPROCESSABLE_ENTITY);

    let saved = site
        .post_json(
            "/api/editing/update_article_settings",
            &settings("moldovas-projekts", "sadarbiba", false, &article["version"]),
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
    let saved = parse(&saved.body);
    let republished = site
        .post_json(
            "/api/editing/update_article_settings",
            &settings("moldovas-projekts", "sadarbiba", true, &saved["version"]),
            Some(&cookie),
        )
        .await;
    assert_eq!(republished.status, StatusCode::OK);
    let (status, page) = site.get("/news/moldovas-projekts").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Sadarbība"));
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

#[tokio::test(flavor = "multi_thread")]
async fn editors_translate_articles_and_events_and_readers_see_the_translation() {
    let site = Site::with_demo_content().await;
    let cookie = site.signed_in("anna@example.lv", Role::Editor).await;
    let save_at = |kind: &str, slug: &str, lang: &str, title: &str, body: &str, version: i64| {
        json!({ "save": { "kind": kind, "slug": slug, "lang": lang, "fields": {
            "title": title, "lead": "Lead.", "body_html": body, "extra": "", "version": version } } })
        .to_string()
    };
    let save = |kind: &str, slug: &str, lang: &str, title: &str, body: &str| {
        save_at(kind, slug, lang, title, body, 0)
    };
    let saved = site
        .post_json(
            "/api/editing/save_translation",
            // The demo content has version 1 of the English translation.
            &save_at(
                "Article",
                LAUNCH,
                "En",
                "Inspectors learn to spot exploitation",
                "<p>Text</p><script>alert(1)</script>",
                1,
            ),
            Some(&cookie),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert!(saved.body.contains("\"version\":2"), "{}", saved.body);
    // A second translator who also started from version 1 is refused, and told which is
    // stored; the first translation stays.
    let other = site.signed_in("peteris@example.lv", Role::Editor).await;
    for (version, who) in [(1, &other), (0, &other)] {
        let stale = site
            .post_json(
                "/api/editing/save_translation",
                &save_at(
                    "Article",
                    LAUNCH,
                    "En",
                    "Overwritten",
                    "<p>Lost</p>",
                    version,
                ),
                Some(who),
            )
            .await;
        assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
        assert!(
            stale.body.contains("\"current_version\":2"),
            "{}",
            stale.body
        );
    }
    let theirs = site
        .post_json(
            "/api/editing/get_translation",
            &json!({ "kind": "Article", "slug": LAUNCH, "lang": "En" }).to_string(),
            Some(&other),
        )
        .await;
    assert_eq!(theirs.status, StatusCode::OK, "{}", theirs.body);
    assert!(theirs
        .body
        .contains("Inspectors learn to spot exploitation"));
    assert!(theirs.body.contains("\"version\":2"), "{}", theirs.body);
    let (_, english) = site.get(&format!("/en/news/{LAUNCH}")).await;
    // The English feed carries the new version as an update.
    let (_, feed) = site.get("/en/feed.xml").await;
    let feed = atom_syndication::Feed::read_from(feed.as_bytes()).expect("valid Atom");
    let entry = feed
        .entries
        .iter()
        .find(|entry| entry.id.ends_with(LAUNCH))
        .expect("the article");
    assert_eq!(entry.title.value, "Inspectors learn to spot exploitation");
    let age = chrono::Utc::now() - entry.updated.with_timezone(&chrono::Utc);
    assert!(
        age < chrono::Duration::minutes(1),
        "updated just now, not {age} ago"
    );
    assert!(english.contains("Inspectors learn to spot exploitation"));
    assert!(!english.contains("alert(1)"), "the body was sanitised");
    let (_, latvian) = site.get(&format!("/news/{LAUNCH}")).await;
    assert!(
        !latvian.contains("Inspectors learn"),
        "the original stays as it was"
    );

    let latvian_target = site
        .post_json(
            "/api/editing/save_translation",
            &save("Article", LAUNCH, "Lv", "X", ""),
            Some(&cookie),
        )
        .await;
    assert_eq!(latvian_target.status, StatusCode::UNPROCESSABLE_ENTITY);
    let untitled = site
        .post_json(
            "/api/editing/save_translation",
            &save("Article", LAUNCH, "Ru", "  ", ""),
            Some(&cookie),
        )
        .await;
    assert_eq!(untitled.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        untitled.body.contains("\"field\":\"title\""),
        "{}",
        untitled.body
    );
    let unknown = site
        .post_json(
            "/api/editing/save_translation",
            &save("Event", "nav-tada", "Ru", "X", ""),
            Some(&cookie),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);

    let event = site
        .post_json(
            "/api/editing/save_translation",
            &save(
                "Event",
                "vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos",
                "Ru",
                "Вебинар о фальшивых вакансиях",
                "<p>Текст</p>",
            ),
            Some(&cookie),
        )
        .await;
    assert_eq!(event.status, StatusCode::OK, "{}", event.body);
    let (_, russian) = site
        .get("/ru/events/vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos")
        .await;
    assert!(russian.contains("Вебинар о фальшивых вакансиях"));
}
