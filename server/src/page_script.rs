//! The page script (`app/src/island_loader.js`, see `docs/islands.md`) as a file of the
//! build, `/pkg/<build>/loader.js`, rather than inline in every page: each page is 7.9 kB
//! smaller, and a browser fetches the script once a build and keeps it (`immutable`: the
//! build's name covers the loader's source, `static_files::build_of`). The server makes its
//! text when it starts (it names the build's files), so it is compressed then, once per
//! coding, where cargo-leptos precompresses the other files when it builds them.

use std::io::Write;

use axum::{
    body::{Body, Bytes},
    http::{header, HeaderMap, HeaderValue},
    response::Response,
    routing::{get, MethodRouter},
};

use crate::page_cache::Encoding;

/// The script in each coding a browser may ask for.
struct PageScript {
    plain: Bytes,
    gzip: Bytes,
    brotli: Bytes,
}

const JAVASCRIPT: HeaderValue = HeaderValue::from_static("text/javascript; charset=utf-8");

impl PageScript {
    fn new(text: String) -> Self {
        let mut brotli = brotli::CompressorWriter::new(Vec::new(), 4096, 11, 22);
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing into memory cannot fail.
        let _ = brotli.write_all(text.as_bytes());
        let _ = gzip.write_all(text.as_bytes());
        Self {
            brotli: brotli.into_inner().into(),
            gzip: gzip.finish().unwrap_or_default().into(),
            plain: text.into(),
        }
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
        headers.insert(header::CACHE_CONTROL, crate::static_files::FOR_GOOD);
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if let Some(coding) = coding {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
        }
        response
    }
}

/// Answers `GET` and `HEAD` with the script `text`.
pub fn serve<S: Clone + Send + Sync + 'static>(text: String) -> MethodRouter<S> {
    let script = std::sync::Arc::new(PageScript::new(text));
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
        let script = PageScript::new(text.clone());
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
}
