//! Old addresses of moved items. When an editor changes an article's address, links to the old
//! one (bookmarks, search results, press releases) keep working: a page not found at an
//! address an item had answers `308 Permanent Redirect` (a permanent move, which search
//! engines follow as they do a 301) to where the item is now, in the same language and with
//! the same query. The store keeps the old addresses (`EditingStore::moved_item`); only
//! answers that would be a 404 look there. An address not found with a slash at its end leads
//! to the same address without it.

use app::{editing::ItemKind, i18n::Lang, paths, state::AppState, storage::Audience};
use axum::{
    extract::{Request, State},
    http::{header, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};

/// The middleware: sends a reader on from an old address.
pub async fn send_on(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let read = request.method() == Method::GET || request.method() == Method::HEAD;
    let target = read.then(|| request.uri().clone());
    let response = next.run(request).await;
    let Some(target) = target.filter(|_| response.status() == StatusCode::NOT_FOUND) else {
        return response;
    };
    let query = target.query();
    // `/en/`, `/news/`: the address without the slash, as a link typed by hand often has it.
    // Never to another site (`//host/` would be one).
    if let Some(without) = target.path().strip_suffix('/') {
        let elsewhere = without.starts_with("//") || without.starts_with("/\\");
        if !without.is_empty() && !elsewhere {
            let to = paths::with_query(without, query);
            return Redirect::permanent(&to).into_response();
        }
    }
    let Some((lang, kind, slug, format)) = item_address(target.path()) else {
        return response;
    };
    match state.store.moved_item(kind, slug, Audience::Readers).await {
        Ok(Some(now)) => {
            let page = lang.href(&format!("{}{format}", kind.page(&now)));
            let to = paths::with_query(&page, query);
            // Asked again every time: an editor may move the item on, or back, and a
            // browser keeping A → B while B → A is new would go round for good.
            let kept = [(header::CACHE_CONTROL, "no-cache")];
            (kept, Redirect::permanent(&to)).into_response()
        }
        // Not moved, or the store cannot say now: the 404 it was.
        _ => response,
    }
}

/// The language, kind, slug and format suffix of an item's address, if `path` is one: its page
/// (`/en/news/{slug}`, suffix "") or its calendar file (`/events/{slug}.ics`).
fn item_address(path: &str) -> Option<(Lang, ItemKind, &str, &'static str)> {
    let (lang, path) = Lang::split_path(path);
    ItemKind::ALL.into_iter().find_map(|kind| {
        let address = path.strip_prefix(&kind.page(""))?;
        let (slug, format) = match address.strip_suffix(".ics") {
            Some(slug) => (slug, ".ics"),
            None => (address, ""),
        };
        (!slug.is_empty() && !slug.contains('/')).then_some((lang, kind, slug, format))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_pages_are_told_by_their_address_in_every_language() {
        assert_eq!(
            item_address("/news/vecais-raksts"),
            Some((Lang::Lv, ItemKind::Article, "vecais-raksts", ""))
        );
        assert_eq!(
            item_address("/en/events/seminars"),
            Some((Lang::En, ItemKind::Event, "seminars", ""))
        );
        assert_eq!(
            item_address("/ru/events/seminars.ics"),
            Some((Lang::Ru, ItemKind::Event, "seminars", ".ics"))
        );
        for other in [
            "/news",
            "/news/",
            "/news/2018/03",
            "/calendar/2020/08",
            "/ru/",
        ] {
            assert_eq!(item_address(other), None, "{other}");
        }
    }
}
