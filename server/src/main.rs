//! `notikumi`: starts the web server.

// Leptos's statically typed views nest deeply; laying out the page types needs more than
// the default 128 levels.
#![recursion_limit = "256"]

use std::process::ExitCode;

use app::{demo, state::AppState, storage};
use clap::Parser;
use leptos::config::get_configuration;
use server::{
    cli::{generate_articles, generate_events, Cli, Command},
    config::Config,
    site_with,
    users::{self, UserCommand},
};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    let filter = match std::env::var(EnvFilter::DEFAULT_ENV) {
        Err(_) => EnvFilter::new("info"),
        Ok(directives) if directives.trim().is_empty() => EnvFilter::new("info"),
        Ok(directives) => match EnvFilter::try_new(&directives) {
            Ok(filter) => filter,
            Err(error) => {
                eprintln!("notikumi: RUST_LOG {directives:?} is not a log filter: {error}");
                return ExitCode::FAILURE;
            }
        },
    };
    let json_log = std::env::var("NOTIKUMI_LOG_FORMAT").as_deref() == Ok("json");
    match std::env::var("NOTIKUMI_LOG_FORMAT").as_deref() {
        Ok("json") => tracing_subscriber::fmt()
            .json()
            .with_writer(std::io::stderr)
            .with_current_span(true)
            .with_env_filter(filter)
            .init(),
        // Standard error, so `notikumi export > site.json` writes nothing but the export;
        // coloured only on a terminal (not in a file or the journal).
        Ok("text") | Err(_) => tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .with_env_filter(filter)
            .init(),
        Ok(other) => {
            eprintln!("notikumi: NOTIKUMI_LOG_FORMAT must be text or json, not {other:?}");
            return ExitCode::FAILURE;
        }
    }
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve().await,
        Command::GenerateEvents { spread, title } => match spread.checked() {
            Ok(spread) => generate(spread.count, spread.from, spread.to, &title).await,
            Err(reason) => Err(reason.into()),
        },
        Command::GenerateArticles { spread } => match spread.checked() {
            Ok(spread) => generate_news(spread.count, spread.from, spread.to).await,
            Err(reason) => Err(reason.into()),
        },
        Command::User { command } => manage_users(command).await,
        Command::Backup { path } => back_up(&path).await,
        Command::Export { path } => export(path.as_deref()).await,
        Command::Import { path } => import(&path).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // Said once, on standard error where the log goes too: as a log record when the log
        // is JSON (for whatever reads it), else as a plain line.
        Err(error) => {
            if json_log {
                tracing::error!("{error}");
            } else {
                eprintln!("notikumi: {error}");
            }
            ExitCode::FAILURE
        }
    }
}

async fn serve() -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_env()?;
    let leptos_options = get_configuration(None)
        .map_err(|error| format!("LEPTOS_SITE_ADDR or another LEPTOS_ setting: {error}"))?
        .leptos_options;
    let address = leptos_options.site_addr;
    // Uploads go there: say so at start when they cannot, not at an editor's first image.
    if let Err(error) = std::fs::create_dir_all(&config.media_dir) {
        tracing::warn!(
            %error,
            folder = %config.media_dir.display(),
            "NOTIKUMI_MEDIA_DIR cannot be made: uploads will fail"
        );
    }

    tracing::info!(database = %storage::redact(&config.database_url), "opening the database");
    let store = storage::connect(&config.database_url).await?;
    let reindexed = store.backfill_search().await?;
    if reindexed > 0 {
        tracing::info!(reindexed, "filled the search text of earlier rows");
    }
    if config.demo_content {
        if let Some(loaded) = demo::load_if_empty(store.as_ref()).await? {
            tracing::info!(?loaded, "loaded demo content into the empty database");
        }
    }

    // Pages kept in memory follow writes made through other instances too.
    store.follow_other_instances();
    clean_stored_bodies_meanwhile(store.clone());
    server::keep_metrics_up();
    let app = site_with(
        AppState {
            leptos_options,
            store: store.clone(),
            public_url: config.public_url.clone(),
            media_dir: config.media_dir.clone(),
        },
        config.serving,
    );
    let listener = tokio::net::TcpListener::bind(&address)
        .await
        .map_err(|error| format!("cannot listen on {address} (LEPTOS_SITE_ADDR): {error}"))?;
    tracing::info!("listening on http://{address}");
    // On SIGTERM or Ctrl+C new connections are refused and the requests in flight finish, for
    // at most SHUTDOWN_DEADLINE; then the database is closed either way.
    server::listener::serve(
        listener,
        app,
        config.header_timeout,
        shutdown_signal(),
        SHUTDOWN_DEADLINE,
    )
    .await;
    // Connections still checked out by requests cut short are not waited for long.
    if tokio::time::timeout(SHUTDOWN_DEADLINE, store.close())
        .await
        .is_err()
    {
        tracing::warn!("the database did not close in time");
    }
    Ok(())
}

/// Stores bodies cleaned under an older allow-list cleaned by this one, while the site is
/// served (`app::sanitize::clean_stored_bodies`; until then each is cleaned when read).
fn clean_stored_bodies_meanwhile(store: storage::SharedStore) {
    tokio::spawn(async move {
        match app::sanitize::clean_stored_bodies(store.as_ref()).await {
            Ok(0) => {}
            Ok(stored) => tracing::info!(stored, "stored bodies cleaned by this allow-list"),
            Err(error) => {
                tracing::warn!(%error, "bodies from an older allow-list stay cleaned when read")
            }
        }
    });
}

/// How long requests in flight may take to finish once the server is told to stop.
const SHUTDOWN_DEADLINE: std::time::Duration = std::time::Duration::from_secs(10);

/// The store of a site that exists. Connecting would create a missing SQLite file: a
/// mistyped DATABASE_URL must not be "backed up" or exported as a new empty site.
async fn existing_site(
    config: &Config,
) -> Result<storage::SharedStore, Box<dyn std::error::Error>> {
    let sqlite_file = ["sqlite://", "sqlite:"]
        .iter()
        .find_map(|scheme| config.database_url.strip_prefix(scheme));
    if let Some(file) = sqlite_file {
        let file = file.split('?').next().unwrap_or(file);
        if !std::path::Path::new(file).exists() {
            return Err(format!("there is no database at {file}").into());
        }
    }
    // Taken as it is: a server of another version may be serving it.
    Ok(storage::open(&config.database_url, storage::Schema::AsIs).await?)
}

async fn back_up(path: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_env()?;
    let store = existing_site(&config).await?;
    let copied = store.back_up_to(path).await;
    store.close().await;
    copied?;
    println!("backed up to {}", path.display());
    Ok(())
}

async fn export(path: Option<&std::path::Path>) -> Result<(), Box<dyn std::error::Error>> {
    use std::io::Write;
    let config = Config::from_env()?;
    let store = existing_site(&config).await?;
    let site = store.export_site().await;
    store.close().await;
    let site = site?;
    let mut out: Box<dyn Write> = match path {
        None => Box::new(std::io::stdout().lock()),
        Some(path) => {
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            // Password hashes are in it.
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            Box::new(
                options
                    .open(path)
                    .map_err(|error| format!("cannot write {}: {error}", path.display()))?,
            )
        }
    };
    let mut out = std::io::BufWriter::new(&mut out);
    serde_json::to_writer(&mut out, &site)?;
    writeln!(out)?;
    out.flush()?;
    let rows: usize = site.tables.iter().map(|table| table.rows.len()).sum();
    eprintln!("exported {rows} rows of {} tables", site.tables.len());
    Ok(())
}

async fn import(path: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_env()?;
    let file = std::fs::File::open(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    let site: storage::transfer::SiteExport =
        serde_json::from_reader(std::io::BufReader::new(file))
            .map_err(|error| format!("{} is not a Notikumi export: {error}", path.display()))?;
    // Before connecting, which would make a new database: a file refused leaves none.
    storage::transfer::check(&site)?;
    let store = storage::connect(&config.database_url).await?;
    let imported = store
        .import_site(&site, storage::transfer::Receiving::Nothing)
        .await;
    store.close().await;
    imported?;
    let rows: usize = site.tables.iter().map(|table| table.rows.len()).sum();
    println!(
        "imported {rows} rows into {}",
        storage::redact(&config.database_url)
    );
    Ok(())
}

async fn generate(
    count: u64,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    title: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_env()?;
    let store = storage::connect(&config.database_url).await?;
    let written = generate_events(&store, count, from, to, title).await?;
    store.close().await;
    println!("added {written} events");
    Ok(())
}

async fn generate_news(
    count: u64,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_env()?;
    let store = storage::connect(&config.database_url).await?;
    let written = generate_articles(&store, count, from, to).await?;
    store.close().await;
    println!("added {written} articles");
    Ok(())
}

async fn manage_users(command: UserCommand) -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_env()?;
    // Adding the first editor may make a new site (before its first `serve`); listing,
    // changing and removing accounts take an existing one as it is, so a mistyped
    // DATABASE_URL is an error, not an empty new site.
    let store = match command {
        // The first account of a new site may come before its first `serve`; an existing
        // site is taken as it is, as by the other commands.
        UserCommand::Add { .. } => {
            storage::open(&config.database_url, storage::Schema::NewOrAsIs).await?
        }
        _ => existing_site(&config).await?,
    };
    let result = users::run(
        &store,
        command,
        users::read_new_password,
        &mut std::io::stdout(),
    )
    .await;
    store.close().await;
    Ok(result?)
}

/// Ctrl+C or SIGTERM: finish the requests in flight, then stop.
async fn shutdown_signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!(%error, "cannot listen for Ctrl+C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
