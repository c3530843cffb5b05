//! Moving to another page from an island. Islands have no client-side router (pages are
//! server HTML), so they ask the page script or the browser itself. Only for the browser:
//! call them from event handlers, never while rendering.

use leptos::{
    prelude::{document, window},
    wasm_bindgen::prelude::wasm_bindgen,
};

#[wasm_bindgen]
extern "C" {
    /// The page swap of `island_loader.js`.
    #[wasm_bindgen(catch, js_namespace = window, js_name = notikumiGo)]
    fn swap_to(href: &str) -> Result<(), leptos::wasm_bindgen::JsValue>;
}

/// Goes to `href` on this site, as if a link had been followed.
pub fn go_to(href: &str) {
    // Without the page script (it failed to run), the browser loads the page itself.
    if swap_to(href).is_err() {
        // Fails only if the browser refuses the URL; the page then simply stays.
        let _ = window().location().assign(href);
    }
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
    if let Ok(history) = window().history() {
        // The entry's state keeps where the reader had scrolled.
        let state = history
            .state()
            .unwrap_or(leptos::wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(href));
    }
}
