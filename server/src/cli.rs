//! The `notikumi` command line: serving the site (the default) and maintenance commands
//! that run against the same database.

use chrono::{Days, NaiveDate, NaiveTime};
use clap::{Parser, Subcommand};

use app::{
    sanitize::SafeHtml,
    storage::{NewEvent, SharedStore, Status, StoreError},
    timezone,
};

#[derive(Debug, Parser)]
#[command(
    name = "notikumi",
    version,
    about = "Notikumi news and event-calendar portal"
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
        /// How many events to add.
        #[arg(long)]
        count: u64,
        /// First day (YYYY-MM-DD, Riga).
        #[arg(long)]
        from: NaiveDate,
        /// Last day (YYYY-MM-DD, Riga), inclusive.
        #[arg(long)]
        to: NaiveDate,
        /// Title prefix; a running number follows.
        #[arg(long, default_value = "Slodzes tests")]
        title: String,
    },
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
