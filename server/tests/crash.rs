//! The real `notikumi` binary killed with SIGKILL in the middle of a burst of draft saves,
//! then started again on the same database: every save it acknowledged is there, and the
//! database is whole. On SQLite and on PostgreSQL (`TEST_DATABASE_URL`, which `make test`
//! provides). And killed in the middle of image uploads: every image it acknowledged is served
//! whole, and no half-written file is ever served.
//!
//! The same real binary answers the rest of what only a whole process shows: SIGTERM, a backup
//! under saves, the commands (`export`, `import`, `user list`), a mistaken setting, and
//! requests over the size limit on raw connections (`crash/request_size.rs`).

use std::{
    net::TcpListener,
    path::Path,
    process::{Child, Command, Stdio},
    sync::{
        atomic::{AtomicI64, AtomicUsize, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

use app::editing::{
    ArticleFields, ArticleSave, DraftState, EditableArticle, GetEditableArticle, SaveDraft, Saved,
    StoredImage,
};
use leptos::server_fn::{serde::Serialize, ServerFn};
use sqlx::{Connection, Executor};

const EDITOR: &str = "anna@example.lv";
const PASSWORD: &str = "pietiekami-gara-parole";
const ARTICLE: &str = "lietuva-un-latvija-sniegs-atbalstu-moldovai-cina-pret-cilveku-tirdzniecibu";

#[path = "crash/harness.rs"]
mod harness;
#[path = "crash/request_size.rs"]
mod request_size;
#[path = "shared/saves.rs"]
mod saves;
use harness::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_images_survive_a_kill_and_no_half_file_is_served() {
    let (folder, url, first, browser) = fresh_sqlite_site("crash").await;
    let done = Arc::new(AtomicUsize::new(0));
    let uploading = tokio::spawn(browser.clone().upload_until_killed(Arc::clone(&done)));
    // Killed while the third upload is being decoded, resized or written.
    let started = Instant::now();
    while done.load(Ordering::SeqCst) < 2 {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "uploads are acknowledged"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    tokio::time::sleep(Duration::from_millis(150)).await;
    first.kill();
    let acknowledged = uploading.await.expect("the uploading task ends");
    assert!(acknowledged.len() >= 2);

    let second = Server::start(&url, &folder).await;
    let client = reqwest::Client::new();
    let get = |path: String| {
        let client = client.clone();
        let url = format!("{}{path}", second.base);
        async move { client.get(url).send().await.expect("the server answers") }
    };
    for image in &acknowledged {
        for (path, width) in image.srcset.split(", ").filter_map(|entry| {
            let (path, width) = entry.split_once(' ')?;
            Some((
                path.to_string(),
                width.trim_end_matches('w').parse::<u32>().ok()?,
            ))
        }) {
            let answer = get(path.clone()).await;
            assert!(answer.status().is_success(), "{path}: {}", answer.status());
            let bytes = answer.bytes().await.expect("body");
            let served = image::load_from_memory(&bytes).expect("an acknowledged file is whole");
            assert_eq!(served.width(), width, "{path}");
        }
    }
    // Whatever the kill left in the folder: a file under a media name is a whole picture, and
    // a half-written one (under its temporary name) is never served.
    for entry in std::fs::read_dir(folder.join("media")).expect("media folder") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .to_string();
        let answer = get(format!("/media/{name}")).await;
        if answer.status().is_success() {
            let bytes = answer.bytes().await.expect("body");
            assert!(image::load_from_memory(&bytes).is_ok(), "{name} is whole");
        } else {
            assert_eq!(answer.status(), reqwest::StatusCode::NOT_FOUND, "{name}");
        }
    }
    second.kill();
    println!(
        "{} uploads acknowledged before SIGKILL, all served whole after the restart",
        acknowledged.len()
    );
    let _ = std::fs::remove_dir_all(&folder);
}

async fn crash_in_the_middle_of_saves(database_url: &str) {
    let folder = std::env::temp_dir().join(format!("notikumi-crash-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&folder).expect("folder");
    add_editor(database_url, &folder);

    let first = Server::start(database_url, &folder).await;
    let browser = first.sign_in().await;
    let start = browser.editable().await;
    let saving = tokio::spawn(browser.clone().save_until_killed(start, Arc::default()));
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let (last, title) = first.kill_while_saving(saving).await;

    let second = Server::start(database_url, &folder).await;
    let draft = browser
        .draft_on(&second)
        .await
        .expect("the draft survived the crash");
    // A save in flight at the kill may have committed without its answer arriving.
    assert!(
        draft.draft_version == last.draft_version || draft.draft_version == last.draft_version + 1,
        "acknowledged draft {} is there (found {})",
        last.draft_version,
        draft.draft_version
    );
    if draft.draft_version == last.draft_version {
        assert_eq!(draft.fields.title, title, "the acknowledged text is there");
    }
    second.kill();
    println!(
        "{}: {} saves acknowledged before SIGKILL, all there after the restart",
        database_url.split(':').next().unwrap_or_default(),
        last.draft_version
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_sqlite_acknowledged_saves_survive_a_kill_and_the_database_is_whole() {
    let path = std::env::temp_dir().join(format!("notikumi-crash-{}.db", uuid::Uuid::new_v4()));
    let url = format!("sqlite:{}", path.display());
    crash_in_the_middle_of_saves(&url).await;
    assert_whole(&url).await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgres_acknowledged_saves_survive_a_kill() {
    let admin_url = std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| {
        panic!(
            "TEST_DATABASE_URL is not set: run `make test` (it starts a throwaway PostgreSQL) \
             or set it to a server where this user may create databases"
        )
    });
    let name = format!("notikumi_crash_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(&admin_url)
        .await
        .expect("admin");
    admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .expect("created");
    let url = app::storage::with_database_name(&admin_url, &name);
    crash_in_the_middle_of_saves(&url).await;
    admin
        .execute(format!("DROP DATABASE {name} WITH (FORCE)").as_str())
        .await
        .expect("dropped");
}

/// SIGTERM, as systemd or a container runtime sends it: the request in flight is answered,
/// the process exits cleanly, and SQLite's write-ahead log is folded into the database (no
/// connection left open, the watching one included).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_answers_the_request_in_flight_and_closes_the_database() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let folder = std::env::temp_dir().join(format!("notikumi-stop-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&folder).expect("folder");
    let path = folder.join("notikumi.db");
    let mut server = Server::start(&format!("sqlite:{}", path.display()), &folder).await;

    // A sign-in whose body is still on its way when the signal comes.
    let body = "email=nav%40example.lv&password=nepareiza-parole";
    let mut connection = tokio::net::TcpStream::connect(server.base.trim_start_matches("http://"))
        .await
        .expect("connects");
    let head = format!(
        "POST /login HTTP/1.1\r\nHost: {host}\r\nOrigin: {base}\r\nAccept: application/json\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {length}\r\n\r\n",
        host = server.base.trim_start_matches("http://"),
        base = server.base,
        length = body.len()
    );
    connection
        .write_all(format!("{head}{}", &body[..10]).as_bytes())
        .await
        .expect("the first half is sent");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let stopped = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(stopped.success());
    tokio::time::sleep(Duration::from_millis(300)).await;
    connection
        .write_all(&body.as_bytes()[10..])
        .await
        .expect("the rest is sent");
    let mut answer = Vec::new();
    let mut buffer = [0_u8; 4096];
    while !String::from_utf8_lossy(&answer).contains("\r\n\r\n") {
        let read = tokio::time::timeout(Duration::from_secs(10), connection.read(&mut buffer))
            .await
            .expect("the answer comes")
            .expect("reads");
        assert!(read > 0, "the connection closed without an answer");
        answer.extend_from_slice(&buffer[..read]);
    }
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.starts_with("HTTP/1.1 401"),
        "the request in flight is answered: {answer}"
    );

    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().expect("waits") {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the server stops within its deadline"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "a clean exit: {status}");
    let wal = folder.join("notikumi.db-wal");
    assert!(
        std::fs::metadata(&wal).map_or(true, |wal| wal.len() == 0),
        "the write-ahead log is folded into the database"
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&folder);
}

/// `notikumi backup` while an editor saves drafts without pause: the copy opens, passes
/// SQLite's integrity check and holds every save acknowledged before the backup began; a
/// second backup to the same file is refused, and nothing is overwritten.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_under_saves_holds_every_save_acknowledged_before_it() {
    let (folder, url, server, browser) = fresh_sqlite_site("backup").await;
    let start = browser.editable().await;
    let acknowledged = Arc::new(AtomicI64::new(0));
    let saving = tokio::spawn(
        browser
            .clone()
            .save_until_killed(start, Arc::clone(&acknowledged)),
    );
    while acknowledged.load(Ordering::SeqCst) < 20 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let copy = folder.join("copy.db");
    let before = acknowledged.load(Ordering::SeqCst);
    let backup = notikumi(&url, &folder)
        .arg("backup")
        .arg(&copy)
        .status()
        .expect("backup runs");
    assert!(backup.success());
    let during = acknowledged.load(Ordering::SeqCst);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (last, _) = server.kill_while_saving(saving).await;
    assert!(
        last.draft_version > during,
        "saves went on during and after the backup"
    );

    let copy_url = format!("sqlite:{}", copy.display());
    assert_whole(&copy_url).await;
    let restored = Server::start(&copy_url, &folder).await;
    let draft = browser
        .draft_on(&restored)
        .await
        .expect("the draft is in the copy");
    assert!(
        draft.draft_version >= before,
        "save {before}, acknowledged before the backup began, is in it (found {})",
        draft.draft_version
    );
    restored.kill();

    let again = notikumi(&url, &folder)
        .arg("backup")
        .arg(&copy)
        .status()
        .expect("backup runs");
    assert!(!again.success(), "an existing file is never overwritten");
    let _ = std::fs::remove_dir_all(&folder);
}

/// `notikumi export > site.json` and `notikumi import site.json`, as an operator runs them:
/// the export is all there is on standard output, a file export is for its owner's eyes
/// only, and an import goes into an empty database only, whole or not at all.
#[test]
fn the_site_is_exported_and_imported_from_the_command_line() {
    let folder = std::env::temp_dir().join(format!("notikumi-export-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&folder).expect("folder");
    let run = |database_url: &str, args: &[&str]| {
        notikumi(database_url, &folder)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .expect("notikumi runs")
    };
    let source = format!("sqlite:{}", folder.join("source.db").display());
    add_editor(&source, &folder);
    let generated = run(
        &source,
        &[
            "generate-events",
            "--count",
            "5",
            "--from",
            "2020-08-01",
            "--to",
            "2020-08-31",
        ],
    );
    assert!(generated.status.success());

    // Chatty logs, which must stay off standard output.
    let exported = notikumi(&source, &folder)
        .arg("export")
        .env("RUST_LOG", "debug")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("notikumi runs");
    assert!(
        String::from_utf8_lossy(&exported.stderr).contains("DEBUG"),
        "the logs went to standard error"
    );
    assert!(
        exported.status.success(),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    let site: serde_json::Value =
        serde_json::from_slice(&exported.stdout).expect("standard output is the export alone");
    assert_eq!(site["notikumi_export"], app::storage::transfer::FORMAT);
    let rows = |table: &str| {
        site["tables"]
            .as_array()
            .expect("tables")
            .iter()
            .find(|found| found["name"] == table)
            .and_then(|found| found["rows"].as_array())
            .map_or(0, Vec::len)
    };
    assert_eq!((rows("users"), rows("events")), (1, 5));

    let file = folder.join("site.json");
    let file_name = file.to_str().expect("a UTF-8 path");
    assert!(run(&source, &["export", file_name]).status.success());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file)
            .expect("written")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "password hashes are in it");
    }
    let again = run(&source, &["export", file_name]);
    assert!(!again.status.success(), "an export never overwrites a file");

    let target = format!("sqlite:{}", folder.join("target.db").display());
    let imported = run(&target, &["import", file_name]);
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    assert_eq!(
        run(&target, &["export"]).stdout,
        exported.stdout,
        "the same site"
    );
    let twice = run(&target, &["import", file_name]);
    assert!(!twice.status.success());
    assert!(
        String::from_utf8_lossy(&twice.stderr).contains("already holds"),
        "{}",
        String::from_utf8_lossy(&twice.stderr)
    );

    std::fs::write(folder.join("nonsense.json"), "{\"tables\": 3}").expect("write");
    let nonsense = run(
        &format!("sqlite:{}", folder.join("third.db").display()),
        &[
            "import",
            folder.join("nonsense.json").to_str().expect("UTF-8"),
        ],
    );
    assert!(!nonsense.status.success());
    assert!(String::from_utf8_lossy(&nonsense.stderr).contains("is not a Notikumi export"));
    // A file of another format, a part of a site, or one with a value the site would not have
    // made is refused before any database is made.
    let empty_tables = [
        "users",
        "events",
        "articles",
        "previous_addresses",
        "attachments",
        "article_revisions",
        "article_drafts",
        "article_translations",
        "event_revisions",
        "event_drafts",
        "event_translations",
        "audit_log",
    ]
    .map(|name| format!(r#"{{"name": "{name}", "columns": [], "rows": []}}"#))
    .join(", ");
    let styled = format!(
        r#"{{"notikumi_export": 4, "tables": [{{"name": "categories",
            "columns": ["colour", "id", "name", "slug"], "rows": [["red; x: y", 1, "A", "a"]]}},
            {empty_tables}]}}"#
    );
    for (name, file, reason) in [
        (
            "newer",
            r#"{"notikumi_export": 99, "tables": []}"#,
            "format 99",
        ),
        (
            "part",
            r#"{"notikumi_export": 4, "tables": []}"#,
            "no table",
        ),
        ("styled", styled.as_str(), "categories, row 1: colour"),
    ] {
        let path = folder.join(format!("{name}.json"));
        std::fs::write(&path, file).expect("write");
        let database = folder.join(format!("{name}.db"));
        let refused = run(
            &format!("sqlite:{}", database.display()),
            &["import", path.to_str().expect("UTF-8")],
        );
        let said = String::from_utf8_lossy(&refused.stderr);
        assert!(
            !refused.status.success() && said.contains(reason),
            "{name}: {said}"
        );
        assert!(!database.exists(), "{name}: no database was made");
    }
    let missing = run(
        &format!("sqlite:{}", folder.join("nowhere.db").display()),
        &["export"],
    );
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("there is no database"));
    let _ = std::fs::remove_dir_all(&folder);
}

/// A mistyped log filter or Leptos setting stops the server at once, saying which setting it
/// is, instead of starting with the filter ignored or failing with a bare parser message.
#[test]
fn a_mistaken_setting_stops_the_server_naming_it() {
    let folder = std::env::temp_dir().join(format!("notikumi-settings-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&folder).expect("folder");
    let database_url = format!("sqlite:{}", folder.join("site.db").display());
    for (setting, value) in [
        ("RUST_LOG", "notikumi=loud"),
        ("LEPTOS_SITE_ADDR", "kaut kur"),
    ] {
        let mut server = notikumi(&database_url, &folder)
            .arg("serve")
            // Were the setting right, the server would start on a free port and go on.
            .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
            .env(setting, value)
            .stderr(Stdio::piped())
            .spawn()
            .expect("notikumi runs");
        let deadline = Instant::now() + Duration::from_secs(30);
        while server.try_wait().expect("waits").is_none() {
            if Instant::now() > deadline {
                let _ = server.kill();
                panic!("{setting}={value} was accepted: the server went on");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let stopped = server.wait_with_output().expect("its output");
        let said = String::from_utf8_lossy(&stopped.stderr);
        assert!(!stopped.status.success(), "{setting}={value}: {said}");
        assert!(said.contains(setting), "{setting}: {said}");
    }
    let _ = std::fs::remove_dir_all(&folder);
}

/// `user list` prints every account with its role and the day it was added, in Riga.
#[test]
fn accounts_are_listed_from_the_command_line() {
    let folder = std::env::temp_dir().join(format!("notikumi-users-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&folder).expect("folder");
    let database_url = format!("sqlite:{}", folder.join("site.db").display());
    let riga_day = || {
        app::timezone::local(chrono::Utc::now())
            .format("%Y-%m-%d")
            .to_string()
    };
    let before = riga_day();
    add_editor(&database_url, &folder);
    let listed = notikumi(&database_url, &folder)
        .args(["user", "list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("user list runs");
    let after = riga_day();
    let said = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.status.success(),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );
    let lines: Vec<&str> = said.lines().collect();
    assert!(
        [before, after]
            .iter()
            .any(|day| lines == [format!("{EDITOR}\teditor\t{day}")]),
        "{said}"
    );

    // A mistyped database is an error, not a new empty site listing nobody.
    let mistyped = folder.join("sitte.db");
    let listed = notikumi(&format!("sqlite:{}", mistyped.display()), &folder)
        .args(["user", "list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("user list runs");
    let said = String::from_utf8_lossy(&listed.stderr);
    assert!(!listed.status.success(), "{said}");
    assert!(said.contains("there is no database"), "{said}");
    assert_eq!(
        said.matches("there is no database").count(),
        1,
        "said once: {said}"
    );
    assert!(!mistyped.exists(), "no database was made");
    let _ = std::fs::remove_dir_all(&folder);
}
