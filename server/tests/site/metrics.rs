//! `/metrics`: Prometheus's text format, answered only to the allowed addresses (loopback by
//! default), counting requests, pages from memory and the database pool.

use axum::{body::Body, extract::ConnectInfo};
use http::{Request, StatusCode};

use crate::common::{Answer, Site};

async fn metrics_from(site: &Site, peer: Option<[u8; 4]>) -> Answer {
    metrics_forwarded(site, peer, &[]).await
}

/// `/metrics` from `peer`, with these `X-Forwarded-For` values.
async fn metrics_forwarded(site: &Site, peer: Option<[u8; 4]>, forwarded: &[&str]) -> Answer {
    let mut request = Request::get("/metrics");
    for value in forwarded {
        request = request.header("x-forwarded-for", *value);
    }
    let mut request = request.body(Body::empty()).expect("request");
    if let Some(peer) = peer {
        request
            .extensions_mut()
            .insert(ConnectInfo(std::net::SocketAddr::from((peer, 40_000))));
    }
    site.send(request).await
}

/// The value of the sample named exactly `series` (name and labels), if there is one.
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.trim().parse().ok())
}

#[tokio::test]
async fn metrics_count_requests_and_pages_from_memory_for_loopback_only() {
    let site = Site::with_demo_content().await;
    for _ in 0..3 {
        let (status, _) = site.get("/calendar/2020/08").await;
        assert_eq!(status, StatusCode::OK);
    }
    let answer = metrics_from(&site, Some([127, 0, 0, 1])).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.headers[http::header::CONTENT_TYPE]
        .to_str()
        .expect("text")
        .starts_with("text/plain; version=0.0.4"));
    let text = &answer.body;
    let pages = sample(text, r#"notikumi_requests_total{kind="page",status="200"}"#)
        .expect("pages are counted");
    assert!(pages >= 3.0, "{text}");
    let hits = sample(text, r#"notikumi_page_cache_total{result="hit"}"#).expect("hits");
    assert!(hits >= 2.0, "two of three came from memory: {text}");
    let misses = sample(text, r#"notikumi_page_cache_total{result="miss"}"#).expect("misses");
    assert!(misses >= 1.0, "the first was rendered: {text}");
    let timed = sample(text, r#"notikumi_request_seconds_count{kind="page"}"#).expect("timed");
    assert!(timed >= 3.0, "each page's time is kept: {text}");
    // Kinds and statuses not seen yet are listed at 0, so a dashboard's rates start at once.
    let unseen = r#"notikumi_requests_total{kind="media",status="409"}"#;
    assert_eq!(sample(text, unseen), Some(0.0), "{text}");
    let open = sample(text, r#"notikumi_db_connections{state="open"}"#).expect("pool");
    assert!(open >= 1.0);

    for stranger in [None, Some([203, 0, 113, 1])] {
        let refused = metrics_from(&site, stranger).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{stranger:?}");
        assert!(!refused.body.contains("notikumi_"));
    }
}

/// Behind nginx on the same machine every request comes from loopback: the client the
/// trusted proxy names is judged, so a reader out there is refused.
#[tokio::test]
async fn through_a_trusted_proxy_metrics_judge_the_client_it_names() {
    let site = Site::with_limits(server::config::Serving {
        trusted_proxies: server::client_address::TrustedProxies::parse("127.0.0.1")
            .expect("an address"),
        ..server::config::Serving::default()
    })
    .await;
    let reader = metrics_forwarded(&site, Some([127, 0, 0, 1]), &["203.0.113.7"]).await;
    assert_eq!(reader.status, StatusCode::FORBIDDEN);
    assert!(!reader.body.contains("notikumi_"));
    let prometheus = metrics_forwarded(&site, Some([127, 0, 0, 1]), &[]).await;
    assert_eq!(
        prometheus.status,
        StatusCode::OK,
        "the machine itself still may"
    );
    // Someone who is not the proxy cannot name loopback as their address.
    let pretender = metrics_forwarded(&site, Some([203, 0, 113, 7]), &["127.0.0.1"]).await;
    assert_eq!(pretender.status, StatusCode::FORBIDDEN);
    // Nor does an entry that is no address leave the proxy's own address to be judged.
    for garbage in ["unknown", "203.0.113.7:40123"] {
        let unclear = metrics_forwarded(&site, Some([127, 0, 0, 1]), &[garbage]).await;
        assert_eq!(unclear.status, StatusCode::FORBIDDEN, "{garbage}");
    }
}
