//! The built files (script, WebAssembly and its split chunks, stylesheet) under an address
//! that changes with every build: `/pkg/<build>/notikumi.js`, where `<build>` is a hash of
//! what the build wrote. Browsers and proxies may keep them a year without asking again
//! (`immutable`): a new build is at new addresses. The script loads its chunks relative to its
//! own address, so they are under the build's folder too. The plain `/pkg/…` addresses keep
//! answering, checked on every use (`no-cache`), for a page rendered before an upgrade.
//!
//! Hashing the files rather than taking cargo-leptos's `hash-files` names: `wasm-split`'s
//! chunks and loader keep fixed names, which only a folder per build covers.

use std::path::Path;

use axum::{
    extract::Request,
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};
use sha2::{Digest, Sha256};
use tower_http::{
    services::{fs::ServeFileSystemResponseBody, ServeDir},
    set_header::SetResponseHeader,
};

/// Files that never change at their address may be kept for a year.
const FOR_GOOD: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
/// Files whose address stays across builds are checked on every use.
const CHECK_EACH_TIME: HeaderValue = HeaderValue::from_static("no-cache");

/// Every file under `dir`, in its folders too.
fn files_under(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(Result::ok).map(|entry| entry.path()) {
        if path.is_dir() {
            files_under(&path, found);
        } else {
            found.push(path);
        }
    }
}

/// The build's name: a hash of every file under `pkg_dir` (paths and contents, without the
/// precompressed copies, which follow from them), or `unbuilt` when there are none.
pub fn build_of(pkg_dir: &Path) -> String {
    let mut files = Vec::new();
    files_under(pkg_dir, &mut files);
    files.retain(|path| {
        !matches!(
            path.extension().and_then(|extension| extension.to_str()),
            Some("br" | "gz")
        )
    });
    if files.is_empty() {
        return "unbuilt".into();
    }
    files.sort();
    let mut hash = Sha256::new();
    for file in &files {
        let name = file.strip_prefix(pkg_dir).unwrap_or(file);
        hash.update(name.as_os_str().as_encoded_bytes());
        hash.update(std::fs::read(file).unwrap_or_default());
    }
    hash.finalize()
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// `Cache-Control` for a file that never changes at its address: kept a year once found (an
/// answer that it is not there is not kept).
pub type KeptIfFound =
    fn(&axum::http::Response<ServeFileSystemResponseBody>) -> Option<HeaderValue>;

fn kept_if_found(
    response: &axum::http::Response<ServeFileSystemResponseBody>,
) -> Option<HeaderValue> {
    response.status().is_success().then_some(FOR_GOOD)
}

/// Files in `files` that never change at their address, kept for a year.
pub fn for_good(files: ServeDir) -> SetResponseHeader<ServeDir, KeptIfFound> {
    SetResponseHeader::overriding(files, header::CACHE_CONTROL, kept_if_found as KeptIfFound)
}

/// The built files of this build, precompressed copies preferred.
pub fn this_build(pkg_dir: &Path) -> SetResponseHeader<ServeDir, KeptIfFound> {
    for_good(
        ServeDir::new(pkg_dir)
            .precompressed_br()
            .precompressed_gzip(),
    )
}

/// The middleware for the plain `/pkg/…` addresses: checked on every use.
pub async fn check_plain_addresses(request: Request, next: Next) -> Response {
    let plain = request.uri().path().starts_with("/pkg/");
    let mut response = next.run(request).await;
    if plain {
        response
            .headers_mut()
            .entry(header::CACHE_CONTROL)
            .or_insert(CHECK_EACH_TIME);
    }
    response
}

#[cfg(test)]
mod tests {
    use tower::ServiceExt;

    use super::*;

    #[tokio::test]
    async fn a_file_found_is_kept_for_good_and_a_missing_one_is_not() {
        let dir = std::env::temp_dir().join(format!("notikumi-pkg-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).expect("folder");
        std::fs::write(dir.join("notikumi.js"), "a").expect("write");
        let cache_control = |path: &'static str| {
            let files = this_build(&dir);
            async move {
                let request = axum::http::Request::get(path)
                    .body(axum::body::Body::empty())
                    .expect("request");
                let response = files.oneshot(request).await.expect("answer");
                (
                    response.status().as_u16(),
                    response.headers().get(header::CACHE_CONTROL).cloned(),
                )
            }
        };
        assert_eq!(cache_control("/notikumi.js").await, (200, Some(FOR_GOOD)));
        assert_eq!(cache_control("/chunk_9.wasm").await, (404, None));
        std::fs::remove_dir_all(&dir).expect("clean up");
    }

    #[test]
    fn the_build_changes_with_any_file_and_not_with_compressed_copies() {
        let dir = std::env::temp_dir().join(format!("notikumi-pkg-{}", uuid::Uuid::new_v4()));
        assert_eq!(build_of(&dir), "unbuilt");
        std::fs::create_dir_all(&dir).expect("folder");
        std::fs::write(dir.join("notikumi.js"), "a").expect("write");
        let first = build_of(&dir);
        assert_eq!(first.len(), 16);
        std::fs::write(dir.join("notikumi.js.br"), "zz").expect("write");
        assert_eq!(build_of(&dir), first);
        std::fs::write(dir.join("chunk_1.wasm"), "b").expect("write");
        let second = build_of(&dir);
        assert_ne!(second, first);
        std::fs::write(dir.join("chunk_1.wasm"), "c").expect("write");
        let third = build_of(&dir);
        assert_ne!(third, second);
        std::fs::create_dir_all(dir.join("snippets")).expect("folder");
        std::fs::write(dir.join("snippets").join("inline0.js"), "d").expect("write");
        assert_ne!(build_of(&dir), third, "files in folders count too");
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
