//! The header and footer around every page.

use leptos::{ev::KeyboardEvent, prelude::*};
use leptos_router::components::A;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::{auth::SignOutButton, search::SearchBox};

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <a class="skip-link" href="#saturs">"Pāriet uz saturu"</a>
        <header class="site-header">
            <a class="site-header__brand" href="/">
                <span class="site-header__name">"Notikumi"</span>
                <span class="site-header__tagline">"Cilvēku tirdzniecības novēršana Latvijā"</span>
            </a>
            <SiteNav/>
            <SearchBox/>
            <SignOutButton/>
        </header>
    }
}

/// The main navigation. On narrow screens it folds behind a menu button once the page is
/// interactive (before that, and without WebAssembly, the links simply show).
#[component]
fn SiteNav() -> impl IntoView {
    let open = RwSignal::new(false);
    let on_keydown = move |event: KeyboardEvent| {
        if event.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(button) = document().get_element_by_id("site-nav-toggle") {
                if let Ok(button) = button.dyn_into::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
        }
    };
    view! {
        <div class="site-nav-wrap" on:keydown=on_keydown>
            <button
                type="button"
                id="site-nav-toggle"
                class="site-nav__toggle"
                aria-controls="site-nav"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| open.update(|open| *open = !*open)
            >
                <span class="site-nav__toggle-icon" aria-hidden="true"></span>
                "Izvēlne"
            </button>
            <nav
                id="site-nav"
                class="site-nav"
                class:site-nav--open=move || open.get()
                aria-label="Galvenā navigācija"
                // Following a link closes the menu.
                on:click=move |_| open.set(false)
            >
                <A href="/">"Sākums"</A>
                <A href="/calendar">"Kalendārs"</A>
                <A href="/news">"Jaunumi"</A>
            </nav>
        </div>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>"Informatīvs resurss par cilvēku tirdzniecības novēršanu un palīdzību cietušajiem."</p>
            <p>"Notikumi — atvērtā koda portāls valsts iestādēm." " " <a href="/login">"Redaktoriem"</a></p>
        </footer>
    }
}
