//! A site on a temporary SQLite database with the demo content, answered through `oneshot`.

use app::{demo, state::AppState, storage, timezone};
use axum::{body::Body, Router};
use http::{Request, StatusCode};
use leptos::prelude::LeptosOptions;
use tower::ServiceExt;

/// A site on its own temporary SQLite database filled with the demo content.
pub struct Site {
    pub router: Router,
    pub store: storage::SharedStore,
    pub path: std::path::PathBuf,
}

impl Site {
    pub async fn with_demo_content() -> Self {
        let path = std::env::temp_dir().join(format!("notikumi-pages-{}.db", uuid::Uuid::new_v4()));
        let store = storage::connect(&format!("sqlite:{}", path.display()))
            .await
            .expect("database opens");
        demo::load(store.as_ref(), timezone::today())
            .await
            .expect("demo content loads");
        let leptos_options = LeptosOptions::builder().output_name("notikumi").build();
        Site {
            router: server::router(AppState {
                leptos_options,
                store: store.clone(),
                public_url: "https://notikumi.example.lv".into(),
            }),
            store,
            path,
        }
    }

    /// The status and the body.
    pub async fn get(&self, uri: &str) -> (StatusCode, String) {
        let (status, _, body) = self.get_typed(uri).await;
        (status, body)
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.path.display()));
        }
    }
}

impl Site {
    /// The status, the Content-Type and the body.
    pub async fn get_typed(&self, uri: &str) -> (StatusCode, String, String) {
        let request = Request::get(uri).body(Body::empty()).expect("request");
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("response");
        let status = response.status();
        let content_type = response
            .headers()
            .get(http::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body");
        (
            status,
            content_type,
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    }
}
