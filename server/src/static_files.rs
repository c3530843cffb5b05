//! The built files (script, WebAssembly and its split chunks, stylesheet) under an address
//! that changes with every build: `/pkg/<build>/notikumi.js`, where `<build>` is a hash of
//! what the build wrote. Browsers and proxies may keep them a year without asking again
//! (`immutable`): a new build is at new addresses. The script loads its chunks relative to its
//! own address, so they are under the build's folder too. The plain `/pkg/…` addresses keep
//! answering, checked on every use (`no-cache`), for a page rendered before an upgrade.
//!
//! Hashing the files rather than taking cargo-leptos's `hash-files` names: `wasm-split`'s
//! chunks and loader keep fixed names, which only a folder per build covers.
//!
//! A page rendered before an upgrade still loads its lazy chunks (an editor's first click on
//! "edit", the search box's first focus) from its own build's folder, so a server keeps the
//! files of its last [`KEPT_BUILDS`] builds in `NOTIKUMI_BUILDS_DIR` ([`keep_builds`]) and
//! serves each at its own address, its own build from its kept copy too. Instances sharing
//! that folder serve the builds kept when they started; a build that started after an
//! instance is the other instance's to serve (the example nginx asks it on a 404).

use std::path::Path;

use axum::{
    extract::Request,
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use sha2::{Digest, Sha256};
use tower_http::{
    services::{fs::ServeFileSystemResponseBody, ServeDir},
    set_header::SetResponseHeader,
};

/// Files that never change at their address may be kept for a year.
pub(crate) const FOR_GOOD: HeaderValue =
    HeaderValue::from_static("public, max-age=31536000, immutable");
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

/// The name of a build with no files (`cargo test` without cargo-leptos).
pub const UNBUILT: &str = "unbuilt";

/// The build's name: a hash of every file under `pkg_dir` (paths and contents, without the
/// precompressed copies, which follow from them) and of the page script the server adds to
/// them (`page_script`), or `unbuilt` when there are no files.
pub fn build_of(pkg_dir: &Path, page_script: &str) -> String {
    let mut files = Vec::new();
    files_under(pkg_dir, &mut files);
    files.retain(|path| {
        !matches!(
            path.extension().and_then(|extension| extension.to_str()),
            Some("br" | "gz")
        )
    });
    if files.is_empty() {
        return UNBUILT.into();
    }
    files.sort();
    let mut hash = Sha256::new();
    hash.update(page_script);
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

/// How many builds' files a server keeps serving: its own and the newest earlier ones.
pub const KEPT_BUILDS: usize = 5;

/// Beside each kept build's folder, a file whose modification time says when a server last
/// started with that build; the builds started longest ago are dropped first. (Not inside the
/// folder, which is served.)
fn started_mark(builds_dir: &Path, build: &str) -> std::path::PathBuf {
    builds_dir.join(format!("{build}.started"))
}

/// How old a half-made copy (`.incoming-…`, left by a server that stopped while copying) must
/// be before a starting server removes it: older than any copy takes.
const ABANDONED_COPY: std::time::Duration = std::time::Duration::from_secs(3600);

/// This server's build and the earlier ones it serves, as [`keep_builds`] found them.
#[derive(Debug, PartialEq, Eq)]
pub struct KeptBuilds {
    /// Where this build's files are served from: its kept copy, which an upgrade that replaces
    /// the site's files under a running server does not change.
    pub own: std::path::PathBuf,
    /// The earlier builds kept, newest first; each is `builds_dir/<build>`.
    pub earlier: Vec<String>,
}

/// Copies the files of `pkg_dir` (build `build`) into `builds_dir/<build>` unless they are
/// there already, marks it started now, drops all but the newest [`KEPT_BUILDS`] (and copies
/// abandoned long ago), and answers where this build is served from and the earlier builds
/// kept.
pub fn keep_builds(pkg_dir: &Path, builds_dir: &Path, build: &str) -> std::io::Result<KeptBuilds> {
    std::fs::create_dir_all(builds_dir)?;
    let kept = builds_dir.join(build);
    if !kept.is_dir() {
        // Copied under another name and renamed when complete, so an instance starting at the
        // same time never serves half a build.
        let stamp = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
        let incoming = builds_dir.join(format!(".incoming-{build}-{}-{stamp}", std::process::id()));
        let copied =
            copy_folder(pkg_dir, &incoming).and_then(|()| std::fs::rename(&incoming, &kept));
        if let Err(error) = copied {
            let _ = std::fs::remove_dir_all(&incoming);
            // Unless another instance kept the same build first.
            if !kept.is_dir() {
                return Err(error);
            }
        }
    }
    std::fs::write(
        started_mark(builds_dir, build),
        chrono::Utc::now().to_rfc3339(),
    )?;
    let mut builds = Vec::new();
    for entry in std::fs::read_dir(builds_dir)?.filter_map(Result::ok) {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        if name.starts_with(".incoming-") {
            let age = entry.metadata().and_then(|meta| meta.modified());
            let abandoned = age.is_ok_and(|at| at.elapsed().is_ok_and(|age| age > ABANDONED_COPY));
            if abandoned {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        } else if name.len() == 16 && name.bytes().all(|b| b.is_ascii_hexdigit()) {
            // A build without its mark counts as the oldest.
            let started = std::fs::metadata(started_mark(builds_dir, &name))
                .and_then(|meta| meta.modified())
                .unwrap_or(std::time::SystemTime::UNIX_EPOCH);
            builds.push((started, name));
        }
    }
    builds.sort_by(|a, b| b.cmp(a));
    for (_, dropped) in builds.iter().skip(KEPT_BUILDS) {
        // One that cannot be removed now is tried again at the next start.
        match std::fs::remove_dir_all(builds_dir.join(dropped)) {
            Ok(()) => {
                let _ = std::fs::remove_file(started_mark(builds_dir, dropped));
            }
            Err(error) => tracing::warn!(build = %dropped, %error, "an old build's files stay"),
        }
    }
    Ok(KeptBuilds {
        own: kept,
        earlier: builds
            .into_iter()
            .take(KEPT_BUILDS)
            .map(|(_, name)| name)
            .filter(|name| name != build)
            .collect(),
    })
}

/// Copies every file under `from` to the same place under `to`.
fn copy_folder(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_folder(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
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

/// The longest path part looked for among files: the file system takes names of up to 255
/// bytes (`NAME_MAX` on Linux), and a file server asked for a compressed copy looks for the
/// name with `.br` or `.gz` added.
const LONGEST_NAME: usize = 255 - ".br".len();
/// The longest path looked for among files (`PATH_MAX` is 4,096 bytes with the folder's own
/// path in front); no page or file of the site comes near it.
const LONGEST_PATH: usize = 2048;

/// A 404 at once for an address the file servers could not look for: a part longer than a
/// file's name may be (and than any page's slug, at most 80 characters), or a path longer than
/// any of the site's. The file servers behind it (built files, and the site's own files the
/// fallback looks in before it answers "not found") would fail on it with a 500 and an error
/// in the log, which anyone could fill.
pub async fn refuse_overlong_names(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let overlong =
        path.len() > LONGEST_PATH || path.split('/').any(|part| part.len() > LONGEST_NAME);
    if overlong {
        StatusCode::NOT_FOUND.into_response()
    } else {
        next.run(request).await
    }
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

    /// A folder of its own under the system's temporary folder.
    fn scratch(what: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("notikumi-{what}-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).expect("folder");
        dir
    }

    #[test]
    fn each_build_is_kept_until_newer_ones_push_it_out() {
        let (pkg, builds) = (scratch("pkg"), scratch("builds"));
        let mut started = Vec::new();
        for n in 0..KEPT_BUILDS + 2 {
            std::fs::write(pkg.join("notikumi.js"), format!("build {n}")).expect("write");
            std::fs::create_dir_all(pkg.join("snippets")).expect("folder");
            std::fs::write(pkg.join("snippets").join("inline0.js"), "s").expect("write");
            let build = build_of(&pkg, "loader");
            let kept = keep_builds(&pkg, &builds, &build).expect("kept");
            assert_eq!(kept.own, builds.join(&build));
            let earlier = kept.earlier;
            // Newest first; the one started longest ago drops out once there are too many.
            let expected: Vec<String> = started
                .iter()
                .rev()
                .take(KEPT_BUILDS - 1)
                .cloned()
                .collect();
            assert_eq!(earlier, expected, "after build {n}");
            started.push(build.clone());
            // Marks are compared by time: the next start must be later.
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let kept = |build: &String| builds.join(build).join("notikumi.js");
        assert!(!kept(&started[0]).exists() && !kept(&started[1]).exists());
        assert_eq!(
            std::fs::read_to_string(kept(&started[2])).expect("kept"),
            "build 2"
        );
        assert!(builds
            .join(&started[6])
            .join("snippets")
            .join("inline0.js")
            .exists());
        // Starting an earlier build again keeps its files and makes it the newest.
        std::fs::write(pkg.join("notikumi.js"), "build 3").expect("write");
        let again = keep_builds(&pkg, &builds, &started[3])
            .expect("kept")
            .earlier;
        assert_eq!(again.first(), Some(&started[6]));
        assert_eq!(again.len(), KEPT_BUILDS - 1);
        for dir in [pkg, builds] {
            std::fs::remove_dir_all(dir).expect("clean up");
        }
    }

    #[test]
    fn a_copy_that_failed_leaves_nothing_behind() {
        let builds = scratch("builds");
        let missing = builds.join("no-such-site");
        let error = keep_builds(&missing, &builds, "0123456789abcdef");
        assert!(error.is_err(), "a build that cannot be copied is an error");
        let left: Vec<_> = std::fs::read_dir(&builds).expect("folder").collect();
        assert!(left.is_empty(), "{left:?}");
        std::fs::remove_dir_all(builds).expect("clean up");
    }

    #[test]
    fn the_build_changes_with_any_file_and_not_with_compressed_copies() {
        let dir = std::env::temp_dir().join(format!("notikumi-pkg-{}", uuid::Uuid::new_v4()));
        let build_of = |dir: &Path| build_of(dir, "loader");
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
        let fourth = build_of(&dir);
        assert_ne!(fourth, third, "files in folders count too");
        assert_ne!(
            super::build_of(&dir, "another loader"),
            fourth,
            "the page script counts too"
        );
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
