//! hyper alone, answering every request with one file's bytes: the ceiling for a server that
//! writes pages from memory through hyper, for `bench/throughput.sh` to set beside Notikumi and
//! nginx. Same runtime as `notikumi serve` (tokio's, one worker per core), HTTP/1.1,
//! `TCP_NODELAY`; no routing, headers, logging or counting.
//!
//! Usage: `bytes_server FILE ADDRESS`

use std::convert::Infallible;

use axum::body::{Body, Bytes};
use hyper::{server::conn::http1, service::service_fn, Response};
use hyper_util::rt::TokioIo;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut arguments = std::env::args().skip(1);
    let (Some(file), Some(address)) = (arguments.next(), arguments.next()) else {
        eprintln!("usage: bytes_server FILE ADDRESS");
        std::process::exit(2);
    };
    let page = Bytes::from(std::fs::read(file)?);
    let listener = tokio::net::TcpListener::bind(address).await?;
    loop {
        let (stream, _) = listener.accept().await?;
        stream.set_nodelay(true)?;
        let page = page.clone();
        tokio::spawn(async move {
            let answer = service_fn(move |_| {
                let page = page.clone();
                async move { Ok::<_, Infallible>(Response::new(Body::from(page))) }
            });
            // A client that goes away ends its connection; nothing to report.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), answer)
                .await;
        });
    }
}
