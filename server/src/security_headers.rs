//! Headers every answer carries, whatever made it: no content-type sniffing, no framing by
//! other sites (clickjacking), referrers cut to the origin across sites, and HSTS when the
//! site's public address is https.
//!
//! The Content-Security-Policy holds what the pages satisfy as they are; a script policy
//! without `unsafe-inline` needs nonces or hashes for the inline hydration and loader scripts,
//! which is still to do (see the README).

use axum::{
    extract::{Request, State},
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};

const POLICY: HeaderValue = HeaderValue::from_static(
    "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'",
);
const STRICT_TRANSPORT: HeaderValue = HeaderValue::from_static("max-age=31536000");

/// The middleware; `https` says whether the public URL is https (then HSTS is sent too).
pub async fn add(State(https): State<bool>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let always = [
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (header::CONTENT_SECURITY_POLICY, POLICY),
    ];
    for (name, value) in always {
        headers.entry(name).or_insert(value);
    }
    if https {
        headers
            .entry(header::STRICT_TRANSPORT_SECURITY)
            .or_insert(STRICT_TRANSPORT);
    }
    response
}
