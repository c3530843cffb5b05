//! The header and footer around every page, in the page's language, with the language
//! switcher.

use leptos::{ev::KeyboardEvent, prelude::*};
use leptos_router::hooks::use_location;
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
            <SiteNav lang=lang.get_untracked() path=use_location().pathname.get_untracked()/>
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

/// The main navigation and the search box, an island (Escape closes the menu, the search box
/// suggests titles). On phones they fold into a `<details>` menu, which needs no script: the
/// server's HTML already has the folded layout, so nothing moves when the page hydrates, and
/// the menu opens before (and without) the WebAssembly. From 40rem the menu is always open
/// (`style/layout.css`).
#[island]
fn SiteNav(
    lang: Lang,
    /// This page's path, to mark the section it belongs to.
    path: String,
) -> impl IntoView {
    crate::i18n::provide_lang_of(lang);
    let section = Lang::split_path(&path).1.to_string();
    let current = move |href: &str| {
        let here = if href == "/" {
            section == "/"
        } else {
            section == href || section.starts_with(&format!("{href}/"))
        };
        here.then_some("page")
    };
    let menu = NodeRef::<leptos::html::Details>::new();
    let close = move || {
        if let Some(menu) = menu.get_untracked() {
            menu.set_open(false);
        }
    };
    // Escape closes the open menu and gives focus back to its button.
    let on_keydown = move |event: KeyboardEvent| {
        let Some(details) = menu.get_untracked() else {
            return;
        };
        if event.key() == "Escape" && details.open() {
            details.set_open(false);
            if let Some(summary) = details
                .first_element_child()
                .and_then(|summary| summary.dyn_into::<HtmlElement>().ok())
            {
                let _ = summary.focus();
            }
        }
    };
    view! {
        <details class="phone-fold site-menu" node_ref=menu on:keydown=on_keydown>
            <summary class="phone-fold__toggle">{t("nav-menu")}</summary>
            <nav
                id="site-nav"
                class="site-nav"
                aria-label=t("nav-label")
                // Following a link closes the menu (coming back to this page shows it closed).
                on:click=move |_| close()
            >
                <a href=lang.href("/") aria-current=current("/")>{t("nav-home")}</a>
                <a href=lang.href("/calendar") aria-current=current("/calendar")>{t("nav-calendar")}</a>
                <a href=lang.href("/news") aria-current=current("/news")>{t("nav-news")}</a>
            </nav>
            <SearchBox/>
        </details>
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
