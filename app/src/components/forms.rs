//! Helpers for GET forms that navigate in the browser (`leptos_router::components::Form`).

use std::sync::Arc;

use leptos::web_sys::FormData;

/// Leptos's `<Form>` adds the nameless submit button to a GET query as an empty `=` pair;
/// this drops it before the URL is built.
pub fn without_nameless_fields() -> Arc<dyn Fn(&FormData)> {
    Arc::new(|data: &FormData| data.delete(""))
}
