//! Headers every answer carries, whatever made it: no content-type sniffing, no framing by
//! other sites (clickjacking), referrers cut to the origin across sites, and HSTS when the
//! site's public address is https.
//!
//! The Content-Security-Policy lets scripts come only from the site itself (the page script
//! too, `page_script`), plus the inline scripts every page carries (Leptos's empty hydration
//! data, `app::app::inline_scripts`), named by their SHA-256: an injected `<script>` or `onclick=`
//! would not run even if it got past the sanitiser. Hashes rather than per-response nonces,
//! because reader pages are served from memory byte for byte; those texts are the same on
//! every page. WebAssembly needs `'wasm-unsafe-eval'` to be
//! compiled under a script policy. (JSON-LD blocks are data, which the policy does not cover.)
//! Images may come from any https address, as articles may show them; everything else comes
//! from the site.

use axum::{
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue},
    middleware::Next,
    response::Response,
};
use base64::{engine::general_purpose::STANDARD, Engine};
use sha2::{Digest, Sha256};

/// What the middleware adds, worked out once.
#[derive(Clone)]
pub struct Policy {
    content_security: HeaderValue,
    /// HSTS, when the public address is https.
    https: bool,
}

impl Policy {
    /// The policy for pages whose only inline scripts are `inline_scripts`.
    pub fn new(inline_scripts: &[&str], https: bool) -> Self {
        let hashes: Vec<String> = inline_scripts
            .iter()
            .map(|script| format!("'sha256-{}'", STANDARD.encode(Sha256::digest(script))))
            .collect();
        let hashes = hashes.join(" ");
        let policy = format!(
            "default-src 'self'; script-src 'self' {hashes} 'wasm-unsafe-eval'; \
             img-src 'self' data: blob: https:; style-src 'self' 'unsafe-inline'; \
             frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'"
        );
        Self {
            content_security: HeaderValue::from_str(&policy)
                .expect("a base64 hash makes a valid header value"),
            https,
        }
    }
}
const STRICT_TRANSPORT: HeaderValue = HeaderValue::from_static("max-age=31536000");

/// The middleware: adds each header the answer does not set itself.
pub async fn add(State(policy): State<Policy>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    policy.apply(response.headers_mut());
    response
}

impl Policy {
    /// Adds each header `headers` does not set itself (also to the pages `page_cache` keeps,
    /// which are answered before this layer next time).
    pub fn apply(&self, headers: &mut HeaderMap) {
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
            (
                header::CONTENT_SECURITY_POLICY,
                self.content_security.clone(),
            ),
        ];
        for (name, value) in always {
            headers.entry(name).or_insert(value);
        }
        if self.https {
            headers
                .entry(header::STRICT_TRANSPORT_SECURITY)
                .or_insert(STRICT_TRANSPORT);
        }
    }
}
