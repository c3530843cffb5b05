//! What the crash tests drive: a real `notikumi` process on a free port, and a signed-in
//! editor's browser calling its server functions and upload endpoint.

use super::*;

/// One `notikumi` process on a free port, with the environment it was started with.
pub struct Server {
    pub child: Child,
    pub base: String,
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

pub fn notikumi(database_url: &str, folder: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_notikumi"));
    command
        .env("DATABASE_URL", database_url)
        .env("NOTIKUMI_MEDIA_DIR", folder.join("media"))
        .env("NOTIKUMI_BUILDS_DIR", folder.join("builds"))
        .env("LEPTOS_OUTPUT_NAME", "notikumi")
        .env("LEPTOS_SITE_ROOT", folder.join("site"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

impl Server {
    pub async fn start(database_url: &str, folder: &Path) -> Self {
        let port = free_port();
        let base = format!("http://127.0.0.1:{port}");
        let child = notikumi(database_url, folder)
            .arg("serve")
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("NOTIKUMI_PUBLIC_URL", &base)
            .env("NOTIKUMI_DEMO", "1")
            .spawn()
            .expect("notikumi starts");
        let server = Server { child, base };
        let started = Instant::now();
        while reqwest::get(format!("{}/readyz", server.base))
            .await
            .map_or(true, |answer| !answer.status().is_success())
        {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the server is ready"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        server
    }

    /// The editor's browser, signed in to this server.
    pub async fn sign_in(&self) -> Browser {
        let client = reqwest::Client::new();
        // The cookie comes with the sign-in's own answer, a redirect not to be followed.
        let signing_in = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("a client");
        let answer = signing_in
            .post(format!("{}/login", self.base))
            .header("Origin", &self.base)
            .header("Accept", "application/json")
            .form(&[("email", EDITOR), ("password", PASSWORD)])
            .send()
            .await
            .expect("sign-in answers");
        let cookie = answer
            .headers()
            .get("set-cookie")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .expect("a session cookie")
            .to_string();
        Browser {
            client,
            base: self.base.clone(),
            cookie,
        }
    }

    pub fn kill(mut self) {
        // `Child::kill` is SIGKILL on Unix: no shutdown, no flushing, mid-transaction.
        self.child.kill().expect("killed");
        self.child.wait().expect("reaped");
    }

    /// Kills the server while `saving` goes on; answers the last save it acknowledged.
    pub async fn kill_while_saving(
        self,
        saving: tokio::task::JoinHandle<Option<(Saved<ArticleFields>, String)>>,
    ) -> (Saved<ArticleFields>, String) {
        self.kill();
        saving
            .await
            .expect("the saving task ends")
            .expect("saves were acknowledged before the kill")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A signed-in editor's browser, calling server functions as the site's pages do.
#[derive(Clone)]
pub struct Browser {
    pub client: reqwest::Client,
    pub base: String,
    pub cookie: String,
}

impl Browser {
    /// Another server on the same database, with the same session.
    pub fn at(&self, server: &Server) -> Browser {
        Browser {
            base: server.base.clone(),
            ..self.clone()
        }
    }

    pub async fn call<F>(&self, arguments: &F) -> reqwest::Result<reqwest::Response>
    where
        F: ServerFn + Serialize,
    {
        self.client
            .post(format!("{}{}", self.base, F::PATH))
            .header("Origin", &self.base)
            .header("Cookie", &self.cookie)
            .header("Content-Type", "application/json")
            .body(serde_json::to_string(arguments).expect("arguments serialise"))
            .send()
            .await
    }

    pub async fn editable(&self) -> EditableArticle {
        let slug = ARTICLE.to_string();
        self.call(&GetEditableArticle { slug })
            .await
            .expect("the server answers")
            .json()
            .await
            .expect("the editable article")
    }

    /// The article's shared draft as `server` has it now, the session the same.
    pub async fn draft_on(&self, server: &Server) -> Option<DraftState<ArticleFields>> {
        self.at(server).editable().await.draft
    }

    /// Saves drafts one after another until the server stops answering; answers the last
    /// save it acknowledged, with the title it saved. `acknowledged_so_far` follows the
    /// acknowledged draft version as it goes.
    pub async fn save_until_killed(
        self,
        start: EditableArticle,
        acknowledged_so_far: Arc<AtomicI64>,
    ) -> Option<(Saved<ArticleFields>, String)> {
        let mut acknowledged = None;
        let mut draft_version = start.draft.as_ref().map_or(0, |draft| draft.draft_version);
        for n in 0.. {
            let title = format!("Melnraksts {n}");
            let save = ArticleSave {
                draft_version,
                ..saves::article_save(&start, &title, &format!("Teksts {n}"))
            };
            let Ok(answer) = self.call(&SaveDraft { save }).await else {
                break;
            };
            assert!(
                answer.status().is_success(),
                "save {n}: {}",
                answer.status()
            );
            let Ok(saved) = answer.json::<Saved<ArticleFields>>().await else {
                break;
            };
            draft_version = saved.draft_version;
            acknowledged_so_far.store(draft_version, Ordering::SeqCst);
            acknowledged = Some((saved, title));
        }
        acknowledged
    }
}

/// A picture no other upload has sent (`n` changes its pixels), wide enough for every
/// `srcset` width, as PNG.
pub fn picture(n: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(1700, 400, |x, y| {
        image::Rgb([(x + n) as u8, (y * 3) as u8, (n * 7) as u8])
    });
    let mut bytes = std::io::Cursor::new(Vec::new());
    picture
        .write_to(&mut bytes, image::ImageFormat::Png)
        .expect("encode");
    bytes.into_inner()
}

impl Browser {
    /// Uploads new pictures one after another until the server stops answering, counting
    /// the acknowledged ones in `done`; answers them.
    pub async fn upload_until_killed(self, done: Arc<AtomicUsize>) -> Vec<StoredImage> {
        let mut stored = Vec::new();
        for n in 0.. {
            let sent = self
                .client
                .post(format!("{}/api/media", self.base))
                .header("Origin", &self.base)
                .header("Cookie", &self.cookie)
                .header("Content-Type", "image/png")
                .body(picture(n))
                .send()
                .await;
            let Ok(answer) = sent else { break };
            if !answer.status().is_success() {
                break;
            }
            let Ok(image) = answer.json::<StoredImage>().await else {
                break;
            };
            stored.push(image);
            done.fetch_add(1, Ordering::SeqCst);
        }
        stored
    }
}

/// A fresh folder with a SQLite site in it, its editor added, served and signed in: the
/// folder, the database URL, the server and the editor's browser.
pub async fn fresh_sqlite_site(name: &str) -> (std::path::PathBuf, String, Server, Browser) {
    let folder = std::env::temp_dir().join(format!("notikumi-{name}-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&folder).expect("folder");
    let url = format!("sqlite:{}", folder.join("notikumi.db").display());
    add_editor(&url, &folder);
    let server = Server::start(&url, &folder).await;
    let browser = server.sign_in().await;
    (folder, url, server, browser)
}

/// Adds the editor the tests sign in as, with `notikumi user add`.
pub fn add_editor(database_url: &str, folder: &Path) {
    let mut add = notikumi(database_url, folder)
        .args(["user", "add", EDITOR, "--role", "editor"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("user add starts");
    std::io::Write::write_all(
        add.stdin.as_mut().expect("stdin"),
        format!("{PASSWORD}\n").as_bytes(),
    )
    .expect("password given");
    assert!(add.wait().expect("user add ends").success());
}

/// The SQLite database at `url` opens and passes SQLite's integrity check.
pub async fn assert_whole(url: &str) {
    let mut db = sqlx::SqliteConnection::connect(url).await.expect("opens");
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut db)
        .await
        .expect("checked");
    assert_eq!(check, "ok", "{url}");
    db.close().await.expect("closed");
}
