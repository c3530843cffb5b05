//! Pages from memory before everything else. A reader page kept by `page_cache` is answered
//! here, outside the layers every other request goes through, with what those layers would
//! add: the request id and its log line, the count for `/metrics` (the security headers are
//! kept with the page).
//!
//! Why a service of its own: each `from_fn` middleware clones the stack beneath it and boxes
//! its future for every request, and on a hit that was most of the server's own work (the
//! month page at 64 connections: about 83,000 requests a second through the layers, 103,000
//! here, where hyper serving the same bytes with no code around it does 131,000;
//! `BENCHMARKS.md`). A miss goes on to the layers unchanged, and `serve_from_memory` beneath
//! them renders and keeps the page.

use std::{
    convert::Infallible,
    task::{Context, Poll},
    time::Instant,
};

use axum::{extract::Request, response::Response, Router};
use futures_util::future::BoxFuture;
use tower::{Service, ServiceExt};

use crate::{access_log, metrics, page_cache::PageCache};

/// Answers pages kept in memory; hands everything else to `layers`.
#[derive(Clone)]
pub struct MemoryFirst {
    pages: PageCache,
    /// The stack of layers and routes, behind a `Router`, whose clone is one `Arc`.
    layers: Router,
}

impl MemoryFirst {
    pub fn new(pages: PageCache, layers: Router) -> Self {
        Self { pages, layers }
    }
}

impl Service<Request> for MemoryFirst {
    type Response = Response;
    type Error = Infallible;
    type Future = BoxFuture<'static, Result<Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        // A `Router` is always ready; each request takes its own clone of it below.
        Poll::Ready(Ok(()))
    }

    /// Outside `CatchPanicLayer`: nothing on the way to an answer from memory may panic (the
    /// one index, a kept page's `ETag`, is set by `Page::new` for every page).
    fn call(&mut self, request: Request) -> Self::Future {
        let this = self.clone();
        Box::pin(async move {
            let started = Instant::now();
            let (mut parts, body) = request.into_parts();
            let Some(mut response) = this.pages.kept(&mut parts).await else {
                return this.layers.oneshot(Request::from_parts(parts, body)).await;
            };
            access_log::answered_before_layers(&parts, &mut response, started.elapsed());
            metrics::count_page(parts.uri.path(), &response, started);
            Ok(response)
        })
    }
}
