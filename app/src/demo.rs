//! Demo content for a new site: categories, events from 2018 to 2027 and news articles, all
//! written for this project in Latvian (`app/demo/content.toml`). Loaded on first start into
//! an empty database unless `NOTIKUMI_DEMO=0`.

use std::collections::HashMap;

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Deserialize;

use crate::{
    calendar::recurrence::{self, RecurrenceError},
    editing::ItemKind,
    sanitize::SafeHtml,
    storage::{
        self,
        transfer::{Receiving, SiteExport},
        Attachment, NewArticle, NewCategory, NewEvent, Recurrence, Status, Store, StoreError,
        TranslatedText, TranslationWrite,
    },
    timezone,
};

const CONTENT: &str = include_str!("../demo/content.toml");

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("demo content is not valid TOML: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("demo content has a bad time {0:?} (expected YYYY-MM-DDTHH:MM or HH:MM)")]
    Time(String),
    #[error("demo event {title:?} has a bad rule: {error}")]
    Rule {
        title: String,
        error: RecurrenceError,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug, Deserialize)]
struct Content {
    category: Vec<DemoCategory>,
    event: Vec<DemoEvent>,
    article: Vec<DemoArticle>,
    today_event: TodayEvent,
    #[serde(default)]
    translation: Vec<DemoTranslation>,
}

/// An article or event in English or Russian, naming its Latvian original by title.
#[derive(Debug, Deserialize)]
struct DemoTranslation {
    /// The Latvian title of the article (or, with `event = true`, the event).
    original: String,
    #[serde(default)]
    event: bool,
    lang: String,
    title: String,
    /// An article's lead, or an event's summary.
    lead: String,
    body: String,
    /// An article's contact line, or an event's location.
    #[serde(default)]
    contact: String,
}

#[derive(Debug, Deserialize)]
struct DemoCategory {
    slug: String,
    name: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    name_ru: String,
    colour: String,
}

#[derive(Debug, Deserialize)]
struct DemoEvent {
    title: String,
    category: String,
    start: String,
    end: String,
    all_day: bool,
    location: String,
    summary: String,
    body: String,
    /// RFC 5545 RRULE value for a recurring event.
    #[serde(default)]
    rrule: Option<String>,
    /// Local starts of skipped occurrences, YYYY-MM-DDTHH:MM.
    #[serde(default)]
    exdates: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct DemoArticle {
    title: String,
    published: String,
    category: String,
    lead: String,
    body: String,
    contact: String,
    /// Title of the demo event the article reports on.
    #[serde(default)]
    event: Option<String>,
    #[serde(default)]
    attachment: Vec<DemoAttachment>,
}

/// A file in `public/files/`; its size is checked against the file by a test.
#[derive(Debug, Deserialize)]
struct DemoAttachment {
    title: String,
    file: String,
    media_type: String,
    size: i64,
}

/// An event placed on the day the content is loaded, so the current month is never empty.
#[derive(Debug, Deserialize)]
struct TodayEvent {
    title: String,
    category: String,
    start_time: String,
    end_time: String,
    location: String,
    summary: String,
    body: String,
}

/// What was loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loaded {
    pub categories: usize,
    pub events: usize,
    pub articles: usize,
}

/// Loads the demo content when the store holds no content (accounts may be there); returns
/// `None` when it did. All of it goes in one transaction: it is made in a scratch database in
/// memory and imported from there, so a crash halfway leaves no half site, and instances
/// starting at once on one new database load it once (the others find it there).
pub async fn load_if_empty(store: &dyn Store) -> Result<Option<Loaded>, DemoError> {
    if !store.is_empty().await? {
        return Ok(None);
    }
    let scratch = storage::connect("sqlite::memory:").await?;
    let made = made_in(scratch.as_ref()).await;
    scratch.close().await;
    let (loaded, site) = made?;
    match store.import_site(&site, Receiving::AccountsOnly).await {
        Ok(()) => Ok(Some(loaded)),
        Err(StoreError::NotEmpty) => Ok(None),
        Err(error) => Err(error.into()),
    }
}

/// The demo content loaded into `scratch`, and exported from it.
async fn made_in(scratch: &dyn Store) -> Result<(Loaded, SiteExport), DemoError> {
    let loaded = load(scratch, timezone::today()).await?;
    Ok((loaded, scratch.export_site().await?))
}

/// Loads all demo content, with the "today" event on `today`.
pub async fn load(store: &dyn Store, today: NaiveDate) -> Result<Loaded, DemoError> {
    let content: Content = toml::from_str(CONTENT)?;
    for category in &content.category {
        store
            .create_category(&NewCategory {
                slug: category.slug.clone(),
                name: category.name.clone(),
                name_en: category.name_en.clone(),
                name_ru: category.name_ru.clone(),
                colour: category.colour.clone(),
            })
            .await?;
    }
    // Articles name their event by title; stored events are known by slug.
    let mut event_slugs = HashMap::new();
    for event in &content.event {
        let stored = store.create_event(&new_event(event)?, None).await?;
        event_slugs.insert(event.title.as_str(), stored.slug);
    }
    store
        .create_event(&today_event(&content.today_event, today)?, None)
        .await?;
    let mut article_ids = HashMap::new();
    for article in &content.article {
        let event_slug = match &article.event {
            None => None,
            Some(title) => Some(
                event_slugs
                    .get(title.as_str())
                    .cloned()
                    .ok_or_else(|| StoreError::UnknownEvent(title.clone()))?,
            ),
        };
        let stored = store
            .create_article(&new_article(article, event_slug)?, None)
            .await?;
        article_ids.insert(article.title.as_str(), stored.id);
    }
    for translation in &content.translation {
        load_translation(store, translation, &event_slugs, &article_ids).await?;
    }
    Ok(Loaded {
        categories: content.category.len(),
        events: content.event.len() + 1,
        articles: content.article.len(),
    })
}

async fn load_translation(
    store: &dyn Store,
    translation: &DemoTranslation,
    event_slugs: &HashMap<&str, String>,
    article_ids: &HashMap<&str, i64>,
) -> Result<(), DemoError> {
    let (kind, id) = if translation.event {
        let slug = event_slugs
            .get(translation.original.as_str())
            .ok_or_else(|| StoreError::UnknownEvent(translation.original.clone()))?;
        let event = store
            .published_event(crate::i18n::Lang::Lv, slug)
            .await?
            .ok_or_else(|| StoreError::UnknownEvent(translation.original.clone()))?;
        (ItemKind::Event, event.id)
    } else {
        let id = article_ids
            .get(translation.original.as_str())
            .ok_or(StoreError::NotFound)?;
        (ItemKind::Article, *id)
    };
    let text = TranslatedText {
        title: translation.title.clone(),
        lead: translation.lead.clone(),
        body_html: SafeHtml::sanitize(&translation.body),
        extra: translation.contact.clone(),
    };
    let write = TranslationWrite {
        source_version: None,
        kind,
        item_id: id,
        lang: &translation.lang,
        text: &text,
        seen_version: 0,
        writer: None,
    };
    store.save_translation(write, None).await?;
    Ok(())
}

fn local_time(value: &str) -> Result<NaiveDateTime, DemoError> {
    NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .map_err(|_| DemoError::Time(value.into()))
}

fn clock_time(value: &str) -> Result<NaiveTime, DemoError> {
    NaiveTime::parse_from_str(value, "%H:%M").map_err(|_| DemoError::Time(value.into()))
}

fn new_event(event: &DemoEvent) -> Result<NewEvent, DemoError> {
    let start = local_time(&event.start)?;
    let end = local_time(&event.end)?;
    let (starts_at, ends_at) = if event.all_day {
        // The file names the last day; storage keeps the exclusive end, as iCalendar does.
        let after_last_day = end.date() + Days::new(1);
        (
            timezone::start_of_day(start.date()),
            timezone::start_of_day(after_last_day),
        )
    } else {
        (timezone::instant(start), timezone::instant(end))
    };
    let recurrence = match &event.rrule {
        None => None,
        Some(rule) => Some(demo_recurrence(event, rule, start, ends_at - starts_at)?),
    };
    Ok(NewEvent {
        title: event.title.clone(),
        summary: event.summary.clone(),
        body_html: SafeHtml::sanitize(&event.body),
        starts_at,
        ends_at,
        all_day: event.all_day,
        location: event.location.clone(),
        category: Some(event.category.clone()),
        recurrence,
        status: Status::Published,
    })
}

fn demo_recurrence(
    event: &DemoEvent,
    rule: &str,
    first_start: NaiveDateTime,
    duration: chrono::Duration,
) -> Result<Recurrence, DemoError> {
    let bad_rule = |error| DemoError::Rule {
        title: event.title.clone(),
        error,
    };
    let rule = recurrence::normalise_rule(rule).map_err(bad_rule)?;
    let exdates = event
        .exdates
        .iter()
        .map(|exdate| local_time(exdate))
        .collect::<Result<Vec<_>, _>>()?;
    let series_end =
        recurrence::series_end(first_start, &rule, &exdates, duration).map_err(bad_rule)?;
    Ok(Recurrence {
        rule,
        exdates,
        series_end,
    })
}

fn today_event(event: &TodayEvent, today: NaiveDate) -> Result<NewEvent, DemoError> {
    Ok(NewEvent {
        title: event.title.clone(),
        summary: event.summary.clone(),
        body_html: SafeHtml::sanitize(&event.body),
        starts_at: timezone::instant(today.and_time(clock_time(&event.start_time)?)),
        ends_at: timezone::instant(today.and_time(clock_time(&event.end_time)?)),
        all_day: false,
        location: event.location.clone(),
        category: Some(event.category.clone()),
        recurrence: None,
        status: Status::Published,
    })
}

fn new_article(article: &DemoArticle, event: Option<String>) -> Result<NewArticle, DemoError> {
    Ok(NewArticle {
        title: article.title.clone(),
        lead: article.lead.clone(),
        body_html: SafeHtml::sanitize(&article.body),
        contact: article.contact.clone(),
        published_at: timezone::instant(local_time(&article.published)?),
        category: Some(article.category.clone()),
        event,
        attachments: article
            .attachment
            .iter()
            .map(|file| Attachment {
                title: file.title.clone(),
                href: format!("/files/{}", file.file),
                media_type: file.media_type.clone(),
                size_bytes: file.size,
            })
            .collect(),
        status: Status::Published,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_content_parses_and_covers_what_readers_need() {
        let content: Content = toml::from_str(CONTENT).expect("demo content parses");
        assert!(content.category.len() >= 4);
        assert!(content.event.len() >= 40);
        assert!(content.article.len() >= 12);
        let august_2020 = content
            .event
            .iter()
            .filter(|event| event.start.starts_with("2020-08"))
            .count();
        assert!(august_2020 >= 6, "only {august_2020} events in August 2020");
        for event in &content.event {
            let converted = new_event(event).expect("event times parse");
            assert!(converted.ends_at >= converted.starts_at, "{}", event.title);
            assert!(
                content.category.iter().any(|c| c.slug == event.category),
                "{} has an unknown category",
                event.title
            );
        }
        for article in &content.article {
            new_article(article, None).expect("article time parses");
            if let Some(title) = &article.event {
                assert!(
                    content.event.iter().any(|event| &event.title == title),
                    "{} reports on an unknown event",
                    article.title
                );
            }
        }
        assert!(content
            .article
            .iter()
            .any(|article| article.published.starts_with("2018-03-26")));
    }

    #[test]
    fn demo_attachments_exist_with_their_stated_sizes() {
        let content: Content = toml::from_str(CONTENT).expect("demo content parses");
        let files = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/files");
        let attachments: Vec<&DemoAttachment> = content
            .article
            .iter()
            .flat_map(|article| &article.attachment)
            .collect();
        assert!(attachments.len() >= 2);
        for attachment in attachments {
            let path = files.join(&attachment.file);
            let size = std::fs::metadata(&path)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
                .len();
            assert_eq!(size as i64, attachment.size, "{}", attachment.file);
        }
    }
}
