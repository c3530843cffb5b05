//! The HTML shell and the router: which URL shows which page.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Link, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use crate::{
    articles::{ArchivePage, ArticlePage, NewsPage},
    auth::{provide_viewer, LoginPage},
    calendar::{CalendarPage, DayPage, EventPage, ListPage},
    components::{provide_site_url, NotFound, SiteFooter, SiteHeader},
    editing::{AuditPage, EditorDesk},
    home::HomePage,
    search::SearchPage,
};

/// The document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="lv">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_site_url();
    provide_viewer();
    mark_hydrated();
    // Pages whose status (404) or title depends on loaded data render completely before the
    // response starts (`SsrMode::Async`), so the status line and <head> are right.
    view! {
        <Stylesheet id="leptos" href="/pkg/notikumi.css"/>
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Link
            rel="alternate"
            type_="application/atom+xml"
            title="Notikumi — jaunumi"
            href="/feed.xml"
        />
        <Title formatter=|title: String| format!("{title} — Notikumi")/>
        <Router>
            <SiteHeader/>
            <main id="saturs" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/calendar") view=CalendarPage ssr=SsrMode::Async/>
                    <Route path=path!("/calendar/list") view=ListPage ssr=SsrMode::Async/>
                    <Route path=path!("/calendar/:year/:period") view=CalendarPage ssr=SsrMode::Async/>
                    <Route path=path!("/calendar/:year/:month/:day") view=DayPage ssr=SsrMode::Async/>
                    <Route path=path!("/events/:slug") view=EventPage ssr=SsrMode::Async/>
                    <Route path=path!("/news") view=NewsPage ssr=SsrMode::Async/>
                    <Route path=path!("/news/:slug") view=ArticlePage ssr=SsrMode::Async/>
                    <Route path=path!("/news/:year/:month") view=ArchivePage ssr=SsrMode::Async/>
                    <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/editor") view=EditorDesk ssr=SsrMode::Async/>
                    <Route path=path!("/editor/audit") view=AuditPage ssr=SsrMode::Async/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}

/// Sets `<html data-hydrated="true">` once the WebAssembly has taken over the page. Effects
/// run only in the browser, so server-rendered HTML never carries it; browser tests wait for it
/// before they expect client-side navigation.
fn mark_hydrated() {
    Effect::new(|_| {
        if let Some(root) = document().document_element() {
            // Only a marker: failing to set it changes nothing for readers.
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
}
