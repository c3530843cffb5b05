//! The header and footer around every page, in the page's language, with the language
//! switcher.

use leptos::{ev::KeyboardEvent, prelude::*};
use leptos_router::{components::A, hooks::use_location};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::{
    auth::SignOutButton,
    i18n::{t, use_lang, Lang},
    search::SearchBox,
};

#[component]
pub fn SiteHeader() -> impl IntoView {
    let lang = use_lang();
    view! {
        <a class="skip-link" href="#saturs">{t("skip-link")}</a>
        <header class="site-header">
            <a class="site-header__brand" href=move || lang.get().href("/")>
                <span class="site-header__name">"Notikumi"</span>
                <span class="site-header__tagline">{t("site-tagline")}</span>
            </a>
            <SiteNav/>
            <SearchBox/>
            <LanguageSwitcher/>
            <SignOutButton/>
        </header>
    }
}

/// Links to this page in the other languages (the same path under their prefix).
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let link = move |other: Lang| {
        let href = move || {
            let path = location
                .pathname
                .with(|path| Lang::split_path(path).1.to_string());
            let query = location.search.get();
            let path = if query.is_empty() {
                path
            } else {
                format!("{path}?{query}")
            };
            other.href(&path)
        };
        view! {
            <li>
                <a
                    href=href
                    hreflang=other.code()
                    lang=other.code()
                    aria-current=move || (lang.get() == other).then_some("true")
                >
                    {other.native_name()}
                </a>
            </li>
        }
    };
    view! {
        <nav class="language-switcher" aria-label=t("language-label")>
            <ul>{Lang::ALL.map(link)}</ul>
        </nav>
    }
}

/// The main navigation. On narrow screens it folds behind a menu button once the page is
/// interactive (before that, and without WebAssembly, the links simply show).
#[component]
fn SiteNav() -> impl IntoView {
    let lang = use_lang();
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
                {t("nav-menu")}
            </button>
            <nav
                id="site-nav"
                class="site-nav"
                class:site-nav--open=move || open.get()
                aria-label=t("nav-label")
                // Following a link closes the menu.
                on:click=move |_| open.set(false)
            >
                // `exact`: every page of a language is below its front page.
                <A href=move || lang.get().href("/") exact=true>{t("nav-home")}</A>
                <A href=move || lang.get().href("/calendar")>{t("nav-calendar")}</A>
                <A href=move || lang.get().href("/news")>{t("nav-news")}</A>
            </nav>
        </div>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let lang = use_lang();
    view! {
        <footer class="site-footer">
            <p>{t("footer-about")}</p>
            <p>{t("footer-project")} " " <a href=move || lang.get().href("/login")>{t("footer-editors")}</a></p>
        </footer>
    }
}
