//! News: the newest-first list and the article page, their wire types and server functions.

mod archive;
mod article_links;
mod article_page;
mod news_page;

use chrono::NaiveDate;
use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};

use crate::{
    calendar::{CategoryTag, EventSummary},
    error::AppError,
};
pub use archive::ArchivePage;
pub use article_links::ArticleLinks;
pub use article_page::ArticlePage;
pub use news_page::{NewsItem, NewsPage};

/// Articles per page of `/news`.
pub const PAGE_SIZE: u32 = 10;

/// An article in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub slug: String,
    pub title: String,
    /// The language of `title`: the reader's where the article has that translation (and it
    /// translated the title), else Latvian.
    #[serde(default)]
    pub text_lang: crate::i18n::Lang,
    pub lead: String,
    /// The language of `lead` (Latvian where the translation left it in Latvian).
    #[serde(default)]
    pub lead_lang: crate::i18n::Lang,
    /// The publication date in Riga.
    pub published_on: NaiveDate,
    pub category: Option<CategoryTag>,
}

impl ArticleSummary {
    pub fn path(&self) -> String {
        crate::paths::article(&self.slug)
    }
}

/// A file offered with an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentLink {
    pub title: String,
    pub href: String,
    /// What readers call the format: "PDF", "DOCX"; empty when nothing tells it.
    pub format: String,
    pub size_bytes: i64,
}

/// The article page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDetail {
    pub article: ArticleSummary,
    /// Sanitised when stored.
    pub body_html: String,
    pub contact: String,
    pub attachments: Vec<AttachmentLink>,
    /// The event the article reports on, if it is published.
    pub event: Option<EventSummary>,
    /// Absolute URL of the page.
    pub url: String,
    /// ISO 8601 publication and modification instants, for structured data.
    pub published_iso: String,
    pub modified_iso: String,
    pub older: Option<ArticleSummary>,
    pub newer: Option<ArticleSummary>,
    /// Up to three other articles in the same category.
    pub related: Vec<ArticleSummary>,
    #[serde(flatten)]
    pub languages: crate::editing::PageLanguages,
}

/// How many articles a month of the archive holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveMonth {
    pub year: i32,
    pub month: u32,
    pub count: usize,
}

/// A year or month of the news archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveData {
    pub year: i32,
    /// `None`: the whole year.
    pub month: Option<u32>,
    pub articles: Vec<ArticleSummary>,
    /// How many articles the year or month holds (in the categories asked for), on every
    /// page.
    pub total: usize,
    /// Every month with articles (in those categories), newest first.
    pub months: Vec<ArchiveMonth>,
    /// Every category, for the filter.
    pub categories: Vec<CategoryTag>,
    pub page: u32,
    pub pages: u32,
}

/// Which part of the archive a page asks for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ArchiveQuery {
    /// The reader's language: titles and leads of translated articles come in it.
    #[serde(default)]
    pub lang: crate::i18n::Lang,
    pub year: i32,
    pub month: Option<u32>,
    pub page: u32,
    /// Category slugs; empty means every category.
    #[serde(default)]
    pub categories: Vec<String>,
}

/// One page of the news list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsList {
    pub articles: Vec<ArticleSummary>,
    /// The archive's months with their counts.
    pub months: Vec<ArchiveMonth>,
    /// Every category, for the filter.
    pub categories: Vec<CategoryTag>,
    /// 1-based.
    pub page: u32,
    pub pages: u32,
}

/// What the news list asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NewsQuery {
    /// The reader's language: titles and leads of translated articles come in it.
    #[serde(default)]
    pub lang: crate::i18n::Lang,
    /// 1-based.
    pub page: u32,
    /// Category slugs; empty means every category.
    pub categories: Vec<String>,
}

/// The summaries of one page of articles, with which page it is and how many there are; a
/// page past the end is not found.
#[cfg(feature = "ssr")]
fn summaries_on(
    found: &crate::storage::ArticlePage,
    paging: crate::components::Paging,
) -> Result<(Vec<ArticleSummary>, u32, u32), AppError> {
    if paging.past_end(found.total) {
        return Err(AppError::NotFound);
    }
    let articles = found
        .articles
        .iter()
        .map(records::article_summary)
        .collect();
    Ok((articles, paging.page(), paging.pages(found.total)))
}

/// A page of the published articles, newest first.
#[server(input = Json)]
pub async fn list_articles(query: NewsQuery) -> Result<NewsList, AppError> {
    let paging = crate::components::Paging::new(query.page, PAGE_SIZE);
    let store = crate::state::store()?;
    let found = store
        .published_articles(
            query.lang,
            &query.categories,
            paging.limit(),
            paging.offset(),
        )
        .await?;
    let (articles, page, pages) = summaries_on(&found, paging)?;
    Ok(NewsList {
        articles,
        months: records::archive_months(store.as_ref(), &query.categories).await?,
        categories: crate::calendar::occurrences::category_tags(store.as_ref()).await?,
        page,
        pages,
    })
}

/// One published article by its slug, with its neighbours and related articles.
#[server]
pub async fn get_article(slug: String, lang: crate::i18n::Lang) -> Result<ArticleDetail, AppError> {
    use records::article_summary;

    let state = crate::state::app_state()?;
    let article = state
        .store
        .published_article(lang, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let neighbours = state.store.article_neighbours(lang, &article, 3).await?;
    let event = match article.event_id {
        Some(id) => state.store.published_event_by_id(lang, id).await?,
        None => None,
    };
    let attachments = state.store.attachments(article.id).await?;
    let languages = crate::editing::PageLanguages::of(
        state.store.as_ref(),
        (
            crate::editing::ItemKind::Article,
            article.id,
            article.version,
        ),
        article.part_langs,
        lang,
    )
    .await?;
    let summary = article_summary(&article);
    let related = neighbours.related.iter().map(article_summary).collect();
    Ok(ArticleDetail {
        attachments: attachments.iter().map(records::attachment_link).collect(),
        event: event.as_ref().map(crate::calendar::records::event_summary),
        article: summary,
        url: languages.canonical_url(
            &state.public_url,
            lang,
            &crate::paths::article(&article.slug),
        ),
        body_html: article.body_html,
        contact: article.contact,
        languages,
        published_iso: article.published_at.to_rfc3339(),
        modified_iso: article.updated_at.max(article.published_at).to_rfc3339(),
        older: neighbours.older.as_ref().map(article_summary),
        newer: neighbours.newer.as_ref().map(article_summary),
        related,
    })
}

/// A year or month of published articles (in Riga time), with the archive's month counts.
#[server(input = Json)]
pub async fn get_archive(query: ArchiveQuery) -> Result<ArchiveData, AppError> {
    use crate::{calendar::YearMonth, timezone};

    let (first, after) = match query.month {
        Some(month) => {
            let month = YearMonth::new(query.year, month).ok_or(AppError::NotFound)?;
            (month.first_day(), month.next().first_day())
        }
        None => {
            let january = YearMonth::new(query.year, 1).ok_or(AppError::NotFound)?;
            let next_january = YearMonth::new(query.year + 1, 1).ok_or(AppError::NotFound)?;
            (january.first_day(), next_january.first_day())
        }
    };
    let store = crate::state::store()?;
    let paging = crate::components::Paging::new(query.page, PAGE_SIZE);
    let period = (timezone::start_of_day(first), timezone::start_of_day(after));
    let found = store
        .published_articles_in(
            query.lang,
            &query.categories,
            Some(period),
            paging.limit(),
            paging.offset(),
        )
        .await?;
    // A period without news is no page; one with news, but none in the categories asked
    // for, is one that says so (a page past the last is still none).
    if found.total == 0 {
        let unfiltered = if query.categories.is_empty() {
            0
        } else {
            let any = store.published_articles_in(query.lang, &[], Some(period), 1, 0);
            any.await?.total
        };
        if unfiltered == 0 {
            return Err(AppError::NotFound);
        }
    }
    let (articles, page, pages) = summaries_on(&found, paging)?;
    Ok(ArchiveData {
        year: query.year,
        month: query.month,
        articles,
        total: usize::try_from(found.total).unwrap_or_default(),
        months: records::archive_months(store.as_ref(), &query.categories).await?,
        categories: crate::calendar::occurrences::category_tags(store.as_ref()).await?,
        page,
        pages,
    })
}

#[cfg(feature = "ssr")]
pub(crate) mod records {
    //! Stored articles to wire types.

    use chrono::{Datelike, Months, NaiveDate};

    use super::{ArchiveMonth, ArticleSummary, AttachmentLink};
    use crate::{
        calendar::records::category_tag,
        error::AppError,
        storage::{self, Store},
        timezone,
    };

    /// Every month (in Riga) with published articles in `categories` (every one when
    /// empty), newest first, with its count.
    pub async fn archive_months(
        store: &dyn Store,
        categories: &[String],
    ) -> Result<Vec<ArchiveMonth>, AppError> {
        let Some((first, last)) = store.publication_span(categories).await? else {
            return Ok(Vec::new());
        };
        // Each month in Riga from the first publication's to the last's: its first day, and
        // the instants it spans (to the next month's first day).
        let months: Vec<(NaiveDate, _)> =
            std::iter::successors(timezone::local(first).date().with_day(1), |day| {
                day.checked_add_months(Months::new(1))
            })
            .take_while(|day| *day <= timezone::local(last).date())
            .map_while(|day| {
                let next = day.checked_add_months(Months::new(1))?;
                Some((
                    day,
                    (timezone::start_of_day(day), timezone::start_of_day(next)),
                ))
            })
            .collect();
        let periods: Vec<_> = months.iter().map(|(_, period)| *period).collect();
        let counts = store.publication_counts(categories, &periods).await?;
        Ok(months
            .into_iter()
            .map(|(day, _)| day)
            .zip(counts)
            .rev()
            .filter(|(_, count)| *count > 0)
            .map(|(day, count)| ArchiveMonth {
                year: day.year(),
                month: day.month(),
                count: count as usize,
            })
            .collect())
    }

    pub fn attachment_link(attachment: &storage::Attachment) -> AttachmentLink {
        AttachmentLink {
            title: attachment.title.clone(),
            href: attachment.href.clone(),
            format: file_format(&attachment.media_type, &attachment.href),
            size_bytes: attachment.size_bytes,
        }
    }

    /// "PDF", "DOCX": from the media type when it is a common one, else the extension, else
    /// nothing (the page then says "file" in the reader's language).
    fn file_format(media_type: &str, href: &str) -> String {
        let known = match media_type {
            "application/pdf" => "PDF",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "DOCX",
            "application/msword" => "DOC",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "XLSX",
            "application/vnd.oasis.opendocument.text" => "ODT",
            _ => "",
        };
        if !known.is_empty() {
            return known.to_string();
        }
        let name = href.rsplit('/').next().unwrap_or(href);
        match name.rsplit_once('.') {
            Some((_, extension)) if !extension.is_empty() && extension.len() <= 5 => {
                extension.to_uppercase()
            }
            _ => String::new(),
        }
    }

    pub fn article_summary(article: &storage::Article) -> ArticleSummary {
        ArticleSummary {
            slug: article.slug.clone(),
            title: article.title.clone(),
            text_lang: article.part_langs.title,
            lead: article.lead.clone(),
            lead_lang: article.part_langs.lead,
            published_on: timezone::local(article.published_at).date(),
            category: article.category.as_ref().map(category_tag),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::file_format;

        #[test]
        fn formats_come_from_the_media_type_or_the_name() {
            assert_eq!(file_format("application/pdf", "/files/a"), "PDF");
            assert_eq!(
                file_format(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "/files/a.bin"
                ),
                "DOCX"
            );
            assert_eq!(file_format("application/zip", "/files/dati.zip"), "ZIP");
            assert_eq!(file_format("", "/files/bez-paplasinajuma"), "");
        }
    }
}
