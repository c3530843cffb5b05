//! Browser entry point. Pages are server HTML; only their islands (`#[island]`) come alive
//! here. The page script (`app/src/island_loader.js`, served as `/pkg/<build>/loader.js`)
//! loads this module only on pages that have an island, calls `hydrate` once, then each
//! island's own hydration function.

// Leptos's statically typed views nest deeply; computing their layout in the wasm build
// needs more than the default 128 levels.
#![recursion_limit = "256"]

// The islands' hydration functions are exported from the `app` crate; using the crate is
// what links them into this module.
use app as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
