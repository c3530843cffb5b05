//! The server's limits: a request that takes too long is answered 408 when the client was
//! still sending its body and 503 when the server was the slow one, and when every place is
//! taken the next request is answered 503 with
//! `Retry-After` at once instead of waiting in a queue without end.

use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use futures_util::FutureExt;
use http::{header, Request, StatusCode};
use server::config::Serving;

use crate::common::{Site, ORIGIN};

/// A sign-in whose body never arrives, like a client that stops sending.
fn stalled_sign_in() -> Request<Body> {
    let never = futures_util::stream::pending::<Result<Bytes, std::io::Error>>();
    Request::post("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, ORIGIN)
        .body(Body::from_stream(never))
        .expect("request")
}

#[tokio::test]
async fn a_request_that_takes_too_long_is_answered_408() {
    let site = Site::with_limits(Serving {
        request_timeout: Duration::from_millis(300),
        ..Serving::default()
    })
    .await;
    let started = Instant::now();
    let answer = tokio::time::timeout(Duration::from_secs(10), site.send(stalled_sign_in()))
        .await
        .expect("answered, not left waiting");
    assert_eq!(answer.status, StatusCode::REQUEST_TIMEOUT);
    assert!(started.elapsed() < Duration::from_secs(5));
    let (status, _) = site.get("/healthz").await;
    assert_eq!(status, StatusCode::OK, "the server goes on");
}

#[tokio::test]
async fn a_request_the_server_is_too_slow_for_is_told_to_come_back() {
    // No page renders in a millisecond in a test build; the request itself arrived whole.
    let site = Site::with_limits(Serving {
        request_timeout: Duration::from_millis(1),
        ..Serving::default()
    })
    .await;
    let answer = site
        .send(
            Request::get("/calendar/2020/08?category=izglitiba")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        answer
            .headers
            .get(header::RETRY_AFTER)
            .map(|v| v.as_bytes()),
        Some(&b"5"[..])
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_every_place_taken_the_next_request_is_told_to_come_back() {
    let site = Site::with_limits(Serving {
        max_requests: 1,
        ..Serving::default()
    })
    .await;
    // The stalled request is polled from this task only, between probes, so a probe can never
    // take the place first and leave the holder refused.
    let mut holder = Box::pin(site.send(stalled_sign_in()));
    // (`/metrics` takes a place like any request not served from memory; without an allowed
    // address it is a 403.)
    let metrics = || {
        Request::get("/metrics")
            .body(Body::empty())
            .expect("request")
    };
    let mut refused = None;
    for _ in 0..100 {
        assert!(
            (&mut holder).now_or_never().is_none(),
            "the stalled request is still waiting for its body"
        );
        let answer = site.send(metrics()).await;
        if answer.status == StatusCode::SERVICE_UNAVAILABLE {
            refused = Some(answer);
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let refused = refused.expect("a request beyond the limit is refused");
    assert_eq!(refused.headers[header::RETRY_AFTER], "2");
    assert!(refused.body.contains("pārslogots"), "{}", refused.body);
    let (status, _) = site.get("/healthz").await;
    assert_eq!(status, StatusCode::OK, "a busy instance is not a dead one");

    drop(holder);
    let answer = site.send(metrics()).await;
    assert_eq!(
        answer.status,
        StatusCode::FORBIDDEN,
        "the place is free again"
    );
}

/// A body of several megabytes (an image pasted as data into the editor) is refused with a
/// message naming the limit, as a body over 200 kB is, and the draft saved before stays.
#[tokio::test(flavor = "multi_thread")]
async fn a_save_of_megabytes_is_refused_naming_the_limit() {
    use crate::racing::{article_save, ask, call, newsroom, open};
    use app::{editing::SaveDraft, error::AppError, i18n::Lang};

    let (site, [anna, _]) = newsroom().await;
    let article = open(&site, &anna).await;
    let kept = article_save(&article, "Saglabātais melnraksts", "Teksts");
    ask(&site, &SaveDraft { save: kept }, &anna).await;
    let opened = open(&site, &anna).await;
    let pasted = format!(
        r#"<img alt="Plakāts" src="data:image/png;base64,{}">"#,
        "A".repeat(3_000_000)
    );
    let save = article_save(&opened, "Melnraksts ar attēlu", &pasted);
    let refused = call(&SaveDraft { save }, &anna).send(&site).await;
    assert_eq!(refused.status, StatusCode::PAYLOAD_TOO_LARGE);
    let error: AppError = serde_json::from_str(&refused.body).expect("the site's error");
    assert!(
        matches!(error, AppError::TooLarge { size_kb, max_kb: 2000 } if size_kb >= 3000),
        "{error:?}"
    );
    assert!(
        error
            .describe(Lang::En)
            .contains("Insert images with the image button"),
        "{error}"
    );
    let draft = open(&site, &anna).await.draft.expect("the draft");
    assert_eq!(draft.fields.title, "Saglabātais melnraksts");
}
