//! Reader pages from memory: an anonymous `GET` of a page or feed is rendered once per content
//! generation and day, then answered from memory, compressed once, with an `ETag` (and `304 Not
//! Modified` when the browser has it already).
//!
//! - **Key:** the store's content generation (`app::storage::changes`: it moves on after every
//!   committed content write, on any instance), today's date in Riga (pages that show "today"
//!   change with the day), the encoding the reader accepts, and the path with its
//!   language prefix and query. A page rendered from data read before a write is stored under
//!   the old generation and never served again, so no write can be shadowed by a render that
//!   raced it.
//! - **Never cached:** requests with a session cookie (editors see their tools and drafts;
//!   their answers are `private, no-store`), answers that set a cookie or are not `200 OK`,
//!   static files (`/pkg`, `/media`: files with their own headers), `/api/…` other than the
//!   events feed, and the health checks.
//! - **One render per page:** of the requests that miss the same page at the same time (the
//!   front page just after a publish, on a news day), one renders it and the others wait for
//!   its answer (quick_cache's placeholder guard). When that answer cannot be kept, every
//!   waiter renders its own, at once.
//! - **Bounded:** by bytes (`NOTIKUMI_PAGE_CACHE_MB`), with quick_cache's CLOCK-Pro eviction,
//!   so a scan of rarely asked URLs does not push out the pages readers ask for; a page is
//!   also served for `TIME_TO_LIVE` at most.
//! - **Why quick_cache:** a hit is a read lock on one shard, where moka's lookup recorded
//!   each read for its admission policy: about 0.5 µs a request, a tenth of all the
//!   server's work for a small answer (`BENCHMARKS.md`).
//! - **The clock within a day:** the front page's upcoming events and `/calendar/list` leave
//!   out an event once it has ended, which no write announces; `TIME_TO_LIVE` is a minute, so
//!   such a page is at most that late. A render a minute per page costs nothing next to the
//!   hits, and its bytes (so its `ETag`) are the same when nothing changed.

use std::{
    sync::{atomic::Ordering, Arc},
    time::{Duration, Instant},
};

use app::{auth::session, state::AppState, storage::SharedStore, timezone};
use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{header, request::Parts, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::Response,
};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::security_headers::Policy;
use kept::{Found, Kept, Unkept};

/// How long a stored page may be served at most, whatever happens: how late a list of what is
/// still to come may drop an event that has just ended.
const TIME_TO_LIVE: Duration = Duration::from_secs(60);
/// Answers larger than this are served but not kept.
const LARGEST_PAGE: usize = 4 * 1024 * 1024;
/// Reader pages: browsers check every time (cheaply, with the `ETag`), so one who signs in
/// never sees a page kept from before; a shared cache may keep them for a minute.
const PUBLIC: HeaderValue = HeaderValue::from_static("public, max-age=0, s-maxage=60");
/// Pages for a signed-in editor, and answers that set a cookie: kept by nobody.
const PRIVATE: HeaderValue = HeaderValue::from_static("private, no-store");
/// A shared cache must keep editors' and readers' answers, and each encoding, apart.
const VARY: HeaderValue = HeaderValue::from_static("accept-encoding, cookie");

/// The pages in memory, shared by every request. One `Arc`: the middleware's state is cloned
/// for every request.
#[derive(Clone)]
pub struct PageCache(Arc<Shared>);

struct Shared {
    pages: Option<Kept>,
    store: SharedStore,
    session_cookie: session::SessionCookie,
    /// The generation the kept pages were last checked against.
    generation: std::sync::atomic::AtomicU64,
    /// Kept with each page, so that answering it from memory adds nothing but its request id.
    security_headers: Policy,
}

impl PageCache {
    /// A cache of at most `megabytes` of answers (0 turns it off: every page is rendered),
    /// kept with the `security_headers` every answer carries.
    pub fn new(state: &AppState, megabytes: u64, security_headers: Policy) -> Self {
        let store = state.store.clone();
        let pages = (megabytes > 0).then(|| Kept::new(megabytes));
        let generation = store.content_generation().into();
        Self(Arc::new(Shared {
            pages,
            store,
            session_cookie: state.session_cookie(),
            generation,
            security_headers,
        }))
    }
}

/// Everything that changes an anonymous answer's bytes.
#[derive(Clone, Debug, Hash, PartialEq, Eq)]
struct PageKey {
    generation: u64,
    day: NaiveDate,
    encoding: Encoding,
    /// The path with its language prefix, and the query.
    target: String,
}

/// The one content coding an answer is stored in.
#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq)]
pub(crate) enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The best coding `Accept-Encoding` allows (brotli, then gzip, else none).
    pub(crate) fn accepted(headers: &HeaderMap) -> Self {
        // Each coding named, and whether it is refused (`q=0`).
        let named: Vec<(&str, bool)> = headers
            .get_all(header::ACCEPT_ENCODING)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .filter_map(|item| {
                let mut parts = item.split(';').map(str::trim);
                let name = parts.next().filter(|name| !name.is_empty())?;
                let refused = parts.any(|parameter| {
                    parameter
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                        .is_some_and(|q| q <= 0.0)
                });
                Some((name, refused))
            })
            .collect();
        let verdict = |name: &str| {
            named
                .iter()
                .find(|(item, _)| item.eq_ignore_ascii_case(name))
                .map(|(_, refused)| !refused)
        };
        // A coding named is taken or refused as said; `*` stands for the ones not named.
        let allows = |name: &str| verdict(name).unwrap_or_else(|| verdict("*") == Some(true));
        if allows("br") {
            Self::Brotli
        } else if allows("gzip") {
            Self::Gzip
        } else {
            Self::Identity
        }
    }

    /// Asks the compression layer underneath for exactly this coding.
    fn ask_for(self, headers: &mut HeaderMap) {
        match self {
            Self::Brotli => {
                headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("br"));
            }
            Self::Gzip => {
                headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("gzip"));
            }
            Self::Identity => {
                headers.remove(header::ACCEPT_ENCODING);
            }
        }
    }
}

/// A stored answer: its headers (with `ETag`, `Cache-Control` and `Vary`) and its bytes.
#[derive(Debug)]
struct Page {
    headers: HeaderMap,
    body: Bytes,
    /// When it was rendered: it is served for `TIME_TO_LIVE` at most.
    rendered: Instant,
    /// The bytes it holds, headers included.
    weight: u64,
}

impl Page {
    fn new(mut headers: HeaderMap, body: Bytes) -> Self {
        headers.remove(header::CONTENT_LENGTH);
        headers.insert(header::ETAG, entity_tag(&body));
        headers.insert(header::CACHE_CONTROL, PUBLIC);
        headers.insert(header::VARY, VARY);
        // Room in the hash table (which a clone keeps) for the request id each answer adds,
        // so that adding it never rehashes the map; the entries themselves still grow by one.
        headers.reserve(1);
        let header_bytes: usize = headers
            .iter()
            .map(|(name, value)| name.as_str().len() + value.len())
            .sum();
        Self {
            weight: (body.len() + header_bytes) as u64,
            headers,
            body,
            rendered: Instant::now(),
        }
    }

    /// The page, or `304 Not Modified` when `If-None-Match` names it; for a HEAD request its
    /// headers only, with the length the page has.
    fn answer(&self, if_none_match: Option<&HeaderValue>, head_only: bool) -> Response {
        let etag = &self.headers[header::ETAG];
        if if_none_match.is_some_and(|tags| names_tag(tags, etag)) {
            let mut response = Response::new(Body::empty());
            *response.status_mut() = StatusCode::NOT_MODIFIED;
            // The page's headers (its tag, caching and security headers) but none that
            // describe a body, as there is none.
            *response.headers_mut() = self.headers.clone();
            for name in [header::CONTENT_TYPE, header::CONTENT_ENCODING] {
                response.headers_mut().remove(name);
            }
            return response;
        }
        let body = if head_only {
            Body::empty()
        } else {
            Body::from(self.body.clone())
        };
        let mut response = Response::new(body);
        *response.headers_mut() = self.headers.clone();
        if head_only {
            response
                .headers_mut()
                .insert(header::CONTENT_LENGTH, HeaderValue::from(self.body.len()));
        }
        response
    }
}

/// A strong tag of the bytes (the same on every instance): 128 bits of their SHA-256.
fn entity_tag(body: &[u8]) -> HeaderValue {
    let digest = Sha256::digest(body);
    let hex: String = digest[..16]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    HeaderValue::from_str(&format!("\"{hex}\"")).expect("hex digits are a valid header value")
}

/// Whether an `If-None-Match` list names `etag` (or is `*`).
fn names_tag(tags: &HeaderValue, etag: &HeaderValue) -> bool {
    let (Ok(tags), Ok(etag)) = (tags.to_str(), etag.to_str()) else {
        return false;
    };
    tags.split(',')
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == etag || tag == "*")
}

/// Pages and feeds; not static files, server functions or health checks.
fn is_page(path: &str) -> bool {
    let own_headers = ["/pkg/", "/media/", "/files/", "/api/"];
    path == "/api/events"
        || !(own_headers.iter().any(|prefix| path.starts_with(prefix))
            || path.starts_with("/favicon.")
            || path == "/healthz"
            || path == "/readyz"
            || path == "/metrics")
}

impl Shared {
    /// Where an anonymous `GET` or `HEAD` of a page is kept, and under which key; `None` for
    /// every other request, and when the cache is off.
    fn place_for(&self, parts: &Parts) -> Option<(&Kept, PageKey)> {
        let pages = self.pages.as_ref()?;
        if !self.is_anonymous_read(parts) {
            return None;
        }
        let generation = self.store.content_generation();
        if self.generation.swap(generation, Ordering::AcqRel) != generation {
            // Nothing kept under an older generation is served again: free its memory now.
            pages.invalidate_all();
        }
        let key = PageKey {
            generation,
            day: timezone::today(),
            encoding: Encoding::accepted(&parts.headers),
            target: parts
                .uri
                .path_and_query()
                .map_or_else(|| parts.uri.path().to_owned(), |target| target.to_string()),
        };
        Some((pages, key))
    }

    /// An anonymous `GET` or `HEAD` of a page or feed: what readers get from memory.
    fn is_anonymous_read(&self, parts: &Parts) -> bool {
        (parts.method == Method::GET || parts.method == Method::HEAD)
            && is_page(parts.uri.path())
            && self.session_cookie.token_in(parts).is_none()
    }
}

impl PageCache {
    /// The answer in memory for the request `parts` begin (`304 Not Modified` when the
    /// browser has the page already), if there is one. Renders nothing: a miss goes on through
    /// every layer to `serve_from_memory`, which renders and keeps it under the key left in
    /// the request's extensions here, without looking again.
    pub async fn kept(&self, parts: &mut Parts) -> Option<Response> {
        let (pages, key) = self.0.place_for(parts)?;
        let Some(page) = pages.get(&key) else {
            parts.extensions.insert(Missed(key));
            return None;
        };
        crate::metrics::page_cache_lookup(Lookup::Hit);
        let if_none_match = parts.headers.get(header::IF_NONE_MATCH);
        Some(page.answer(if_none_match, parts.method == Method::HEAD))
    }
}

/// The middleware: answers anonymous page requests from memory, stores what it renders, and
/// marks every other page answer private.
pub async fn serve_from_memory(
    State(PageCache(cache)): State<PageCache>,
    request: Request,
    next: Next,
) -> Response {
    let (mut parts, body) = request.into_parts();
    let missed = parts.extensions.remove::<Missed>();
    let looked_up = missed.is_some();
    let place = match (missed, &cache.pages) {
        (Some(Missed(key)), Some(pages)) => Some((pages, key)),
        _ => cache.place_for(&parts),
    };
    let Some((pages, key)) = place else {
        if cache.pages.is_none() && cache.is_anonymous_read(&parts) {
            return rendered_anew(parts, body, next).await;
        }
        let signed_in =
            is_page(parts.uri.path()) && cache.session_cookie.token_in(&parts).is_some();
        let mut response = next.run(Request::from_parts(parts, body)).await;
        if signed_in {
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, PRIVATE);
        }
        return kept_by_nobody_if_it_sets_a_cookie(response);
    };
    let head_only = parts.method == Method::HEAD;
    let if_none_match = parts.headers.get(header::IF_NONE_MATCH).cloned();
    key.encoding.ask_for(&mut parts.headers);
    // A HEAD is answered from the GET it stands for, which is then kept for both.
    parts.method = Method::GET;
    let security_headers = cache.security_headers.clone();
    let render = move || async move {
        let mut response = next.run(Request::from_parts(parts, body)).await;
        security_headers.apply(response.headers_mut());
        response
    };
    let found = if looked_up {
        pages.render_once(key, render).await
    } else {
        pages.get_or_render(key, render).await
    };
    let page = match found {
        Found::Kept(page) => {
            crate::metrics::page_cache_lookup(Lookup::Hit);
            page
        }
        Found::Shared(page) => {
            crate::metrics::page_cache_lookup(Lookup::Shared);
            page
        }
        Found::Rendered(page) | Found::NotKept(Unkept::TooLarge(page)) => {
            crate::metrics::page_cache_lookup(Lookup::Miss);
            page
        }
        Found::NotKept(Unkept::Answer(response)) => {
            crate::metrics::page_cache_lookup(Lookup::Miss);
            return response;
        }
    };
    page.answer(if_none_match.as_ref(), head_only)
}

/// With the cache off (`NOTIKUMI_PAGE_CACHE_MB=0`): a reader's page rendered for this request,
/// with the headers a kept one has (its `ETag`, `Cache-Control` and `Vary`) and `304 Not
/// Modified` when the browser has it already, so that feed readers and shared caches are
/// served as well as with the cache on.
async fn rendered_anew(mut parts: Parts, body: Body, next: Next) -> Response {
    let head_only = parts.method == Method::HEAD;
    let if_none_match = parts.headers.get(header::IF_NONE_MATCH).cloned();
    parts.method = Method::GET;
    let response = next.run(Request::from_parts(parts, body)).await;
    match page_of(response).await {
        Ok(page) => page.answer(if_none_match.as_ref(), head_only),
        Err(response) => response,
    }
}

/// How a page request was answered, for `/metrics`.
pub enum Lookup {
    /// From memory.
    Hit,
    /// From another request's render of the same page, waited for.
    Shared,
    /// Rendered for this request.
    Miss,
}

/// Left in a request's extensions by `PageCache::kept`: the key it looked for and missed.
#[derive(Clone)]
struct Missed(PageKey);

/// A rendered answer as a page for everybody (its `ETag` and caching headers set), or, when it
/// is not one (not `200 OK`, or it sets a cookie), the answer itself, for its request alone.
async fn page_of(response: Response) -> Result<Arc<Page>, Response> {
    if response.status() != StatusCode::OK || response.headers().contains_key(header::SET_COOKIE) {
        return Err(kept_by_nobody_if_it_sets_a_cookie(response));
    }
    let (head, body) = response.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX)
        .await
        .map_err(unreadable)?;
    Ok(Arc::new(Page::new(head.headers, body)))
}

/// The answer when a rendered page's body cannot be read.
fn unreadable(error: axum::Error) -> Response {
    tracing::error!(%error, "cannot read a rendered page");
    let mut response = Response::new(Body::from("Servera kļūda."));
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    response
}

/// The middleware beneath compression: HTML answers without their scripts' nonces
/// (`without_nonces`), so that two renders of the same content are the same bytes, and have
/// the same `ETag`, whatever the compression above makes of them.
pub async fn drop_nonces(request: Request, next: Next) -> Response {
    // A HEAD answer has no body to clean, only the length of the GET's.
    let head_only = request.method() == Method::HEAD;
    let response = next.run(request).await;
    if head_only {
        return response;
    }
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|kind| kind.as_bytes().starts_with(b"text/html"));
    if !html || response.headers().contains_key(header::CONTENT_ENCODING) {
        return response;
    }
    let (mut head, body) = response.into_parts();
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(body) => {
            head.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(head, Body::from(without_nonces(body)))
        }
        Err(error) => unreadable(error),
    }
}

/// `body` without the `nonce` attributes leptos_axum gives the inline scripts it writes. Their
/// value is new on every render and unused (the policy allows those scripts by their hash,
/// `security_headers`), and would give two renders of the same content different bytes: a
/// different `ETag` on each instance, and after each expiry, so a browser's tag would rarely
/// earn a `304`.
fn without_nonces(body: Bytes) -> Bytes {
    const ATTRIBUTE: &[u8] = b" nonce=\"";
    let find = |bytes: &[u8]| {
        bytes
            .windows(ATTRIBUTE.len())
            .position(|at| at == ATTRIBUTE)
    };
    if find(&body).is_none() {
        return body;
    }
    // Only in a script's start tag: the same letters in a text are the text's.
    let in_script_tag = |before: &[u8]| {
        let tag = before.iter().rposition(|&byte| byte == b'<');
        tag.is_some_and(|tag| {
            before[tag..].starts_with(b"<script") && !before[tag..].contains(&b'>')
        })
    };
    let mut kept = Vec::with_capacity(body.len());
    let mut rest = &body[..];
    while let Some(start) = find(rest) {
        let value = &rest[start + ATTRIBUTE.len()..];
        let end = value.iter().position(|&byte| byte == b'"');
        let cut = match end {
            Some(end) if in_script_tag(&rest[..start]) => end + 1,
            // Not a nonce: kept as it is.
            _ => 0,
        };
        let through = start + ATTRIBUTE.len();
        kept.extend_from_slice(&rest[..if cut > 0 { start } else { through }]);
        rest = &value[cut..];
    }
    kept.extend_from_slice(rest);
    Bytes::from(kept)
}

/// An answer that sets a cookie (signing in or out) is for one browser only.
fn kept_by_nobody_if_it_sets_a_cookie(mut response: Response) -> Response {
    if response.headers().contains_key(header::SET_COOKIE) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, PRIVATE);
    }
    response
}

mod kept;
#[cfg(test)]
mod sharing;
#[cfg(test)]
mod tests;
