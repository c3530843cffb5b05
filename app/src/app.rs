//! The HTML shell and the router: which URL shows which page.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Link, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Outlet, ParentRoute, Route, Router, Routes},
    path, MatchNestedRoutes, SsrMode,
};

use crate::{
    articles::{ArchivePage, ArticlePage, NewsPage},
    auth::{provide_viewer, LoginPage},
    calendar::{CalendarPage, DayPage, EventPage, ListPage},
    components::{provide_site_url, NotFound, SiteFooter, SiteHeader},
    editing::{AuditPage, EditorDesk},
    home::HomePage,
    i18n::{provide_lang, tr, use_lang},
    search::SearchPage,
};

/// The document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    provide_context(AppFiles::of(&options));
    view! {
        <!DOCTYPE html>
        // `lang` comes from the page's language (`<Html>` in `App`).
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                // After the page's own head entries, so a page's preloads of its build go
                // out before the page script, which waits for them anyway.
                <MetaTags/>
                <IslandScripts/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Where the browser finds the app's two builds and the stylesheet.
#[derive(Debug, Clone)]
struct AppFiles {
    readers: Build,
    editors: Build,
    stylesheet: String,
    /// The page script's address (`island_loader.js`, served by the server, which makes it).
    page_script: String,
}

/// One WebAssembly build of the front end: its script and its module.
#[derive(Debug, Clone)]
struct Build {
    script: String,
    wasm: String,
}

/// The editors' build's folder inside the readers' `pkg` (the second project's `site-root`
/// and `site-pkg-dir` in the workspace's Cargo.toml).
const EDITORS_BUILD: &str = "editors/pkg";

/// The page script's name in the readers' build folder.
const PAGE_SCRIPT: &str = "loader.js";

impl AppFiles {
    fn of(options: &LeptosOptions) -> Self {
        let pkg = format!("/{}", options.site_pkg_dir);
        let name = &options.output_name;
        AppFiles {
            readers: Build::named(&format!("{pkg}/{name}")),
            editors: Build::named(&format!("{pkg}/{EDITORS_BUILD}/{name}")),
            stylesheet: format!("{pkg}/{name}.css"),
            page_script: format!("{pkg}/{PAGE_SCRIPT}"),
        }
    }

    /// The build a page loads: the editors' on pages rendered for a signed-in editor.
    fn for_page(&self, editor: bool) -> &Build {
        if editor {
            &self.editors
        } else {
            &self.readers
        }
    }
}

impl Build {
    fn named(stem: &str) -> Self {
        // cargo-leptos names the wasm after the crate (no `_bg`) when it sets
        // LEPTOS_OUTPUT_NAME. File hashing (`hash-files`) is off; turning it on needs the
        // hashed names from its hash file here, as Leptos's `HydrationScripts` reads them.
        let wasm = if option_env!("LEPTOS_OUTPUT_NAME").is_some() {
            format!("{stem}.wasm")
        } else {
            format!("{stem}_bg.wasm")
        };
        Build {
            script: format!("{stem}.js"),
            wasm,
        }
    }
}

/// Loads the WebAssembly and hydrates the page's islands, or does nothing on a page without
/// any (`island_loader.js`). Replaces Leptos's `HydrationScripts`, which always loads it.
/// A file rather than inline: every page is smaller by the script (7.9 kB), which a browser
/// fetches once a build and keeps (see [`page_script`]).
#[component]
fn IslandScripts() -> impl IntoView {
    // Islands mode: only islands hydrate, so the server must not write the page's resources
    // into it for hydration (as Leptos's own `HydrationScripts islands=true` also ensures).
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let script = expect_context::<AppFiles>().page_script;
    view! { <script type="module" src=script></script> }
}

impl AppFiles {
    /// The loader, called with both builds' files.
    fn loader_script(&self) -> String {
        let [readers, editors] =
            [&self.readers, &self.editors].map(|build| [&build.script, &build.wasm]);
        format!("{}({readers:?}, {editors:?});", loader_source())
    }
}

/// The page script's address and its text, for the server to serve. The address is in the
/// build's folder, whose name covers the loader's source too (the server hashes
/// [`loader_source`] with the built files), so the file may be kept for good.
pub fn page_script(options: &LeptosOptions) -> (String, String) {
    let files = AppFiles::of(options);
    let text = files.loader_script();
    (files.page_script, text)
}

/// The loader as pages load it: without its comments and indentation, which are half its
/// bytes.
#[cfg(feature = "ssr")]
pub fn loader_source() -> &'static str {
    static LOADER: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let source = include_str!("island_loader.js");
        match minifier::js::minify(source) {
            Ok(minified) => minified.to_string(),
            // Never seen; the test below would fail first. The page still works.
            Err(error) => {
                tracing::warn!(%error, "island_loader.js was not minified");
                source.to_owned()
            }
        }
    });
    &LOADER
}

#[cfg(not(feature = "ssr"))]
pub fn loader_source() -> &'static str {
    include_str!("island_loader.js")
}

/// The texts of the inline scripts every page carries, byte for byte, so the server can name
/// their hashes in the Content-Security-Policy and forbid every other inline script: the two
/// Leptos's server rendering ends each page with (its resources and errors for hydration:
/// empty, since islands take their data as props and no page writes its resources into
/// itself; a page that did would have its script refused).
pub fn inline_scripts() -> [&'static str; 2] {
    [
        "__RESOLVED_RESOURCES=[];__SERIALIZED_ERRORS=[];__PENDING_RESOURCES=[];\
         __RESOURCE_RESOLVERS=[];",
        "__INCOMPLETE_CHUNKS=[];",
    ]
}

/// For a page whose islands come alive at once (the month grid): the browser fetches the
/// script and WebAssembly while it is still reading the HTML (the editors' build on a page
/// rendered for a signed-in `editor`).
#[component]
pub fn PreloadIslands(editor: bool) -> impl IntoView {
    use_context::<AppFiles>().map(|files| {
        let files = files.for_page(editor).clone();
        view! {
            <Link rel="modulepreload" href=files.script/>
            <Link rel="preload" href=files.wasm as_="fetch" type_="application/wasm" crossorigin="anonymous"/>
        }
    })
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_site_url();
    provide_viewer();
    view! {
        {use_context::<AppFiles>().map(|files| view! { <Stylesheet id="leptos" href=files.stylesheet/> })}
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Title formatter=head_title/>
        <Router>
            <Site/>
        </Router>
    }
}

/// A page's title as the browser shows it: the page's own, then the site's name.
pub fn site_title(title: String) -> String {
    format!("{title} — Notikumi")
}

/// [`site_title`] as the server writes it into `<title>`. leptos_meta 0.8 puts the text it is
/// given there as it is, and a title is an editor's text: unescaped, `</title><meta …>` in a
/// title would end the element and add markup to every reader's page head.
fn head_title(title: String) -> String {
    let title = site_title(title);
    #[cfg(feature = "ssr")]
    let title = html_escape::encode_text(&title).into_owned();
    title
}

/// Everything inside the router: the page's language is known here, from its path.
#[component]
fn Site() -> impl IntoView {
    provide_lang();
    let lang = use_lang();
    view! {
        <Html {..} lang=move || lang.get().code()/>
        // The news feed in the page's language.
        {move || {
            let lang = lang.get();
            view! {
                <Link
                    rel="alternate"
                    type_="application/atom+xml"
                    title=tr(lang, "feed-title")
                    href=lang.href("/feed.xml")
                />
            }
        }}
        <SiteHeader/>
        <main id="saturs" tabindex="-1">
            // Every page has one address per language: Latvian without a prefix, then
            // `/en/…` and `/ru/…`.
            <Routes fallback=NotFound>
                <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                <Pages/>
                <ParentRoute path=path!("/en") view=Outlet ssr=SsrMode::Async>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                    <Pages/>
                </ParentRoute>
                <ParentRoute path=path!("/ru") view=Outlet ssr=SsrMode::Async>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                    <Pages/>
                </ParentRoute>
            </Routes>
        </main>
        <SiteFooter/>
        <EditorPageMessages/>
    }
}

/// On a page rendered for a signed-in editor, the messages its editors' islands show.
#[component]
fn EditorPageMessages() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        let viewer = expect_context::<crate::auth::Viewer>().0;
        let lang = use_lang();
        view! {
            <Suspense>
                {move || Suspend::new(async move {
                    let editor = matches!(viewer.await, Ok(Some(_)));
                    editor.then(|| view! { <crate::i18n::EditorMessages lang=lang.get_untracked()/> })
                })}
            </Suspense>
        }
    }
}

/// The pages below the front page, the same in every language.
// Pages whose status (404) or title depends on loaded data render completely before the
// response starts (`SsrMode::Async`), so the status line and <head> are right.
#[component(transparent)]
fn Pages() -> impl MatchNestedRoutes + Clone {
    view! {
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
    }
    .into_inner()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[test]
    fn the_page_script_goes_out_without_its_comments() {
        let source = include_str!("island_loader.js");
        let carried = super::loader_source();
        assert!(
            carried.len() * 10 < source.len() * 6,
            "{} of {} bytes",
            carried.len(),
            source.len()
        );
        assert!(!carried.contains("docs/islands.md"), "a comment is left");
        // What the loader looks for in a page is untouched.
        for name in [
            "editor-messages",
            "data-hydrate",
            "notikumiLive",
            "popstate",
        ] {
            assert!(carried.contains(name), "{name}");
        }
    }
}
