//! Images: uploads checked by content and size and served for good; no publishing without
//! alt text.

use super::*;

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
async fn a_database_that_does_not_answer_is_a_503_never_a_sign_in_again() {
    let site = Site::with_demo_content().await;
    let editor = site.signed_in("anna@example.lv", Role::Editor).await;
    let refused = upload(&site, png(10, 10), "image/png", Some(&editor)).await;
    assert_eq!(
        refused.status,
        StatusCode::OK,
        "uploads work: {}",
        refused.body
    );

    site.store.close().await;
    let upload = upload(&site, png(10, 10), "image/png", Some(&editor)).await;
    let function = site
        .post_json("/api/editing/get_desk", "{}", Some(&editor))
        .await;
    for (what, answer) in [("upload", upload), ("server function", function)] {
        assert_eq!(
            answer.status,
            StatusCode::SERVICE_UNAVAILABLE,
            "{what}: {}",
            answer.body
        );
        // One error shape for both: the `AppError` the browser words.
        assert_eq!(
            serde_json::from_str::<app::AppError>(&answer.body).expect("an AppError"),
            app::AppError::Unavailable,
            "{what}"
        );
    }
}
