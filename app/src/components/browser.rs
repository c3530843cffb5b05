//! Moving to another page from an island. Islands have no client-side router (pages are
//! server HTML), so they ask the browser itself; on the server these do nothing.

use leptos::{prelude::window, wasm_bindgen::prelude::wasm_bindgen};

#[wasm_bindgen]
extern "C" {
    /// The page swap of `island_loader.js`.
    #[wasm_bindgen(catch, js_namespace = window, js_name = notikumiGo)]
    fn swap_to(href: &str) -> Result<(), leptos::wasm_bindgen::JsValue>;
}

/// Goes to `href` on this site, as if a link had been followed.
pub fn go_to(href: &str) {
    if swap_to(href).is_err() {
        // Fails only if the browser refuses the URL; the page then simply stays.
        let _ = window().location().assign(href);
    }
}

/// Loads this page again, so it shows what was just saved.
pub fn reload_page() {
    let _ = window().location().reload();
}

/// Shows `href` in the address bar instead of this page's address, without loading it: the
/// page itself moved (an article's new slug) while its editor stays open.
pub fn replace_address(href: &str) {
    if let Ok(history) = window().history() {
        let _ =
            history.replace_state_with_url(&leptos::wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}
