//! Oversized and hostile request headers.

use super::{uploads::encoded, *};

/// Header values nobody sends: two megabytes, bytes that are not text, nonsense numbers.
#[rustfmt::skip]
fn hostile_headers() -> Vec<(&'static str, Vec<u8>)> {
    let big = "a".repeat(2 << 20);
    vec![
        ("cookie", format!("notikumi_session={big}").into_bytes()),
        ("cookie", b"notikumi_session=\xFF\xFE%00; notikumi_session=' OR 1=1 --".to_vec()),
        ("accept-language", big.clone().into_bytes()),
        ("accept-language", b"<script>;q=NaN, ru;q=99999999999999999999, *;q=-1".to_vec()),
        ("user-agent", big.clone().into_bytes()),
        ("x-forwarded-for", b"' OR 1=1 --, ../../etc/passwd, \xFF".to_vec()),
        ("origin", big.into_bytes()),
        ("origin", b"null".to_vec()),
        ("content-type", b"application/json; charset=utf-16".to_vec()),
        ("accept", b"text/html;q=NaN, */*;q=99999999999999999999".to_vec()),
        ("accept-encoding", b"gzip;q=NaN, br;q=-1, deflate;q=99999999999999999999".to_vec()),
        ("if-modified-since", b"Sat, 99 Foo 99999 99:99:99 GMT".to_vec()),
        ("range", b"bytes=99999999999999999999-, -0, 5-1".to_vec()),
        ("host", b"../../etc/passwd%00".to_vec()),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn oversized_and_hostile_headers_are_refused_or_ignored() {
    let site = Site::with_demo_content().await;
    let editor = site.signed_in(EDITOR, Role::Editor).await;
    let mut tally = Tally::default();
    let png = encoded(2, 2, ImageFormat::Png);
    let targets = [
        (Method::GET, "/", "", Vec::new()),
        (Method::GET, "/calendar/2020/08", "", Vec::new()),
        (
            Method::GET,
            "/api/events?start=2021-01-01&end=2021-02-01",
            "",
            Vec::new(),
        ),
        (Method::GET, "/robots.txt", "", Vec::new()),
        (Method::POST, GetDesk::PATH, JSON, b"{}".to_vec()),
        (Method::POST, "/api/media", "image/png", png),
    ];
    for (name, value) in hostile_headers() {
        for (method, uri, content_type, body) in &targets {
            let mut request = request(
                method.clone(),
                uri,
                content_type,
                Some(&editor),
                body.clone(),
            );
            let value = HeaderValue::from_bytes(&value).expect("header value");
            request
                .headers_mut()
                .insert(HeaderName::from_static(name), value);
            tally
                .send(
                    &site,
                    &format!("{method} {uri} with a hostile {name}"),
                    request,
                )
                .await;
        }
    }
    tally.finish("headers");
}
