//! The HTTP listener: hyper's HTTP/1 connection builder rather than `axum::serve`, for the one
//! thing that does not offer: a time limit on reading a request's headers. Without it a client
//! that connects and sends nothing, or its headers a byte at a time ("slowloris"), holds its
//! connection for as long as it likes; the router's time-outs only start once the headers are
//! in. The limit also ends a keep-alive connection idle that long (a proxy in front must keep
//! idle connections for less: `deploy/nginx.conf`).
//!
//! HTTP/1.1 only: hyper-util's builder for both versions starts every connection by reading
//! which version it speaks, with no time limit; TLS and HTTP/2 end at the proxy in front.
//!
//! Shutting down: when `stop` completes, no new connection is accepted, idle keep-alive
//! connections are closed, and the requests in flight have `deadline` to finish.

use std::{convert::Infallible, future::Future, time::Duration};

use axum::{
    body::Body,
    extract::{ConnectInfo, Request},
    response::Response,
};
use hyper::server::conn::http1;
use hyper_util::{
    rt::{TokioIo, TokioTimer},
    server::graceful::GracefulShutdown,
    service::TowerToHyperService,
};
use tokio::net::TcpListener;
use tower::{Service, ServiceExt};

/// Serves `app` (a `Router`, or `crate::site_with`'s service) on `listener` until `stop`, then
/// finishes within `deadline`. Handlers see the peer's address as `ConnectInfo<SocketAddr>`,
/// as with `axum::serve`.
pub async fn serve<S>(
    listener: TcpListener,
    app: S,
    header_timeout: Duration,
    stop: impl Future<Output = ()>,
    deadline: Duration,
) where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout);
    let connections = GracefulShutdown::new();
    tokio::pin!(stop);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors, most likely: let some connections end.
                    tracing::warn!(%error, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        // Small answers (a 304, a server function's JSON) go out without waiting.
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let service =
            tower::service_fn(move |request: axum::http::Request<hyper::body::Incoming>| {
                let mut request = request.map(Body::new);
                request.extensions_mut().insert(ConnectInfo(peer));
                app.clone().oneshot(request)
            });
        let connection =
            builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = connections.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!(%error, %peer, "connection ended");
            }
        });
    }
    drop(listener);
    if tokio::time::timeout(deadline, connections.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            "requests still in flight {} s after the signal; stopping anyway",
            deadline.as_secs()
        );
    }
}

#[cfg(test)]
mod tests {
    use std::{net::SocketAddr, time::Instant};

    use axum::{routing::get, Router};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;

    /// A server for `app` on a free loopback port, its address, and the switch that stops it.
    async fn start(
        app: Router,
    ) -> (
        SocketAddr,
        tokio::sync::oneshot::Sender<()>,
        tokio::task::JoinHandle<()>,
    ) {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
        let address = listener.local_addr().expect("bound");
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let served = tokio::spawn(serve(
            listener,
            app,
            Duration::from_millis(300),
            async move {
                let _ = stopped.await;
            },
            Duration::from_secs(5),
        ));
        (address, stop, served)
    }

    /// Everything the server sends until it closes the connection (or 5 s pass).
    async fn read_to_close(stream: &mut tokio::net::TcpStream) -> String {
        let mut answer = Vec::new();
        tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer))
            .await
            .expect("the server closes the connection")
            .expect("read");
        String::from_utf8_lossy(&answer).into_owned()
    }

    fn who_asks() -> Router {
        Router::new().route(
            "/",
            get(|ConnectInfo(peer): ConnectInfo<SocketAddr>| async move { peer.ip().to_string() }),
        )
    }

    #[tokio::test]
    async fn a_client_that_never_finishes_its_headers_is_disconnected() {
        let (address, _stop, _served) = start(who_asks()).await;
        let mut slow = tokio::net::TcpStream::connect(address)
            .await
            .expect("connects");
        let started = Instant::now();
        slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: a")
            .await
            .expect("writes");
        let answer = read_to_close(&mut slow).await;
        assert!(started.elapsed() >= Duration::from_millis(300));
        assert!(!answer.contains("127.0.0.1"), "no answer: {answer}");

        // Nor one that connects and says nothing at all.
        let mut silent = tokio::net::TcpStream::connect(address)
            .await
            .expect("connects");
        let answer = read_to_close(&mut silent).await;
        assert!(
            answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
            "{answer}"
        );

        // A client that sends its request at once is answered, with its address known.
        let mut prompt = tokio::net::TcpStream::connect(address)
            .await
            .expect("connects");
        prompt
            .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .expect("writes");
        let answer = read_to_close(&mut prompt).await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.ends_with("127.0.0.1"), "{answer}");
    }

    #[tokio::test]
    async fn on_stop_a_request_in_flight_finishes_and_new_connections_are_refused() {
        let app = Router::new().route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_millis(500)).await;
                "fertig"
            }),
        );
        let (address, stop, served) = start(app).await;
        let mut in_flight = tokio::net::TcpStream::connect(address)
            .await
            .expect("connects");
        in_flight
            .write_all(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
            .await
            .expect("writes");
        tokio::time::sleep(Duration::from_millis(100)).await;
        stop.send(()).expect("the server listens for its stop");
        let answer = read_to_close(&mut in_flight).await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.ends_with("fertig"), "{answer}");
        tokio::time::timeout(Duration::from_secs(5), served)
            .await
            .expect("the server stops once it is done")
            .expect("no panic");
        assert!(tokio::net::TcpStream::connect(address).await.is_err());
    }
}
