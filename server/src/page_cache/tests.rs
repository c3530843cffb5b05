use super::*;

fn accepting(value: &str) -> Encoding {
    let mut headers = HeaderMap::new();
    headers.insert(
        header::ACCEPT_ENCODING,
        HeaderValue::from_str(value).expect("a valid header"),
    );
    Encoding::accepted(&headers)
}

#[test]
fn the_best_accepted_coding_is_chosen() {
    assert_eq!(accepting("gzip, deflate, br, zstd"), Encoding::Brotli);
    assert_eq!(accepting("gzip"), Encoding::Gzip);
    assert_eq!(accepting("br;q=0, gzip;q=0.5"), Encoding::Gzip);
    assert_eq!(accepting("identity"), Encoding::Identity);
    assert_eq!(accepting("*"), Encoding::Brotli);
    assert_eq!(
        accepting("br;q=0, *"),
        Encoding::Gzip,
        "a refusal beats the star"
    );
    assert_eq!(accepting("*;q=0, gzip"), Encoding::Gzip);
    assert_eq!(Encoding::accepted(&HeaderMap::new()), Encoding::Identity);
}

#[test]
fn if_none_match_lists_are_read_like_browsers_send_them() {
    let etag = HeaderValue::from_static("\"abc\"");
    let names = |value: &'static str| names_tag(&HeaderValue::from_static(value), &etag);
    assert!(names("\"abc\""));
    assert!(names("\"x\", W/\"abc\""));
    assert!(names("*"));
    assert!(!names("\"abcd\""));
    assert!(!names("abc"));
}

#[test]
fn pages_and_feeds_are_cached_and_files_and_functions_are_not() {
    for page in [
        "/",
        "/en/calendar/2020/08",
        "/api/events",
        "/feed.xml",
        "/sitemap.xml",
        "/sitemaps/1.xml",
    ] {
        assert!(is_page(page), "{page}");
    }
    for other in [
        "/pkg/notikumi.wasm",
        "/media/ab12.webp",
        "/api/editing/save_draft",
        "/healthz",
        "/favicon.svg",
    ] {
        assert!(!is_page(other), "{other}");
    }
}

#[test]
fn a_tag_is_the_same_for_the_same_bytes_and_differs_otherwise() {
    assert_eq!(entity_tag(b"lapa"), entity_tag(b"lapa"));
    assert_ne!(entity_tag(b"lapa"), entity_tag(b"lapas"));
}

#[test]
fn two_renders_of_the_same_content_are_the_same_bytes_whatever_their_nonces() {
    let render = |nonce: &str| {
        Bytes::from(format!(
            r#"<html><head><script nonce="{nonce}">hydrate()</script></head><body><p>Teksts ar nonce="nē"</p><script type="module" nonce="{nonce}">load()</script></body></html>"#
        ))
    };
    let (one, other) = (
        without_nonces(render("a1b2")),
        without_nonces(render("c3d4e5")),
    );
    assert_eq!(one, other);
    assert_eq!(entity_tag(&one), entity_tag(&other));
    assert_eq!(
        one,
        Bytes::from(
            r#"<html><head><script>hydrate()</script></head><body><p>Teksts ar nonce="nē"</p><script type="module">load()</script></body></html>"#
        ),
        "only the attributes go"
    );
    let plain = Bytes::from_static(b"<p>nothing to take</p>");
    assert_eq!(without_nonces(plain.clone()), plain);
}
