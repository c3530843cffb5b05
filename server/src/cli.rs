//! The `notikumi` command line: serving the site (the default) and maintenance commands
//! that run against the same database.

use chrono::{Days, NaiveDate, NaiveTime};
use clap::{Parser, Subcommand};

use app::{
    sanitize::SafeHtml,
    storage::{NewArticle, NewEvent, SharedStore, Status, StoreError},
    timezone,
};

/// The environment the server reads at start-up (the README's configuration table says more).
pub const ENVIRONMENT: &str = "\
Environment (read once at start-up; a bad value stops the server naming the variable):
  DATABASE_URL                   sqlite:PATH (default sqlite:data/notikumi.db) or postgres://…
  NOTIKUMI_DEMO                  1 (default) loads demo content into an empty database; 0 does not
  NOTIKUMI_PUBLIC_URL            the site's public address, http(s)://host[:port] without a path
                                 (default http://127.0.0.1:3000)
  NOTIKUMI_MEDIA_DIR             uploaded images (default data/media); shared by all instances
  NOTIKUMI_BUILDS_DIR            the last 5 builds' script and WebAssembly, for pages loaded before
                                 an upgrade (default data/builds); best shared by all instances
  NOTIKUMI_PAGE_CACHE_MB         memory for reader pages served from memory (default 64; 0: off;
                                 at most 1048576)
  NOTIKUMI_MAX_REQUESTS          requests handled at once before 503 (default 256)
  NOTIKUMI_REQUEST_TIMEOUT_SECS  the longest a request may take: then 408 while its body is still
                                 arriving, else 503 (default 60)
  NOTIKUMI_HEADER_TIMEOUT_SECS   time a client has to send a request's headers (default 10;
                                 time limits at most 86400)
  NOTIKUMI_TRUSTED_PROXIES       proxies whose X-Forwarded-For names the client (default none)
  NOTIKUMI_METRICS_ALLOW         who may read /metrics (default 127.0.0.0/8, ::1)
  NOTIKUMI_LOG_FORMAT            text (default) or json
  RUST_LOG                       log filter (default info; warn drops the access lines)
  LEPTOS_SITE_ADDR               address to listen on (default 127.0.0.1:3000)
  LEPTOS_SITE_ROOT               the built static files (default target/site)";

#[derive(Debug, Parser)]
#[command(
    name = "notikumi",
    version,
    about = "Notikumi news and event-calendar portal",
    after_help = ENVIRONMENT
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the site (what `notikumi` does without a command).
    Serve,
    /// Add synthetic published events spread evenly over a date range, for load tests and
    /// benchmarks. Categories rotate through the existing ones.
    GenerateEvents {
        #[command(flatten)]
        spread: Spread,
        /// Title prefix; a running number follows.
        #[arg(long, default_value = "Slodzes tests")]
        title: String,
    },
    /// Write a consistent copy of the SQLite database to a new file while the site runs
    /// (PostgreSQL: use pg_dump). Every save committed before the copy began is in it.
    Backup {
        /// The new file (it must not exist yet).
        path: std::path::PathBuf,
    },
    /// Write the whole site as JSON, to standard output or to a new file: categories,
    /// articles and events with their revisions, drafts and translations, accounts (with
    /// their password hashes: keep the file like a backup), image metadata and the audit log.
    /// The images themselves are in NOTIKUMI_MEDIA_DIR.
    Export {
        /// A new file to write (it must not exist yet; readable by its owner only).
        path: Option<std::path::PathBuf>,
    },
    /// Read an export into the empty database DATABASE_URL names (SQLite or PostgreSQL): all
    /// of it, or nothing and the reason. Editors sign in again afterwards.
    Import {
        /// The file `notikumi export` wrote.
        path: std::path::PathBuf,
    },
    /// Manage editors' accounts.
    User {
        #[command(subcommand)]
        command: crate::users::UserCommand,
    },
    /// Add synthetic published articles spread evenly over a date range, with Latvian text
    /// drawn from a small vocabulary, for search benchmarks.
    GenerateArticles {
        #[command(flatten)]
        spread: Spread,
    },
}

/// How many synthetic items the generators add, spread evenly over which days.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct Spread {
    /// How many to add.
    #[arg(long)]
    pub count: u64,
    /// First day (YYYY-MM-DD, Riga).
    #[arg(long)]
    pub from: NaiveDate,
    /// Last day (YYYY-MM-DD, Riga), inclusive.
    #[arg(long)]
    pub to: NaiveDate,
}

impl Spread {
    /// The spread, if its days run forwards.
    pub fn checked(self) -> Result<Self, String> {
        if self.to < self.from {
            return Err(format!(
                "--to {} is before --from {}: no days to spread over",
                self.to, self.from
            ));
        }
        Ok(self)
    }
}

/// Words the generated articles are written from; one in seven articles mentions
/// „cilvēku tirdzniecība”, and „Moldova” is rarer still.
const VOCABULARY: [&str; 24] = [
    "sadarbība",
    "pašvaldība",
    "konference",
    "apmācības",
    "jaunieši",
    "skolotāji",
    "policija",
    "darba",
    "devējs",
    "līgums",
    "palīdzība",
    "atbalsts",
    "ziņojums",
    "statistika",
    "tiesības",
    "ārzemēs",
    "sludinājums",
    "tālrunis",
    "projekts",
    "iestādes",
    "organizācijas",
    "seminārs",
    "vadlīnijas",
    "pētījums",
];

fn generated_article(i: u64, day: NaiveDate, body: &mut String) -> NewArticle {
    let word = |n: u64| VOCABULARY[(n % VOCABULARY.len() as u64) as usize];
    body.clear();
    body.push_str("<p>");
    for n in 0..60 {
        body.push_str(word(i * 7 + n * 13));
        body.push(' ');
    }
    if i.is_multiple_of(7) {
        body.push_str("cilvēku tirdzniecības novēršana ");
    }
    if i.is_multiple_of(101) {
        body.push_str("Moldovas partneri ");
    }
    body.push_str("</p>");
    let at = day.and_time(NaiveTime::from_hms_opt(9 + (i % 8) as u32, 0, 0).unwrap_or_default());
    NewArticle {
        title: format!("{} un {} {}", word(i), word(i / 3 + 5), i + 1),
        lead: format!("Ziņa par {} un {}.", word(i + 2), word(i + 11)),
        body_html: SafeHtml::sanitize(body),
        contact: "Informāciju sagatavoja slodzes tests.".to_string(),
        published_at: timezone::instant(at),
        category: None,
        event: None,
        attachments: Vec::new(),
        status: Status::Published,
    }
}

/// Adds `count` articles published on the days `from..=to`.
pub async fn generate_articles(
    store: &SharedStore,
    count: u64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<u64, StoreError> {
    let days = (to - from).num_days().max(0) as u64 + 1;
    let mut body = String::new();
    let mut written = 0;
    while written < count {
        let batch: Vec<NewArticle> = (written..count.min(written + BATCH))
            .map(|i| generated_article(i, from + Days::new(i * days / count.max(1)), &mut body))
            .collect();
        written += store.create_articles(&batch).await?;
    }
    Ok(written)
}

/// Events are written in transactions of this many.
const BATCH: u64 = 5_000;

/// Adds `count` one-hour events between 08:00 and 18:00 on the days `from..=to`.
pub async fn generate_events(
    store: &SharedStore,
    count: u64,
    from: NaiveDate,
    to: NaiveDate,
    title: &str,
) -> Result<u64, StoreError> {
    let days = (to - from).num_days().max(0) as u64 + 1;
    let categories = store.categories().await?;
    let body = SafeHtml::sanitize("<p>Automātiski izveidots notikums slodzes testam.</p>");
    let mut written = 0;
    while written < count {
        let batch: Vec<NewEvent> = (written..count.min(written + BATCH))
            .map(|i| {
                let day = from + Days::new(i * days / count.max(1));
                let hour = 8 + (i % 10) as u32;
                let start = day.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default());
                let starts_at = timezone::instant(start);
                NewEvent {
                    title: format!("{title} {}", i + 1),
                    summary: "Slodzes testa notikums.".to_string(),
                    body_html: body.clone(),
                    starts_at,
                    ends_at: starts_at + chrono::Duration::hours(1),
                    all_day: false,
                    location: "Rīga".to_string(),
                    category: (!categories.is_empty())
                        .then(|| categories[(i as usize) % categories.len()].slug.clone()),
                    recurrence: None,
                    status: Status::Published,
                }
            })
            .collect();
        written += store.create_events(&batch).await?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn help_names_every_variable_the_server_reads() {
        let help = Cli::command().render_long_help().to_string();
        let readme = include_str!("../../README.md");
        let table = readme
            .split("## Configuration")
            .nth(1)
            .and_then(|rest| rest.split("\n## ").next())
            .expect("the README's configuration section");
        let build_and_test_only = [
            "TEST_DATABASE_URL",
            "CARGO_TARGET_DIR",
            "NOTIKUMI_TOOLS_DIR",
            "CHROMIUM_PATH",
        ];
        let variables: Vec<&str> = table
            .lines()
            .filter_map(|line| line.strip_prefix("| `")?.split('`').next())
            .filter(|name| !build_and_test_only.contains(name))
            .collect();
        assert!(variables.len() >= 12, "{variables:?}");
        for variable in variables {
            assert!(help.contains(variable), "--help leaves out {variable}");
        }
    }
}
