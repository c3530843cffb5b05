//! `/metrics`: Prometheus's text format, answered only to the allowed addresses (loopback by
//! default), counting requests, pages from memory and the database pool.

use axum::{body::Body, extract::ConnectInfo};
use http::{Request, StatusCode};

use crate::common::{Answer, Site};

async fn metrics_from(site: &Site, peer: Option<[u8; 4]>) -> Answer {
    let mut request = Request::get("/metrics")
        .body(Body::empty())
        .expect("request");
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
    assert!(sample(text, r#"notikumi_page_cache_total{result="miss"}"#).is_some());
    assert!(text.contains(r#"notikumi_request_seconds_bucket{kind="page",le="0.005"}"#));
    let open = sample(text, r#"notikumi_db_connections{state="open"}"#).expect("pool");
    assert!(open >= 1.0);

    for stranger in [None, Some([203, 0, 113, 1])] {
        let refused = metrics_from(&site, stranger).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{stranger:?}");
        assert!(!refused.body.contains("notikumi_"));
    }
}
