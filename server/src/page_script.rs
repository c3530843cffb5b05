//! The page script (`app/src/island_loader.js`, see `docs/islands.md`) as a file of the
//! build, `/pkg/<build>/loader.js`, rather than inline in every page: each page is smaller
//! by the script (7.9 kB), and a browser fetches it once a build and keeps it (`immutable`:
//! the build's name covers the loader's source, `static_files::build_of`). The server makes
//! its text when it starts (it names the build's files), so it is compressed then, once per
//! coding, where cargo-leptos precompresses the other files when it builds them; and it is
//! written into the build's kept folder (`static_files::keep_builds`), so that a server
//! running a later build still serves it to a page of this one.

use std::{io::Write, path::Path};

use axum::{
    body::{Body, Bytes},
    http::{header, HeaderMap, HeaderValue},
    response::Response,
    routing::{get, MethodRouter},
};

use crate::page_cache::Encoding;

/// The script in each coding a browser may ask for.
pub struct PageScript {
    /// Its file's name in the build's folder.
    name: String,
    plain: Bytes,
    gzip: Bytes,
    brotli: Bytes,
    cache_control: HeaderValue,
}

const JAVASCRIPT: HeaderValue = HeaderValue::from_static("text/javascript; charset=utf-8");

impl PageScript {
    /// The script `text` at `address`, kept for good unless its build has no files
    /// (`kept_for_good` false: `/pkg/unbuilt/…` does not change when the loader does).
    pub fn new(address: &str, text: String, kept_for_good: bool) -> Self {
        let mut brotli = brotli::CompressorWriter::new(Vec::new(), 4096, 11, 22);
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing into memory cannot fail.
        let _ = brotli.write_all(text.as_bytes());
        let _ = gzip.write_all(text.as_bytes());
        Self {
            name: address.rsplit('/').next().unwrap_or(address).to_owned(),
            brotli: brotli.into_inner().into(),
            gzip: gzip.finish().unwrap_or_default().into(),
            plain: text.into(),
            cache_control: if kept_for_good {
                crate::static_files::FOR_GOOD
            } else {
                HeaderValue::from_static("no-cache")
            },
        }
    }

    /// Writes the script and its compressed copies into `folder`, a kept build's, beside the
    /// build's other files (served from there by a server running a later build). Each is
    /// written under another name and renamed, so an instance starting meanwhile never serves
    /// half of one.
    pub fn keep_in(&self, folder: &Path) -> std::io::Result<()> {
        for (suffix, bytes) in [
            ("", &self.plain),
            (".br", &self.brotli),
            (".gz", &self.gzip),
        ] {
            let file = folder.join(format!("{}{suffix}", self.name));
            let incoming = folder.join(format!(
                ".incoming-{}-{}{suffix}",
                std::process::id(),
                self.name
            ));
            std::fs::write(&incoming, bytes)?;
            std::fs::rename(&incoming, &file)?;
        }
        Ok(())
    }

    fn answer(&self, request: &HeaderMap) -> Response {
        let (body, coding) = match Encoding::accepted(request) {
            Encoding::Brotli => (&self.brotli, Some("br")),
            Encoding::Gzip => (&self.gzip, Some("gzip")),
            Encoding::Identity => (&self.plain, None),
        };
        let mut response = Response::new(Body::from(body.clone()));
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, JAVASCRIPT);
        headers.insert(header::CACHE_CONTROL, self.cache_control.clone());
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if let Some(coding) = coding {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
        }
        response
    }
}

/// Answers `GET` and `HEAD` with `script`.
pub fn serve<S: Clone + Send + Sync + 'static>(
    script: std::sync::Arc<PageScript>,
) -> MethodRouter<S> {
    get(move |request: HeaderMap| async move { script.answer(&request) })
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn asking(coding: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_ENCODING, coding.parse().expect("header"));
        headers
    }

    async fn body_of(response: Response) -> Vec<u8> {
        axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body")
            .to_vec()
    }

    #[tokio::test]
    async fn each_coding_holds_the_same_script() {
        let text = app::app::loader_source().repeat(2);
        let script = PageScript::new("/pkg/0123456789abcdef/loader.js", text.clone(), true);
        let plain = body_of(script.answer(&HeaderMap::new())).await;
        assert_eq!(plain, text.as_bytes());

        let coded = script.answer(&asking("gzip, deflate"));
        assert_eq!(coded.headers()[header::CONTENT_ENCODING], "gzip");
        let gzip = body_of(coded).await;
        assert!(
            gzip.len() * 2 < text.len(),
            "{} of {}",
            gzip.len(),
            text.len()
        );
        let mut unpacked = String::new();
        flate2::read::GzDecoder::new(&gzip[..])
            .read_to_string(&mut unpacked)
            .expect("gzip");
        assert_eq!(unpacked, text);

        let coded = script.answer(&asking("gzip, br"));
        assert_eq!(coded.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(coded.headers()[header::VARY], "accept-encoding");
        let brotli = body_of(coded).await;
        assert!(
            brotli.len() < gzip.len(),
            "{} against {}",
            brotli.len(),
            gzip.len()
        );
        let mut unpacked = String::new();
        brotli::Decompressor::new(&brotli[..], 4096)
            .read_to_string(&mut unpacked)
            .expect("brotli");
        assert_eq!(unpacked, text);
    }

    #[test]
    fn a_kept_build_holds_the_script_in_each_coding() {
        let folder = std::env::temp_dir().join(format!("notikumi-kept-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&folder).expect("folder");
        let text = app::app::loader_source().to_owned();
        let script = PageScript::new("/pkg/0123456789abcdef/loader.js", text.clone(), true);
        script.keep_in(&folder).expect("kept");
        let read = |name: &str| std::fs::read(folder.join(name)).expect(name);
        assert_eq!(read("loader.js"), text.as_bytes());
        let mut unpacked = String::new();
        flate2::read::GzDecoder::new(&read("loader.js.gz")[..])
            .read_to_string(&mut unpacked)
            .expect("gzip");
        assert_eq!(unpacked, text);
        let mut unpacked = String::new();
        brotli::Decompressor::new(&read("loader.js.br")[..], 4096)
            .read_to_string(&mut unpacked)
            .expect("brotli");
        assert_eq!(unpacked, text);
        let mut names: Vec<_> = std::fs::read_dir(&folder)
            .expect("folder")
            .map(|entry| entry.expect("entry").file_name())
            .collect();
        names.sort();
        assert_eq!(names, ["loader.js", "loader.js.br", "loader.js.gz"]);
        std::fs::remove_dir_all(folder).expect("clean up");

        // A site without built files: its address does not change with the loader.
        let unbuilt = PageScript::new("/pkg/unbuilt/loader.js", text, false);
        let answer = unbuilt.answer(&HeaderMap::new());
        assert_eq!(answer.headers()[header::CACHE_CONTROL], "no-cache");
    }
}
