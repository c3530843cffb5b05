//! The Notikumi web server: configuration, the Axum router (pages, server functions,
//! static files, health checks) and start-up.

// Leptos's statically typed views nest deeply; laying out the page types needs more than
// the default 128 levels.
#![recursion_limit = "256"]

mod access_log;
pub mod cli;
pub mod client_address;
pub mod config;
pub mod listener;
pub mod memory_first;
mod metrics;
mod moved_items;
pub mod page_cache;
mod page_script;
mod request_size;
mod security_headers;
mod static_files;
mod time_limit;
pub mod users;

use app::{shell, state::AppState, App};
use axum::{
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::{catch_panic::CatchPanicLayer, compression::CompressionLayer};

/// Every route of the site, with the default limits. Tested without a socket through
/// `tower::ServiceExt::oneshot`.
pub fn router(state: AppState) -> Router {
    router_with(state, config::Serving::default())
}

/// Every route of the site, within `serving`'s limits.
pub fn router_with(state: AppState, serving: config::Serving) -> Router {
    Router::new().fallback_service(site_with(state, serving))
}

/// The site as `notikumi serve` runs it: `router_with` without the router around it, which
/// would only route every request to it.
pub fn site_with(mut state: AppState, serving: config::Serving) -> memory_first::MemoryFirst {
    // Pages name the built files under this build's own folder (`static_files`).
    let options = &mut state.leptos_options;
    let pkg_base = options.site_pkg_dir.to_string();
    let pkg_dir = std::path::Path::new(&*options.site_root).join(&pkg_base);
    let build = static_files::build_of(&pkg_dir, app::app::loader_source());
    if build == static_files::UNBUILT {
        tracing::warn!(
            folder = %pkg_dir.display(),
            "no built files here: pages will have no styles and no script \
             (LEPTOS_SITE_ROOT names the folder cargo-leptos built, `target/site`)"
        );
    }
    options.site_pkg_dir = format!("{pkg_base}/{build}").into();
    let (page_script_address, page_script) = app::app::page_script(options);
    let page_script = std::sync::Arc::new(page_script::PageScript::new(
        &page_script_address,
        page_script,
        build != static_files::UNBUILT,
    ));
    let build_files = build_files(
        &pkg_base,
        &pkg_dir,
        serving.builds_dir.as_deref(),
        &build,
        &page_script,
    );
    let routes = generate_route_list(App);
    let leptos_options = state.leptos_options.clone();
    let context_state = state.clone();
    let site = Router::new()
        .route(
            "/metrics",
            get(metrics::render).with_state((
                state.clone(),
                std::sync::Arc::new(serving.metrics_allow.clone()),
            )),
        )
        .merge(app::feeds::routes())
        // The sign-in form posts to its own page (GET renders it, below).
        .merge(app::auth::login_form::routes())
        // The handler reads the body itself, after the session check, up to its own limit.
        .route(
            app::paths::MEDIA_UPLOAD,
            axum::routing::post(app::editing::upload::upload),
        )
        .route(&page_script_address, page_script::serve(page_script))
        .merge(build_files)
        .nest(
            "/media",
            Router::new()
                .fallback_service(media_files(&state.media_dir))
                .layer(axum::middleware::from_fn(only_media_names)),
        )
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(context_state.clone()),
            move || shell(leptos_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn(
            static_files::check_plain_addresses,
        ))
        .layer(axum::middleware::from_fn(
            static_files::refuse_overlong_names,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            app::feeds::event_feed,
        ))
        // Outside the event feed, so an event's old `.ics` address leads on too.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            moved_items::send_on,
        ))
        .layer(request_size::body_limit())
        .layer(axum::middleware::from_fn(request_size::refuse_oversized))
        // Outside the size check, which may read a body: a cross-site request is refused
        // before any of it is read.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            app::auth::csrf::refuse_cross_site,
        ))
        // Beneath compression, which would hide the nonces it takes out.
        .layer(axum::middleware::from_fn(page_cache::drop_nonces))
        .layer(CompressionLayer::new())
        .with_state(state.clone());
    metrics::install();
    // What is not served from memory takes one of the places, or is answered 503 at once.
    let limited = tower::ServiceBuilder::new()
        .layer(axum::middleware::from_fn_with_state(
            std::sync::Arc::new(serving.trusted_proxies),
            client_address::find_client,
        ))
        .layer(axum::error_handling::HandleErrorLayer::new(overloaded))
        .layer(tower::load_shed::LoadShedLayer::new())
        .layer(tower::limit::ConcurrencyLimitLayer::new(
            serving.max_requests,
        ))
        .layer(axum::middleware::from_fn_with_state(
            serving.request_timeout,
            time_limit::answer_within,
        ))
        .service(site);
    // Health checks answer outside the limits: a busy instance is not a dead one.
    let routed = Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .with_state(state.clone())
        .fallback_service(limited);
    // Around everything, health checks included (`Router::layer` would wrap every route and
    // clone its stack per request).
    let policy = security_headers::Policy::new(&app::app::inline_scripts(), state.is_https());
    let pages = page_cache::PageCache::new(&state, serving.page_cache_megabytes, policy.clone());
    let served = tower::ServiceBuilder::new()
        .layer(axum::middleware::from_fn(metrics::count_requests))
        .layer(access_log::set_request_id())
        .layer(access_log::log_requests())
        .layer(access_log::propagate_request_id())
        .layer(axum::middleware::from_fn_with_state(
            policy,
            security_headers::add,
        ))
        // A bug that panics in one request answers that request with a 500 and leaves the
        // server running.
        .layer(CatchPanicLayer::new())
        // Pages rendered for readers are kept here, before limits and compression (they are
        // kept compressed, once per encoding); `memory_first` answers them next time.
        .layer(axum::middleware::from_fn_with_state(
            pages.clone(),
            page_cache::serve_from_memory,
        ))
        .service(routed);
    // Pages in memory are answered before all of it.
    let layers = Router::new().fallback_service(served);
    memory_first::MemoryFirst::new(pages, layers)
}

/// Starts folding `/metrics`' latency samples regularly (needs the tokio runtime).
pub fn keep_metrics_up() {
    metrics::keep_up();
}

/// The answer when every place is taken: come back in a moment.
async fn overloaded(_: tower::BoxError) -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(axum::http::header::RETRY_AFTER, "2")],
        "Serveris ir pārslogots; lūdzu, mēģiniet vēlreiz pēc brīža.",
    )
        .into_response()
}

/// Only names the upload could have given (a hash, maybe a width, an image extension) reach
/// the folder: anything else is a 404 at once, so no odd name (one longer than the file
/// system allows, say) can make the file server answer 500.
async fn only_media_names(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let name = request.uri().path().trim_start_matches('/');
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    let plausible = (1..=64).contains(&stem.len())
        && stem
            .bytes()
            .all(|b| b.is_ascii_hexdigit() || b.is_ascii_digit() || b == b'-')
        && ["jpg", "png", "gif", "webp"].contains(&extension);
    if plausible {
        next.run(request).await
    } else {
        StatusCode::NOT_FOUND.into_response()
    }
}

/// This build's files and the earlier builds' kept in `builds_dir`, each under its own
/// address (`static_files::keep_builds`), with the page script this server makes (which it
/// serves itself, for this build). A folder that cannot be written costs only the earlier
/// builds: this one is served from `pkg_dir`.
fn build_files(
    pkg_base: &str,
    pkg_dir: &std::path::Path,
    builds_dir: Option<&std::path::Path>,
    build: &str,
    page_script: &page_script::PageScript,
) -> Router<AppState> {
    let kept = builds_dir
        .filter(|_| build != static_files::UNBUILT)
        .and_then(|builds_dir| {
            static_files::keep_builds(pkg_dir, builds_dir, build)
                .map(|kept| (builds_dir, kept))
                .inspect_err(|error| {
                    let dir = builds_dir.display();
                    tracing::warn!(%error, %dir, "earlier builds' files are not kept: pages loaded before an upgrade may miss their code");
                })
                .ok()
        });
    if let Some((_, kept)) = &kept {
        if let Err(error) = page_script.keep_in(&kept.own) {
            tracing::warn!(%error, "the page script is not kept: after an upgrade, pages of this build would load no islands");
        }
    }
    let own = kept
        .as_ref()
        .map_or(pkg_dir, |(_, kept)| kept.own.as_path());
    let this_build = Router::new().nest_service(
        &format!("/{pkg_base}/{build}"),
        static_files::this_build(own),
    );
    let Some((builds_dir, kept)) = kept else {
        return this_build;
    };
    kept.earlier.iter().fold(this_build, |routes, earlier| {
        routes.nest_service(
            &format!("/{pkg_base}/{earlier}"),
            static_files::this_build(&builds_dir.join(earlier)),
        )
    })
}

/// Uploaded images: named by their content hash, so they never change and may be cached long.
fn media_files(
    dir: &std::path::Path,
) -> tower_http::set_header::SetResponseHeader<
    tower_http::services::ServeDir,
    static_files::KeptIfFound,
> {
    static_files::for_good(tower_http::services::ServeDir::new(dir))
}

/// The process is up.
async fn healthz() -> &'static str {
    "ok"
}

/// The database answers.
async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    // A load balancer's check must not wait for the pool's own time limit.
    let ping = tokio::time::timeout(READINESS_WAIT, state.store.ping()).await;
    match ping {
        Ok(Ok(())) => (StatusCode::OK, "ready"),
        Ok(Err(error)) => {
            tracing::warn!(%error, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
        Err(_) => {
            tracing::warn!("readiness check: no answer from the database in time");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// How long `/readyz` waits for the database.
const READINESS_WAIT: std::time::Duration = std::time::Duration::from_secs(2);
