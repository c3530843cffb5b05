//! A site on a temporary database with the demo content, answered through `oneshot`: SQLite,
//! or with `NOTIKUMI_TEST_BACKEND=postgres` a fresh database on the PostgreSQL server in
//! `TEST_DATABASE_URL` (`make test` runs the racing and hostile-input tests that way too).

use app::{demo, state::AppState, storage, timezone};
use axum::{body::Body, Router};
use http::{Request, StatusCode};
use leptos::prelude::LeptosOptions;
use sqlx::{Connection, Executor};
use tower::ServiceExt;

/// A site on its own temporary database filled with the demo content.
pub struct Site {
    pub router: Router,
    pub store: storage::SharedStore,
    /// The database's URL, for tests that write behind the store's back.
    pub url: String,
    /// The SQLite file, removed with the site. (PostgreSQL test databases go with the
    /// throwaway cluster `make test` starts.)
    pub path: Option<std::path::PathBuf>,
    /// The uploaded images' folder, shared by every instance of the site (as `notikumi serve`
    /// processes share one) and removed with the last of them.
    media: std::sync::Arc<tempfile::TempDir>,
    /// Held while the site lives: one site renders at a time (see `ONE_SITE_AT_A_TIME`).
    _turn: std::sync::Arc<tokio::sync::OwnedMutexGuard<()>>,
}

/// Each test runs on its own tokio runtime, and Leptos keeps some executor state per
/// process: pages rendered on several runtimes at once can hang. So sites take turns, and a
/// plain `cargo test` passes without `RUST_TEST_THREADS=1` (a test that needs two sites at
/// once would wait for itself: none does).
static ONE_SITE_AT_A_TIME: std::sync::LazyLock<std::sync::Arc<tokio::sync::Mutex<()>>> =
    std::sync::LazyLock::new(Default::default);

/// Whether this run's sites are on PostgreSQL (`NOTIKUMI_TEST_BACKEND=postgres`).
pub fn on_postgres() -> bool {
    std::env::var("NOTIKUMI_TEST_BACKEND").as_deref() == Ok("postgres")
}

/// A fresh, empty database for one site: its URL, and its file if it is SQLite.
async fn fresh_database() -> (String, Option<std::path::PathBuf>) {
    fresh_database_on(on_postgres()).await
}

/// A fresh, empty database on PostgreSQL (the server in `TEST_DATABASE_URL`) or SQLite.
pub async fn fresh_database_on(postgres: bool) -> (String, Option<std::path::PathBuf>) {
    if postgres {
        let admin_url = std::env::var("TEST_DATABASE_URL").expect(
            "a PostgreSQL site needs TEST_DATABASE_URL (`make test` starts a server and sets it)",
        );
        let name = format!("notikumi_site_{}", uuid::Uuid::new_v4().simple());
        let mut admin = sqlx::PgConnection::connect(&admin_url)
            .await
            .expect("TEST_DATABASE_URL answers");
        admin
            .execute(format!("CREATE DATABASE {name}").as_str())
            .await
            .expect("a test database can be created");
        return (storage::with_database_name(&admin_url, &name), None);
    }
    let path = std::env::temp_dir().join(format!("notikumi-pages-{}.db", uuid::Uuid::new_v4()));
    (format!("sqlite:{}", path.display()), Some(path))
}

impl Site {
    pub async fn with_demo_content() -> Self {
        Self::with_limits(server::config::Serving::default()).await
    }

    /// A site with the demo content, within `serving`'s limits.
    pub async fn with_limits(serving: server::config::Serving) -> Self {
        let turn = std::sync::Arc::clone(&ONE_SITE_AT_A_TIME)
            .lock_owned()
            .await;
        let (url, path) = fresh_database().await;
        let store = storage::connect(&url).await.expect("database opens");
        demo::load(store.as_ref(), timezone::today())
            .await
            .expect("demo content loads");
        let media = media_folder();
        Site {
            router: router_of(store.clone(), &media, serving),
            store,
            url,
            path,
            media,
            _turn: std::sync::Arc::new(turn),
        }
    }

    /// A second server on this site's database, as behind a load balancer, following the
    /// other instances' writes as `notikumi serve` does.
    pub async fn another_instance(&self) -> Site {
        self.another_site_on(self.url.clone(), None).await
    }

    /// A server on the database at `url` (the SQLite file `path` goes with it), rendering in
    /// this site's turn.
    pub async fn another_site_on(&self, url: String, path: Option<std::path::PathBuf>) -> Site {
        let store = storage::connect(&url)
            .await
            .expect("the other database opens");
        store.follow_other_instances();
        // Instances of one site share its images; another database has its own.
        let media = if url == self.url {
            std::sync::Arc::clone(&self.media)
        } else {
            media_folder()
        };
        Site {
            router: router_of(store.clone(), &media, server::config::Serving::default()),
            store,
            url,
            path,
            media,
            _turn: std::sync::Arc::clone(&self._turn),
        }
    }

    /// Runs `sql` on the site's database directly, so the store cannot know of it.
    pub async fn behind_the_stores_back(&self, sql: &str) {
        use sqlx::{Connection, Executor};
        if self.url.starts_with("sqlite:") {
            let mut connection = sqlx::SqliteConnection::connect(&self.url)
                .await
                .expect("the database opens");
            connection.execute(sql).await.expect("the update runs");
        } else {
            let mut connection = sqlx::PgConnection::connect(&self.url)
                .await
                .expect("the database opens");
            connection.execute(sql).await.expect("the update runs");
        }
    }

    /// The status and the body.
    pub async fn get(&self, uri: &str) -> (StatusCode, String) {
        let (status, _, body) = self.get_typed(uri).await;
        (status, body)
    }
}

fn router_of(
    store: storage::SharedStore,
    media: &tempfile::TempDir,
    serving: server::config::Serving,
) -> Router {
    router_on(
        store,
        media,
        LeptosOptions::builder().output_name("notikumi").build(),
        serving,
    )
}

fn router_on(
    store: storage::SharedStore,
    media: &tempfile::TempDir,
    leptos_options: LeptosOptions,
    serving: server::config::Serving,
) -> Router {
    server::router_with(
        AppState {
            leptos_options,
            store,
            public_url: ORIGIN.into(),
            media_dir: media.path().to_path_buf(),
        },
        serving,
    )
}

fn media_folder() -> std::sync::Arc<tempfile::TempDir> {
    std::sync::Arc::new(
        tempfile::Builder::new()
            .prefix("notikumi-media-")
            .tempdir()
            .expect("a temporary media folder"),
    )
}

impl Site {
    /// This site served by a build whose files are in `site_root/pkg`, keeping earlier builds'
    /// files in `builds_dir`, as `notikumi serve` does.
    pub fn served_by_build(
        &self,
        site_root: &std::path::Path,
        builds_dir: &std::path::Path,
    ) -> Router {
        let options = LeptosOptions::builder()
            .output_name("notikumi")
            .site_root(site_root.display().to_string())
            .build();
        let serving = server::config::Serving {
            builds_dir: Some(builds_dir.to_path_buf()),
            ..server::config::Serving::default()
        };
        router_on(self.store.clone(), &self.media, options, serving)
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let Some(path) = &self.path else { return };
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
}

impl Site {
    /// The status, the Content-Type and the body.
    pub async fn get_typed(&self, uri: &str) -> (StatusCode, String, String) {
        let answer = self
            .send(Request::get(uri).body(Body::empty()).expect("request"))
            .await;
        let content_type = answer
            .headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_string();
        (answer.status, content_type, answer.body)
    }

    /// Calls each server function `(name, arguments)` without signing in: every one is
    /// refused with 401.
    pub async fn refuses_without_signing_in(&self, calls: &[(&str, serde_json::Value)]) {
        for (name, arguments) in calls {
            let uri = format!("/api/editing/{name}");
            let answer = self.post_json(&uri, &arguments.to_string(), None).await;
            assert_eq!(
                answer.status,
                StatusCode::UNAUTHORIZED,
                "{name}: {}",
                answer.body
            );
        }
    }
}

/// What came back: status, headers and body.
pub struct Answer {
    pub status: StatusCode,
    pub headers: http::HeaderMap,
    pub body: String,
}

impl Answer {
    /// The `name=value` of the session cookie set by the answer, if any.
    pub fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all(http::header::SET_COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find(|value| {
                value.starts_with("__Host-notikumi_session=") && !value.contains("Max-Age=0")
            })
            .and_then(|value| value.split(';').next())
            .map(str::to_string)
    }
}

/// This site's origin, as browsers send it with requests from its pages.
pub const ORIGIN: &str = "https://notikumi.example.lv";

impl Site {
    pub async fn send(&self, request: Request<Body>) -> Answer {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("response");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body");
        Answer {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    /// A form POST (as a browser sends it from `origin`), with a session cookie if given.
    pub async fn post_form(
        &self,
        uri: &str,
        form: &str,
        cookie: Option<&str>,
        origin: Option<&str>,
    ) -> Answer {
        let mut request = Request::post(uri)
            .header(
                http::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .header(http::header::ACCEPT, "application/json");
        if let Some(cookie) = cookie {
            request = request.header(http::header::COOKIE, cookie);
        }
        if let Some(origin) = origin {
            request = request.header(http::header::ORIGIN, origin);
        }
        self.send(request.body(Body::from(form.to_string())).expect("request"))
            .await
    }

    /// A sign-in attempt from a browser at `address`.
    pub async fn sign_in_from(&self, address: [u8; 4], email: &str, password: &str) -> Answer {
        self.sign_in_forwarded(address, None, email, password).await
    }

    /// A sign-in attempt arriving from `peer`, with `X-Forwarded-For: forwarded_for` if given
    /// (as a reverse proxy sends it, or as a client may forge it).
    pub async fn sign_in_forwarded(
        &self,
        peer: [u8; 4],
        forwarded_for: Option<&str>,
        email: &str,
        password: &str,
    ) -> Answer {
        let address = peer;
        let mut request = Request::post("/login")
            .header(
                http::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .header(http::header::ACCEPT, "text/html")
            .header(http::header::ORIGIN, ORIGIN)
            .body(Body::from(format!("email={email}&password={password}")))
            .expect("request");
        if let Some(forwarded_for) = forwarded_for {
            request.headers_mut().insert(
                "x-forwarded-for",
                forwarded_for.parse().expect("a header value"),
            );
        }
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
                address, 50_000,
            ))));
        self.send(request).await
    }

    /// A JSON POST from this site's pages, with a session cookie if given.
    pub async fn post_json(&self, uri: &str, json: &str, cookie: Option<&str>) -> Answer {
        let mut request = Request::post(uri)
            .header(http::header::CONTENT_TYPE, "application/json")
            .header(http::header::ACCEPT, "application/json")
            .header(http::header::ORIGIN, ORIGIN)
            // As a browser's `fetch` sends it.
            .header(http::header::CONTENT_LENGTH, json.len());
        if let Some(cookie) = cookie {
            request = request.header(http::header::COOKIE, cookie);
        }
        self.send(request.body(Body::from(json.to_string())).expect("request"))
            .await
    }

    /// A page as the holder of `cookie` sees it.
    pub async fn get_as(&self, uri: &str, cookie: &str) -> Answer {
        self.send(
            Request::get(uri)
                .header(http::header::COOKIE, cookie)
                .body(Body::empty())
                .expect("request"),
        )
        .await
    }

    /// Creates an account and signs it in; returns the session cookie (`name=value`).
    pub async fn signed_in(&self, email: &str, role: app::auth::Role) -> String {
        let hash = app::auth::password::hash_password(PASSWORD).expect("hash");
        self.store
            .create_user(email, &hash, role)
            .await
            .expect("account");
        let answer = self
            .post_form(
                "/login",
                &format!("email={email}&password={PASSWORD}"),
                None,
                Some(ORIGIN),
            )
            .await;
        answer.session_cookie().expect("signed in")
    }
}

/// The password test accounts get.
pub const PASSWORD: &str = "pietiekami-gara-parole";
