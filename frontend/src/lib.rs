//! Browser entry point: hydrates the server-rendered HTML with the same `App` the server used.

// Leptos's statically typed views nest deeply; computing their layout in the wasm build
// needs more than the default 128 levels.
#![recursion_limit = "256"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // `hydrate_lazy` waits for any split-off code a page needs (see `editing`) before hydrating.
    leptos::mount::hydrate_lazy(app::App);
}
