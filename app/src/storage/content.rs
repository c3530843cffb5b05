//! What the store keeps and answers for readers: events, articles, categories, attachments,
//! pages of lists and search hits.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::sanitize::SafeHtml;

/// Whether readers can see an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Draft,
    Published,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Published => "published",
        }
    }

    pub(super) fn parse(value: &str) -> Self {
        if value == "published" {
            Status::Published
        } else {
            Status::Draft
        }
    }
}

/// A category as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub id: i64,
    pub slug: String,
    /// The Latvian name.
    pub name: String,
    /// The English and Russian names; empty where there is none.
    pub name_en: String,
    pub name_ru: String,
    /// `#rrggbb`.
    pub colour: String,
}

#[derive(Debug, Clone, Default)]
pub struct NewCategory {
    pub slug: String,
    pub name: String,
    /// Empty where there is no English or Russian name.
    pub name_en: String,
    pub name_ru: String,
    pub colour: String,
}

/// How a recurring event repeats (RFC 5545). For a recurring event, `starts_at`/`ends_at`
/// are those of the first occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recurrence {
    /// The RRULE value, normalised (see `calendar::recurrence::normalise_rule`).
    pub rule: String,
    /// Riga wall-clock starts of skipped occurrences.
    pub exdates: Vec<NaiveDateTime>,
    /// When the last occurrence ends; `None` for a series without end.
    pub series_end: Option<DateTime<Utc>>,
}

/// The stored form of `Recurrence::exdates`: `YYYYMMDDTHHMMSS`, comma-separated.
const EXDATE_FORMAT: &str = "%Y%m%dT%H%M%S";

impl Recurrence {
    pub(crate) fn exdates_column(&self) -> String {
        self.exdates
            .iter()
            .map(|exdate| exdate.format(EXDATE_FORMAT).to_string())
            .collect::<Vec<_>>()
            .join(",")
    }

    pub(super) fn parse_exdates(column: &str) -> Vec<NaiveDateTime> {
        column
            .split(',')
            .filter_map(|value| NaiveDateTime::parse_from_str(value, EXDATE_FORMAT).ok())
            .collect()
    }
}

/// An event as stored. Instants are UTC; for all-day events `ends_at` is the exclusive end
/// (local midnight after the last day), as in iCalendar.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body_html: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub all_day: bool,
    pub location: String,
    pub category: Option<Category>,
    pub recurrence: Option<Recurrence>,
    /// Set while the event is in the trash (it is then a draft), as for articles.
    pub trashed_at: Option<DateTime<Utc>>,
    pub status: Status,
    /// Whether readers ever saw it (a draft that was published is hidden, not new).
    pub was_published: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    /// The last change, a translation's included when the item is read in its language.
    pub updated_at: DateTime<Utc>,
    /// Each text part's language: the reader's where the item has that translation and it
    /// translated the part, else Latvian (see `rows::text_in`).
    pub part_langs: crate::i18n::PartLangs,
}

#[derive(Debug, Clone)]
pub struct NewEvent {
    pub title: String,
    pub summary: String,
    pub body_html: SafeHtml,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub all_day: bool,
    pub location: String,
    /// Slug of an existing category.
    pub category: Option<String>,
    pub recurrence: Option<Recurrence>,
    pub status: Status,
}

/// A file offered for download with an article (a PDF or DOCX), listed with its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub title: String,
    /// Site-relative (`/files/…`) or absolute `https://` address.
    pub href: String,
    /// e.g. `application/pdf`.
    pub media_type: String,
    pub size_bytes: i64,
}

/// A news article as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub lead: String,
    pub body_html: String,
    pub contact: String,
    pub published_at: DateTime<Utc>,
    pub category: Option<Category>,
    /// The event the article reports on.
    pub event_id: Option<i64>,
    pub status: Status,
    /// Whether readers ever saw it (a draft that was published is hidden, not new).
    pub was_published: bool,
    /// Set while the article is in the trash (it is then a draft).
    pub trashed_at: Option<DateTime<Utc>>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    /// The last change, a translation's included when the item is read in its language.
    pub updated_at: DateTime<Utc>,
    /// Each text part's language: the reader's where the item has that translation and it
    /// translated the part, else Latvian (see `rows::text_in`).
    pub part_langs: crate::i18n::PartLangs,
}

#[derive(Debug, Clone)]
pub struct NewArticle {
    pub title: String,
    pub lead: String,
    pub body_html: SafeHtml,
    pub contact: String,
    /// The date of an article stored as published. An update keeps the stored date: the
    /// store dates an article when it is first published.
    pub published_at: DateTime<Utc>,
    pub category: Option<String>,
    /// Slug of the event the article reports on, for a new article. An update keeps the link
    /// the article has (editors do not change it; it stays while the event is in the trash).
    pub event: Option<String>,
    pub attachments: Vec<Attachment>,
    pub status: Status,
}

/// What an editor sets about an article besides its text and its address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSettings {
    /// Slug of an existing category.
    pub category: Option<String>,
    pub status: Status,
}

/// One page of published articles, newest first, and how many there are in all.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticlePage {
    pub articles: Vec<Article>,
    pub total: i64,
}

/// The articles around one: the next older and newer in publication order, and others in
/// its category.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleNeighbours {
    pub older: Option<Article>,
    pub newer: Option<Article>,
    pub related: Vec<Article>,
}

/// Which way a list of events runs from "now".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Events not yet over, soonest first.
    Upcoming,
    /// Events already over, most recent first.
    Past,
}

/// One page of single (non-recurring) events, and how many there are in all.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPage {
    pub events: Vec<Event>,
    pub total: i64,
}

/// What search looks through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SearchKind {
    Article,
    Event,
}

impl SearchKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SearchKind::Article => "article",
            SearchKind::Event => "event",
        }
    }
}

/// A search: folded words (see `search::text::query_words`), all of which must match as
/// word prefixes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub words: Vec<String>,
    pub kind: Option<SearchKind>,
    /// Category slugs; empty means every category.
    pub categories: Vec<String>,
    pub limit: i64,
    pub offset: i64,
    /// The reader's language: English and Russian readers find items by their version in
    /// that language where there is one.
    pub lang: crate::i18n::Lang,
}

/// A published article or event that matched, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub kind: SearchKind,
    pub slug: String,
    pub title: String,
    /// The article's lead or the event's summary.
    pub lead: String,
    pub body_html: String,
    /// Publication (articles) or start (events).
    pub at: DateTime<Utc>,
    pub category: Option<Category>,
    /// The language of the title: the reader's, or Latvian.
    pub text_lang: crate::i18n::Lang,
    /// The language of the body, most of a snippet: the reader's, or Latvian where the
    /// translation leaves it.
    pub snippet_lang: crate::i18n::Lang,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchPage {
    pub hits: Vec<SearchHit>,
    pub total: i64,
}

impl Article {
    /// The language of its title, which names it (in feeds, lists and structured data).
    pub fn text_lang(&self) -> crate::i18n::Lang {
        self.part_langs.title
    }
}

impl Event {
    /// The language of its title, which names it (in lists and calendars).
    pub fn text_lang(&self) -> crate::i18n::Lang {
        self.part_langs.title
    }
}
