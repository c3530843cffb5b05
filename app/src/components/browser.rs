//! Moving to another page from an island. Islands have no client-side router (pages are
//! server HTML), so they ask the page script or the browser itself. Only for the browser:
//! call them from event handlers, never while rendering.

use std::time::Duration;

use leptos::{
    prelude::{document, set_timeout, window, GetUntracked, RwSignal, Set, WithUntracked},
    wasm_bindgen::prelude::wasm_bindgen,
};

#[wasm_bindgen]
extern "C" {
    /// The page swap of `island_loader.js`.
    #[wasm_bindgen(catch, js_namespace = window, js_name = notikumiGo)]
    fn swap_to(href: &str, in_place: bool) -> Result<(), leptos::wasm_bindgen::JsValue>;

    /// The address change of `island_loader.js`, which keeps the address it knows.
    #[wasm_bindgen(catch, js_namespace = window, js_name = notikumiReplace)]
    fn replace_shown(href: &str) -> Result<(), leptos::wasm_bindgen::JsValue>;
}

/// Goes to `href` on this site, as if a link had been followed.
pub fn go_to(href: &str) {
    // Without the page script (it failed to run), the browser loads the page itself.
    if swap_to(href, false).is_err() {
        // Fails only if the browser refuses the URL; the page then simply stays.
        let _ = window().location().assign(href);
    }
}

/// Shows this page again as `href` (the same page, perhaps with a `#` for what to focus),
/// where the reader had scrolled and without a new history entry: it shows what just changed.
pub fn reload_at(href: &str) {
    if swap_to(href, true).is_err() {
        // Only the fragment may differ from this page's address: replacing the address would
        // just jump to it, so the page is loaded again at the new address.
        replace_address(href);
        reload_page();
    }
}

/// Where a message waits for the page that `reload_at` brings (the page's own live region is
/// replaced with the page).
const ANNOUNCED_KEY: &str = "notikumi-announcement";

/// Keeps `text` for the page at `path` (this page again, or where it moves) to announce
/// (`announced_before_reload`), when it is the next page of this tab.
pub fn announce_after_reload(path: &str, text: &str) {
    keep_for_page(ANNOUNCED_KEY, path, text);
}

/// Keeps `value` under `key` for the page at `path`, for [`kept_for_this_page`] there when it
/// is the next page of this tab (an island's state does not go with a page swap).
pub fn keep_for_page(key: &str, path: &str, value: &str) {
    if let Ok(Some(storage)) = window().session_storage() {
        // Storage fails only when full or disabled; the value is then lost, which the
        // callers take as nothing kept.
        let _ = storage.set_item(key, &format!("{path}\n{value}"));
    }
}

/// What the previous page kept under `key` for this one, once. A value meant for another page
/// (the page it was kept for never came: its editor chose to stay) is dropped.
pub fn kept_for_this_page(key: &str) -> Option<String> {
    let storage = window().session_storage().ok()??;
    let kept = storage.get_item(key).ok()??;
    let _ = storage.remove_item(key);
    let (path, value) = kept.split_once('\n')?;
    let here = window().location().pathname().ok()?;
    (path == here).then(|| value.to_string())
}

/// Puts `text` into the live region that shows `said`, a moment after the page arrived: once
/// focus has settled, so screen readers do not skip it in a region that is itself new. (A
/// message already in the server's HTML is heard only if the caller empties `said` first.)
/// Should `said` change meanwhile (the editor acted), the newer message stays.
pub fn announce_on_arrival<T>(said: RwSignal<T>, text: T)
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let before = said.get_untracked();
    set_timeout(
        move || {
            if said.with_untracked(|now| *now == before) {
                said.set(text);
            }
        },
        Duration::from_millis(400),
    );
}

/// Drops what this page kept under `key` for the next one (the reason went away before it
/// came).
pub fn forget_kept(key: &str) {
    if let Ok(Some(storage)) = window().session_storage() {
        let _ = storage.remove_item(key);
    }
}

/// What the previous page asked this one to announce, once (see [`kept_for_this_page`]).
pub fn announced_before_reload() -> Option<String> {
    kept_for_this_page(ANNOUNCED_KEY)
}

/// Titles the page as it now is (an island's editor), like the server titles pages
/// (`app::site_title`). Islands have no head of their own to put a `<Title>` in.
pub fn show_title(title: String) {
    document().set_title(&crate::app::site_title(title));
}

/// Loads this page again, so it shows what was just saved.
pub fn reload_page() {
    let _ = window().location().reload();
}

/// Shows `href` in the address bar instead of this page's address, without loading it: the
/// page itself moved (an article's new slug) while its editor stays open.
pub fn replace_address(href: &str) {
    // The page script's own, so that going back later knows this page by its new address.
    if replace_shown(href).is_ok() {
        return;
    }
    if let Ok(history) = window().history() {
        // The entry's state keeps where the reader had scrolled.
        let state = history
            .state()
            .unwrap_or(leptos::wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(href));
    }
}
