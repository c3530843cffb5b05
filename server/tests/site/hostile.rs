//! Hostile input (issue #14): markup, SQL, impossible dates and numbers, bad encodings, wrong
//! JSON shapes, huge and truncated bodies, oversized headers and image bombs, sent into every
//! parameter of every route, server function and the upload endpoint. No answer may be a 5xx,
//! a page showing the injected markup or a redirect off the site; a refused edit must change
//! nothing. Refusals with an empty body are counted and shown, not failed.

use app::{
    articles::{GetArchive, GetArticle, ListArticles},
    auth::{GetViewer, Logout, Role},
    calendar::{GetDays, GetEvent, GetMonth, ListEvents},
    editing::*,
    home::GetHome,
    search::{Search, Suggest},
};
use axum::body::Body;
use http::{header, HeaderName, HeaderValue, Method, Request, StatusCode};
use image::ImageFormat;
use leptos::server_fn::ServerFn;
use serde_json::{json, Value};

use crate::common::{Answer, Site, ORIGIN, PASSWORD};

const LAUNCH: &str = "lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu";
const WEBINAR: &str = "vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos";
const SERIES: &str = "atbalsta-grupas-tiksanas-cietusajiem-un-vinu-tuviniekiem";
const JSON: &str = "application/json";
const FORM: &str = "application/x-www-form-urlencoded";
const EDITOR: &str = "redaktore@example.lv";

/// What an attacker types: markup, SQL, paths, impossible dates and numbers, control and
/// direction characters, nothing at all, and a megabyte.
#[rustfmt::skip]
fn hostile_text() -> Vec<String> {
    let mut texts: Vec<String> = [
        "<script>alert(1)</script>", "javascript:alert(1)", "\"><img src=x onerror=alert(1)>",
        "' OR 1=1 --", "\"; DROP TABLE articles; --", "../../etc/passwd",
        "+262142-12-31", "-262143-01-01", "0000-00-00", "9999-99-99", "2023-02-29T25:61",
        "99999999999999999999", "-1", "\0", "\u{202e}\u{feff}\u{1f4a5}", "",
    ].map(String::from).to_vec();
    texts.push("a".repeat(1 << 20));
    texts
}

/// The same text URL-encoded, none longer than `longest` (a URI holds at most 64 kB), with
/// encodings no browser sends, and weeks that do not exist.
#[rustfmt::skip]
fn hostile_url_values(longest: usize) -> Vec<String> {
    let mut values: Vec<String> = hostile_text().iter().map(|text| escape(&text[..text.len().min(longest)])).collect();
    values.extend([
        "%FF%FE", "%00", "%C0%AF", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "../../etc/passwd",
        "..%5C..%5Cwindows", "w0", "w54",
    ].map(String::from));
    values
}

/// 10,000 nested arrays.
fn deep() -> String {
    format!("{}{}", "[".repeat(10_000), "]".repeat(10_000))
}

/// Raw JSON to put where a value of any type goes: the wrong types, deep nesting, a megabyte.
fn wrong_types() -> Vec<String> {
    let mut values = ["null", "true", "[]", "{}", "\"1\"", "0.5"]
        .map(String::from)
        .to_vec();
    values.extend([deep(), format!("\"{}\"", "a".repeat(1 << 20))]);
    values
}

/// Raw JSON numbers at and beyond the limits of the integer types.
#[rustfmt::skip]
const NUMBERS: [&str; 7] = ["-1", "0", "4294967296", "9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e400"];

/// Every byte but the unreserved ones percent-encoded.
pub(crate) fn escape(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(byte).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// Whole bodies that are not arguments at all, for an endpoint reading `native`: what each
/// is, its Content-Type, its bytes.
#[rustfmt::skip]
fn hostile_bodies(usual: &str, native: &'static str) -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let other = if native == JSON { FORM } else { JSON };
    let spliced = |bytes: &[u8]| {
        let (head, tail) = usual.as_bytes().split_at(usual.len().min(2));
        [head, bytes, tail].concat()
    };
    vec![
        ("nothing", native, Vec::new()),
        ("the usual arguments cut in half", native, usual.as_bytes()[..usual.len() / 2].to_vec()),
        ("invalid UTF-8", native, spliced(b"\xFF\xFE\xC0")),
        ("a NUL byte", native, spliced(b"\0")),
        ("16 MB", native, vec![b'{'; 16 << 20]),
        ("10,000 nested arrays", native, deep().into_bytes()),
        ("null", native, b"null".to_vec()),
        ("form fields", native, b"query=1&page=-1&%FF=%00".to_vec()),
        ("the usual arguments in the other encoding", other, usual.as_bytes().to_vec()),
    ]
}

/// A request from this site's pages (an empty `content_type` sends none).
fn request(
    method: Method,
    uri: &str,
    content_type: &str,
    cookie: Option<&str>,
    body: Vec<u8>,
) -> Request<Body> {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::ORIGIN, ORIGIN);
    if !content_type.is_empty() {
        request = request.header(header::CONTENT_TYPE, content_type);
    }
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request
        .body(Body::from(body))
        .unwrap_or_else(|error| panic!("{uri}: {error}"))
}

fn get(uri: &str) -> Request<Body> {
    request(Method::GET, uri, "", None, Vec::new())
}

fn shorten(text: &str) -> String {
    text.chars()
        .take(160)
        .collect::<String>()
        .escape_debug()
        .to_string()
}

/// A GET route: `$` where a value goes, and values there that the route accepts.
type Route = (&'static str, &'static [&'static str]);

/// Pages and feeds, in every language.
#[rustfmt::skip]
const PAGES: &[Route] = &[
    ("/calendar?month=$&category=$&news=$", &["2020-08", "apmacibas", "1"]),
    ("/calendar/list?page=$&past=$&category=$", &["1", "1", "apmacibas"]),
    ("/calendar/$/$?category=$", &["2020", "08", "apmacibas"]),
    ("/calendar/$/$", &["2020", "w32"]),
    ("/calendar/$/$/$", &["2020", "08", "04"]),
    ("/events/$?date=$", &[SERIES, "2021-02-25"]),
    ("/events/$.ics", &[WEBINAR]),
    ("/news?page=$&category=$", &["1", "projekti"]),
    ("/news/$", &[LAUNCH]),
    ("/news/$?page=$", &["2020", "1"]),
    ("/news/$/$?page=$", &["2020", "08", "1"]),
    ("/search?q=$&kind=$&category=$&page=$", &["moldova", "", "projekti", "1"]),
    ("/login?next=$", &["%2Feditor"]),
    ("/calendar.ics?category=$", &["apmacibas"]),
    ("/feed.xml", &[]),
];

/// Routes outside the languages.
#[rustfmt::skip]
const OTHERS: &[Route] = &[
    ("/api/events?start=$&end=$&category=$&timeZone=$", &["2021-01-01", "2021-12-31", "apmacibas", "Europe%2FRiga"]),
    ("/", &[]), ("/en", &[]), ("/ru", &[]), ("/robots.txt", &[]), ("/sitemap.xml", &[]), ("/healthz", &[]), ("/readyz", &[]),
];

/// Routes that refuse even their usual values: nothing there, or not for readers.
#[rustfmt::skip]
const REFUSED: &[Route] = &[
    ("/editor", &[]), ("/editor/audit", &[]), ("/media/$", &["a.png"]), ("/files/$", &["a.pdf"]), ("/pkg/$", &["a.js"]), ("/api/media", &[]), ("/api/editing/get_desk", &[]),
];

/// `route` with `values` in its holes.
fn fill(route: &str, values: &[&str]) -> String {
    let mut parts = route.split('$');
    let mut uri = parts.next().unwrap_or_default().to_string();
    for (value, part) in values.iter().zip(parts) {
        uri.push_str(value);
        uri.push_str(part);
    }
    uri
}

/// Each route with its usual values in every language (found, or with `found` false, not),
/// then each hostile value in each hole, each request in the next language.
async fn probe_routes(
    site: &Site,
    tally: &mut Tally,
    routes: &[Route],
    languages: &[&str],
    found: bool,
) {
    let values = hostile_url_values(60_000);
    for &(route, usual) in routes {
        for lang in languages {
            let uri = format!("{lang}{}", fill(route, usual));
            let answer = tally.send(site, &uri, get(&uri)).await;
            assert_eq!(
                answer.status.as_u16() < 400,
                found,
                "{uri}: {}",
                answer.status
            );
        }
        for hole in 0..usual.len() {
            for value in &values {
                let mut filled = usual.to_vec();
                filled[hole] = value;
                let uri = format!(
                    "{}{}",
                    languages[tally.sent % languages.len()],
                    fill(route, &filled)
                );
                tally.send(site, &uri, get(&uri)).await;
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_survives_hostile_urls() {
    let site = Site::with_demo_content().await;
    let mut tally = Tally::default();
    probe_routes(&site, &mut tally, PAGES, &["", "/en", "/ru"], true).await;
    probe_routes(&site, &mut tally, OTHERS, &[""], true).await;
    probe_routes(&site, &mut tally, REFUSED, &[""], false).await;
    tally.finish("routes");
}

/// Every node of `value` below the top, by JSON pointer.
fn pointers(value: &Value, at: &str, found: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) => map
            .iter()
            .map(|(key, child)| (key.clone(), child))
            .collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, child)| (i.to_string(), child))
            .collect(),
        _ => Vec::new(),
    };
    for (key, child) in children {
        let pointer = format!("{at}/{key}");
        found.push(pointer.clone());
        pointers(child, &pointer, found);
    }
}

/// What a server function is sent: its usual arguments first, then the hostile bodies, then
/// each hostile value in place of each argument and field. `template` holds the arguments,
/// sent as JSON or (with `encoding` FORM) as form fields already URL-encoded.
fn calls(
    path: &str,
    encoding: &'static str,
    template: &Value,
) -> Vec<(String, &'static str, Vec<u8>)> {
    const MARK: &str = "\u{1}hostile\u{1}";
    let encode = |arguments: &Value| match (encoding, arguments.as_object()) {
        (FORM, Some(fields)) => fields
            .iter()
            .map(|(name, value)| format!("{name}={}", value.as_str().unwrap_or_default()))
            .collect::<Vec<_>>()
            .join("&"),
        _ => arguments.to_string(),
    };
    let usual = encode(template);
    let mut calls = vec![(path.to_string(), encoding, usual.clone().into_bytes())];
    for (what, content_type, body) in hostile_bodies(&usual, encoding) {
        calls.push((format!("{path} with {what}"), content_type, body));
    }
    let mark = if encoding == FORM {
        MARK.to_string()
    } else {
        Value::from(MARK).to_string()
    };
    let mut nodes = Vec::new();
    pointers(template, "", &mut nodes);
    for pointer in nodes {
        let mut marked = template.clone();
        let node = marked.pointer_mut(&pointer).expect("node");
        let mut fragments: Vec<String> = match (encoding, &node) {
            (FORM, _) => hostile_url_values(usize::MAX),
            (_, Value::String(_)) => hostile_text()
                .iter()
                .map(|text| Value::from(text.as_str()).to_string())
                .collect(),
            (_, Value::Number(_)) => NUMBERS.map(String::from).to_vec(),
            _ => Vec::new(),
        };
        if encoding == JSON {
            let wrong = wrong_types()
                .into_iter()
                .filter(|wrong| !fragments.contains(wrong));
            fragments.extend(wrong.collect::<Vec<_>>());
        }
        *node = Value::from(MARK);
        let marked = encode(&marked);
        for fragment in fragments {
            let body = marked.replace(&mark, &fragment);
            calls.push((
                format!("{path} {pointer}={fragment}"),
                encoding,
                body.into_bytes(),
            ));
        }
    }
    calls
}

/// Sends a server function what `calls` makes of `template` (arguments in `encoding`), as a
/// reader or (with `editor`, a cookie and the ids of the edited items) as an editor whose
/// refused requests must change nothing. The usual arguments must succeed.
async fn probe(
    site: &Site,
    tally: &mut Tally,
    editor: Option<(&str, (i64, i64))>,
    path: &str,
    encoding: &'static str,
    template: &Value,
) {
    let cookie = editor.map(|(cookie, _)| cookie);
    for (index, (what, content_type, body)) in
        calls(path, encoding, template).into_iter().enumerate()
    {
        let request = request(Method::POST, path, content_type, cookie, body);
        let answer = match editor {
            Some((_, items)) => tally.send_edit(site, items, &what, request).await,
            None => tally.send(site, &what, request).await,
        };
        // The sign-in form's post succeeds with a redirect to the page to go back to.
        let succeeded = answer.status.is_success() || answer.status == StatusCode::SEE_OTHER;
        assert!(
            index > 0 || succeeded,
            "{what}: {} {}",
            answer.status,
            answer.body
        );
    }
}

/// The functions readers call, with arguments they accept, and how they read them.
#[rustfmt::skip]
fn reader_calls() -> Vec<(&'static str, &'static str, Value)> {
    let filter = json!({ "categories": ["apmacibas"], "news": true });
    vec![
        (GetMonth::PATH, JSON, json!({ "query": { "lang": "En", "month": { "year": 2020, "month": 8 }, "filter": filter } })),
        (GetDays::PATH, JSON, json!({ "query": { "lang": "Ru", "first": "2020-08-03", "last": "2020-08-09", "filter": filter } })),
        (ListEvents::PATH, JSON, json!({ "query": { "lang": "Lv", "page": 1, "past": true, "filter": filter } })),
        (GetEvent::PATH, JSON, json!({ "slug": SERIES, "date": "2021-02-25", "lang": "En" })),
        (ListArticles::PATH, JSON, json!({ "query": { "lang": "Lv", "page": 1, "categories": ["projekti"] } })),
        (GetArchive::PATH, JSON, json!({ "query": { "lang": "Lv", "year": 2020, "month": 8, "page": 1 } })),
        (Search::PATH, JSON, json!({ "query": { "q": "moldova", "kind": "", "categories": ["projekti"], "page": 1, "lang": "Lv" } })),
        (Suggest::PATH, JSON, json!({ "q": "mold", "lang": "En" })),
        (GetArticle::PATH, FORM, json!({ "slug": LAUNCH, "lang": "En" })),
        (GetHome::PATH, FORM, json!({ "lang": "Ru" })),
        (GetViewer::PATH, FORM, json!({})),
        (Logout::PATH, FORM, json!({ "next": "%2Fnews" })),
        // After twenty refusals from one address, sign-ins wait: most of these are answered 429.
        ("/login", FORM, json!({ "email": EDITOR, "password": PASSWORD, "next": "%2Feditor" })),
    ]
}

/// A filter of more categories than the site could have (each would be a bound value, past
/// SQLite's limit) is answered as a filter, from every function that takes one.
#[tokio::test(flavor = "multi_thread")]
async fn a_filter_of_forty_thousand_categories_is_answered() {
    let site = Site::with_demo_content().await;
    let mut categories: Vec<String> = (0..40_000).map(|n| format!("c{n}")).collect();
    categories.insert(0, "projekti".to_string());
    let filter = json!({ "categories": categories, "news": true });
    for (path, arguments) in [
        (
            ListArticles::PATH,
            json!({ "query": { "lang": "Lv", "page": 1, "categories": categories } }),
        ),
        (
            ListEvents::PATH,
            json!({ "query": { "lang": "Lv", "page": 1, "past": true, "filter": filter } }),
        ),
        (
            GetMonth::PATH,
            json!({ "query": { "lang": "Lv", "month": { "year": 2020, "month": 8 }, "filter": filter } }),
        ),
        (
            Search::PATH,
            json!({ "query": { "q": "moldova", "kind": "", "categories": categories, "page": 1, "lang": "Lv" } }),
        ),
    ] {
        let answer = site.post_json(path, &arguments.to_string(), None).await;
        assert_eq!(
            answer.status,
            StatusCode::OK,
            "{path}: {}",
            shorten(&answer.body)
        );
    }
    // Still a filter: the category named first narrows the list as it would alone.
    let articles = |categories: &[String]| {
        let arguments = json!({ "query": { "lang": "Lv", "page": 1, "categories": categories } });
        let site = &site;
        async move {
            let answer = site
                .post_json(ListArticles::PATH, &arguments.to_string(), None)
                .await;
            serde_json::from_str::<Value>(&answer.body).expect("a list")["articles"].clone()
        }
    };
    let alone = articles(&categories[..1]).await;
    assert!(alone.as_array().is_some_and(|listed| !listed.is_empty()));
    assert_eq!(articles(&categories).await, alone);
    assert_ne!(articles(&[]).await, alone, "every category lists more");
}

#[tokio::test(flavor = "multi_thread")]
async fn every_server_function_survives_hostile_arguments() {
    let site = Site::with_demo_content().await;
    let admin = site.signed_in(EDITOR, Role::Admin).await;
    let mut tally = Tally::default();
    for (path, encoding, template) in reader_calls() {
        probe(&site, &mut tally, None, path, encoding, &template).await;
    }
    let article = call(
        &site,
        &admin,
        GetEditableArticle::PATH,
        json!({ "slug": LAUNCH }),
    )
    .await;
    let event = call(
        &site,
        &admin,
        GetEditableEvent::PATH,
        json!({ "slug": WEBINAR }),
    )
    .await;
    let items = (
        article["id"].as_i64().expect("id"),
        event["id"].as_i64().expect("id"),
    );
    let (article, event) = (article["current"].clone(), event["current"].clone());
    for (path, template) in editing_calls() {
        let now = Now {
            items,
            article: article.clone(),
            event: event.clone(),
            versions: versions(&site, items).await,
        };
        probe(
            &site,
            &mut tally,
            Some((&admin, items)),
            path,
            JSON,
            &template(&now),
        )
        .await;
    }
    tally.finish("server functions");
}

/// A server function's answer, which must be a success.
async fn call(site: &Site, cookie: &str, path: &str, arguments: Value) -> Value {
    let answer = site
        .post_json(path, &arguments.to_string(), Some(cookie))
        .await;
    assert!(
        answer.status.is_success(),
        "{path}: {} {}",
        answer.status,
        answer.body
    );
    serde_json::from_str(&answer.body).unwrap_or_else(|error| panic!("{error}: {}", answer.body))
}

/// The edited article and event: ids, fields as the editor opened them, and `versions`.
struct Now {
    items: (i64, i64),
    article: Value,
    event: Value,
    versions: [i64; 4],
}

/// A function's arguments, made from the edited items as they are now.
type Arguments = fn(&Now) -> Value;

/// The versions stored now of the article, its draft, the event and its draft (0: none).
async fn versions(site: &Site, (article, event): (i64, i64)) -> [i64; 4] {
    let store = &site.store;
    [
        store
            .article(article)
            .await
            .expect("article")
            .map_or(0, |article| article.version),
        store
            .draft(app::editing::ItemKind::Article, article)
            .await
            .expect("draft")
            .map_or(0, |draft| draft.draft_version),
        store
            .event_by_id_for_editing(event)
            .await
            .expect("event")
            .map_or(0, |event| event.version),
        store
            .draft(app::editing::ItemKind::Event, event)
            .await
            .expect("draft")
            .map_or(0, |draft| draft.draft_version),
    ]
}

/// An opened editor's mark as the server makes them (`EditableItem::writer`).
const MARK: &str = "bWFya19vZl9hbl9lZGl0b3Jfb3BlbmVkX2luX2FfdGF";

/// Every editing function with arguments it accepts now. The ones that trash come last, each
/// followed by the one that restores.
#[rustfmt::skip]
fn editing_calls() -> [(&'static str, Arguments); 22] {
    [
        (GetEditableArticle::PATH, |_| json!({ "slug": LAUNCH })),
        (GetEditableEvent::PATH, |_| json!({ "slug": WEBINAR })),
        (SaveDraft::PATH, |now| json!({ "save": { "id": now.items.0, "fields": now.article, "base_version": now.versions[0], "draft_version": now.versions[1], "writer": { "mark": MARK, "save": 1 } } })),
        (PublishArticle::PATH, |now| json!({ "save": { "id": now.items.0, "fields": now.article, "base_version": now.versions[0], "draft_version": now.versions[1], "writer": { "mark": MARK, "save": 2 } } })),
        (SaveEventDraft::PATH, |now| json!({ "save": { "id": now.items.1, "base_version": now.versions[2], "draft_version": now.versions[3], "fields": now.event, "writer": { "mark": MARK, "save": 1 } } })),
        (SaveEvent::PATH, |now| json!({ "save": { "id": now.items.1, "base_version": now.versions[2], "draft_version": now.versions[3], "fields": now.event, "writer": { "mark": MARK, "save": 2 } } })),
        (CreateArticle::PATH, |_| json!({})),
        (CreateEvent::PATH, |_| json!({ "day": "2021-03-01" })),
        (MoveEvent::PATH, |_| json!({ "slug": WEBINAR, "day": "2021-03-02" })),
        (GetHistory::PATH, |now| json!({ "item": { "kind": "Article", "id": now.items.0 } })),
        (CompareVersions::PATH, |now| json!({ "item": { "kind": "Article", "id": now.items.0 }, "older": 1, "newer": now.versions[0], "lang": "En" })),
        (RestoreVersion::PATH, |now| json!({ "item": { "kind": "Article", "id": now.items.0 }, "version": 1, "expected_version": now.versions[0] })),
        (GetDesk::PATH, |_| json!({})),
        (GetAuditLog::PATH, |_| json!({ "page": 1 })),
        (GetTranslation::PATH, |_| json!({ "kind": "Article", "slug": LAUNCH, "lang": "En" })),
        (SaveTranslation::PATH, |_| json!({ "save": { "kind": "Event", "slug": WEBINAR, "lang": "Ru", "fields": { "title": "Вебинар", "lead": "", "body_html": "<p>Текст</p>", "extra": "Рига", "version": 0 } } })),
        (UpdateArticleSettings::PATH, |now| json!({ "save": { "article_id": now.items.0, "version": now.versions[0], "category": "projekti", "published": true } })),
        (ChangeAddress::PATH, |now| json!({ "item": { "kind": "Event", "id": now.items.1 }, "version": now.versions[2], "slug": WEBINAR })),
        (DeleteItem::PATH, |now| json!({ "item": { "kind": "Article", "id": now.items.0 } })),
        (RestoreItem::PATH, |now| json!({ "item": { "kind": "Article", "id": now.items.0 } })),
        (DeleteItem::PATH, |now| json!({ "item": { "kind": "Event", "id": now.items.1 } })),
        (RestoreItem::PATH, |now| json!({ "item": { "kind": "Event", "id": now.items.1 } })),
    ]
}

// The tally, uploads and headers, in files of their own.
mod headers;
mod older_allow_list;
mod tally;
mod uploads;

use tally::Tally;
