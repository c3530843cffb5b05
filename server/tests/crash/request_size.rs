//! Requests larger than the site reads, over real connections to the real binary: answered
//! 413 with the site's error whether they say their length or come in chunks, and a request
//! in chunks within the limit is read whole and saved.

use std::time::Duration;

use app::editing::{ArticleSave, SaveDraft};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::harness::*;

/// How a request's body is framed on the connection.
#[derive(Clone, Copy)]
enum Framing {
    /// `Content-Length`, as browsers send it.
    Length,
    /// `Transfer-Encoding: chunked`, a part at a time, without a length.
    Chunks,
}

/// Posts `body` to `path` on `host` in parts of 100 kB, 20 ms apart (as a slow upload sends
/// them, while the server has the head), and answers the whole answer.
async fn post(host: &str, path: &str, cookie: &str, body: &[u8], framing: Framing) -> String {
    let mut connection = tokio::net::TcpStream::connect(host)
        .await
        .expect("connects");
    let length = match framing {
        Framing::Length => format!("Content-Length: {}", body.len()),
        Framing::Chunks => "Transfer-Encoding: chunked".to_string(),
    };
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\nCookie: {cookie}\r\n\
         Content-Type: application/json\r\nConnection: close\r\n{length}\r\n\r\n"
    );
    connection.write_all(head.as_bytes()).await.expect("head");
    for part in body.chunks(100_000) {
        let sent = match framing {
            Framing::Length => connection.write_all(part).await,
            Framing::Chunks => {
                let mut chunk = format!("{:x}\r\n", part.len()).into_bytes();
                chunk.extend_from_slice(part);
                chunk.extend_from_slice(b"\r\n");
                connection.write_all(&chunk).await
            }
        };
        sent.expect("a part");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    if let Framing::Chunks = framing {
        connection.write_all(b"0\r\n\r\n").await.expect("the end");
    }
    let mut answer = Vec::new();
    connection
        .read_to_end(&mut answer)
        .await
        .expect("the answer, not a reset connection");
    String::from_utf8_lossy(&answer).into_owned()
}

/// A save of megabytes sent over a real connection part by part: the answer is the worded
/// 413, read whole. (The server reads the body before answering; had it answered and closed
/// with the body unread, the client's connection would be reset under the answer.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_of_megabytes_is_answered_413_over_a_real_connection_in_either_framing() {
    let (folder, _url, server, browser) = fresh_sqlite_site("large").await;
    let host = server.base.trim_start_matches("http://").to_string();
    let pasted = format!(
        r#"{{ "save": {{ "body_html": "{}" }} }}"#,
        "A".repeat(3_000_000)
    );
    for framing in [Framing::Length, Framing::Chunks] {
        let answer = post(
            &host,
            "/api/editing/save_draft",
            &browser.cookie,
            pasted.as_bytes(),
            framing,
        )
        .await;
        assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
        let body = answer.split("\r\n\r\n").nth(1).expect("a body");
        let error: app::error::AppError = serde_json::from_str(body).expect("the site's error");
        assert!(
            matches!(error, app::error::AppError::TooLarge { size_kb, max_kb } if size_kb > 3000 && max_kb < 3000),
            "{error:?}"
        );
    }
    server.kill();
    let _ = std::fs::remove_dir_all(&folder);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_save_sent_in_chunks_within_the_limit_is_saved() {
    let (folder, _url, server, browser) = fresh_sqlite_site("chunked").await;
    let host = server.base.trim_start_matches("http://").to_string();
    let opened = browser.editable().await;
    let mut fields = opened.current.clone();
    // Near the body's limit (200 kB), so it comes in two chunks.
    let paragraph = "<p>Teksts, kas pienāca pa daļām.</p>".repeat(4_500);
    fields.body_html = paragraph.clone();
    let save = SaveDraft {
        save: ArticleSave {
            id: opened.id,
            fields,
            base_version: opened.version,
            draft_version: 0,
            writer: None,
        },
    };
    let body = serde_json::to_vec(&save).expect("the save");
    assert!(body.len() > 100_000, "{} bytes: one chunk", body.len());
    let answer = post(
        &host,
        "/api/editing/save_draft",
        &browser.cookie,
        &body,
        Framing::Chunks,
    )
    .await;
    assert!(
        answer.starts_with("HTTP/1.1 200"),
        "{}",
        &answer[..300.min(answer.len())]
    );
    let draft = browser.draft_on(&server).await.expect("the draft is kept");
    assert_eq!(draft.fields.body_html, paragraph);
    assert_eq!(
        browser.editable().await.current.title,
        opened.current.title,
        "readers still see the article as it was"
    );
    server.kill();
    let _ = std::fs::remove_dir_all(&folder);
}

/// A request from another site is refused before any of its body is read, however large it
/// says it is: no body of a cross-site request is ever buffered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_request_from_another_site_is_refused_before_its_body_is_read() {
    let (folder, _url, server, _browser) = fresh_sqlite_site("cross-site").await;
    let host = server.base.trim_start_matches("http://").to_string();
    let mut connection = tokio::net::TcpStream::connect(&host)
        .await
        .expect("connects");
    // The head only: were the body awaited, the answer would never come.
    let head = format!(
        "POST /api/editing/save_draft HTTP/1.1\r\nHost: {host}\r\nOrigin: https://elsewhere.example\r\n\
         Content-Type: application/json\r\nConnection: close\r\nContent-Length: 3000000\r\n\r\n"
    );
    connection.write_all(head.as_bytes()).await.expect("head");
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), connection.read_to_end(&mut answer))
        .await
        .expect("answered without the body")
        .expect("the answer");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 403"), "{answer}");
    server.kill();
    let _ = std::fs::remove_dir_all(&folder);
}
