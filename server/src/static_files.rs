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
use tower_http::{services::ServeDir, set_header::SetResponseHeader};

/// Files that never change at their address may be kept for a year.
const FOR_GOOD: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
/// Files whose address stays across builds are checked on every use.
const CHECK_EACH_TIME: HeaderValue = HeaderValue::from_static("no-cache");

/// The build's name: a hash of every file in `pkg_dir` (names and contents, without the
/// precompressed copies, which follow from them), or `unbuilt` when there are none.
pub fn build_of(pkg_dir: &Path) -> String {
    let Ok(entries) = std::fs::read_dir(pkg_dir) else {
        return "unbuilt".into();
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.is_file()
                && !matches!(
                    path.extension().and_then(|extension| extension.to_str()),
                    Some("br" | "gz")
                )
        })
        .collect();
    if files.is_empty() {
        return "unbuilt".into();
    }
    files.sort();
    let mut hash = Sha256::new();
    for file in &files {
        hash.update(file.file_name().unwrap_or_default().as_encoded_bytes());
        hash.update(std::fs::read(file).unwrap_or_default());
    }
    hash.finalize()
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Files in `files` that never change at their address, kept for a year.
pub fn for_good(files: ServeDir) -> SetResponseHeader<ServeDir, HeaderValue> {
    SetResponseHeader::overriding(files, header::CACHE_CONTROL, FOR_GOOD)
}

/// The built files of this build, precompressed copies preferred.
pub fn this_build(pkg_dir: &Path) -> SetResponseHeader<ServeDir, HeaderValue> {
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
    use super::*;

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
        assert_ne!(build_of(&dir), second);
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
