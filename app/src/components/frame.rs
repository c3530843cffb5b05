//! The header and footer around every page, in the page's language, with the language
//! switcher.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::{
    auth::SignOutButton,
    i18n::{current_lang, t, use_lang, Lang},
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

/// The main navigation and the search box. On phones they fold into a `<details>` menu, which
/// needs no script: the server's HTML already has the folded layout, so nothing moves when a
/// page loads. Escape closes it (`island_loader.js`, for every `.phone-fold`). From 40rem the
/// menu is always open (`style/layout.css`).
#[component]
fn SiteNav() -> impl IntoView {
    let lang = current_lang();
    let path = use_location().pathname.get_untracked();
    let section = Lang::split_path(&path).1.to_string();
    let current = move |href: &str| {
        let here = if href == "/" {
            section == "/"
        } else {
            section == href || section.starts_with(&format!("{href}/"))
        };
        here.then_some("page")
    };
    view! {
        <details class="phone-fold site-menu">
            <summary class="phone-fold__toggle">{lang.t("nav-menu")}</summary>
            <nav id="site-nav" class="site-nav" aria-label=lang.t("nav-label")>
                <a href=lang.href("/") aria-current=current("/")>{lang.t("nav-home")}</a>
                <a href=lang.href("/calendar") aria-current=current("/calendar")>{lang.t("nav-calendar")}</a>
                <a href=lang.href("/news") aria-current=current("/news")>{lang.t("nav-news")}</a>
            </nav>
            // The search box's suggestions need the WebAssembly: it loads when the box is
            // first focused, not with every page.
            <div class="on-focus" data-hydrate="focus">
                <SearchBox lang/>
            </div>
        </details>
    }
}

/// The address of the sign-in page that comes back to this one, the page the editor was
/// reading.
pub fn sign_in_here(lang: Memo<Lang>) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let location = use_location();
    move || {
        let login = lang.get().href(crate::paths::LOGIN);
        let path = location.pathname.get();
        if path.ends_with(crate::paths::LOGIN) {
            return login;
        }
        let query = location.search.get();
        let here = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        let next: String = form_urlencoded::byte_serialize(here.as_bytes()).collect();
        format!("{login}?next={next}")
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let lang = use_lang();
    let sign_in = sign_in_here(lang);
    view! {
        <footer class="site-footer">
            <p>{t("footer-about")}</p>
            <p>{t("footer-project")} " " <a href=sign_in>{t("footer-editors")}</a></p>
        </footer>
    }
}
