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
    /// The language of `title` and `lead`: Latvian unless a translation was swapped in.
    #[serde(default)]
    pub text_lang: crate::i18n::Lang,
    pub lead: String,
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
    /// What readers call the format: "PDF", "DOCX".
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
    /// The language of the text shown: the reader's, when the article has a translation into
    /// it, else Latvian.
    pub content_lang: crate::i18n::Lang,
    /// The version of the translation shown (0: the page shows the Latvian original), which
    /// a translator's save starts from.
    pub translation_version: i64,
    /// The languages the article exists in (Latvian first).
    pub languages: Vec<crate::i18n::Lang>,
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
    /// Every month with articles, newest first.
    pub months: Vec<ArchiveMonth>,
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

/// A page of the published articles, newest first.
#[server(input = Json)]
pub async fn list_articles(query: NewsQuery) -> Result<NewsList, AppError> {
    let paging = crate::components::Paging::new(query.page, PAGE_SIZE);
    let store = crate::state::store()?;
    let found = store
        .published_articles(&query.categories, paging.limit(), paging.offset())
        .await?;
    if paging.past_end(found.total) {
        return Err(AppError::NotFound);
    }
    let (page, pages) = (paging.page(), paging.pages(found.total));
    let articles = records::summaries_in(store.as_ref(), query.lang, &found.articles).await?;
    Ok(NewsList {
        articles,
        months: records::archive_months(store.as_ref()).await?,
        categories: crate::calendar::occurrences::category_tags(store.as_ref()).await?,
        page,
        pages,
    })
}

/// One published article by its slug, with its neighbours and related articles.
#[server]
pub async fn get_article(slug: String, lang: crate::i18n::Lang) -> Result<ArticleDetail, AppError> {
    use crate::i18n::Lang;
    use records::article_summary;

    let state = crate::state::app_state()?;
    let article = state
        .store
        .published_article(&slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let neighbours = state.store.article_neighbours(&article, 3).await?;
    let event = match article.event_id {
        Some(id) => state.store.published_event_by_id(id).await?,
        None => None,
    };
    let attachments = state.store.attachments(article.id).await?;
    let translations = state.store.article_translations(article.id).await?;
    let mut languages = vec![Lang::Lv];
    languages.extend(
        translations
            .iter()
            .filter_map(|translation| Lang::from_code(&translation.lang)),
    );
    let translation = translations
        .into_iter()
        .find(|translation| translation.lang == lang.code());
    let translation_version = translation.as_ref().map_or(0, |found| found.version);
    let content_lang = if translation.is_some() {
        lang
    } else {
        Lang::Lv
    };
    let mut summary = article_summary(&article);
    let (body_html, contact) = match translation.map(|found| found.text) {
        Some(text) => {
            summary.title = text.title;
            summary.lead = text.lead;
            summary.text_lang = lang;
            // Cleaned again as it is shown, so a stricter sanitiser reaches translations too.
            let body = crate::sanitize::SafeHtml::sanitize(&text.body_html);
            (body.as_str().to_string(), text.contact)
        }
        None => (article.body_html.clone(), article.contact.clone()),
    };
    let mut older = neighbours.older.as_ref().map(article_summary);
    let mut newer = neighbours.newer.as_ref().map(article_summary);
    let mut related: Vec<ArticleSummary> = neighbours.related.iter().map(article_summary).collect();
    let others = older
        .iter_mut()
        .chain(newer.iter_mut())
        .chain(related.iter_mut());
    records::in_language(state.store.as_ref(), lang, others.collect()).await?;
    Ok(ArticleDetail {
        attachments: attachments.iter().map(records::attachment_link).collect(),
        event: event.as_ref().map(crate::calendar::records::event_summary),
        article: summary,
        url: format!(
            "{}{}",
            state.public_url,
            lang.href(&crate::paths::article(&article.slug))
        ),
        content_lang,
        translation_version,
        languages,
        published_iso: article.published_at.to_rfc3339(),
        modified_iso: article.updated_at.max(article.published_at).to_rfc3339(),
        older,
        newer,
        related,
        body_html,
        contact,
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
    let found = store
        .published_articles_between(
            timezone::start_of_day(first),
            timezone::start_of_day(after),
            paging.limit(),
            paging.offset(),
        )
        .await?;
    if found.total == 0 || paging.past_end(found.total) {
        return Err(AppError::NotFound);
    }
    let (page, pages) = (paging.page(), paging.pages(found.total));
    let articles = records::summaries_in(store.as_ref(), query.lang, &found.articles).await?;
    Ok(ArchiveData {
        year: query.year,
        month: query.month,
        articles,
        months: records::archive_months(store.as_ref()).await?,
        page,
        pages,
    })
}

#[cfg(feature = "ssr")]
pub(crate) mod records {
    //! Stored articles to wire types.

    use chrono::Datelike;

    use super::{ArchiveMonth, ArticleSummary, AttachmentLink};
    use crate::{
        calendar::records::category_tag,
        error::AppError,
        storage::{self, Store},
        timezone,
    };

    /// Every month (in Riga) with published articles, newest first, with its count.
    pub async fn archive_months(store: &dyn Store) -> Result<Vec<ArchiveMonth>, AppError> {
        let mut months: Vec<ArchiveMonth> = Vec::new();
        for published in store.publication_times().await? {
            let day = timezone::local(published).date();
            match months.last_mut() {
                Some(last) if last.year == day.year() && last.month == day.month() => {
                    last.count += 1
                }
                _ => months.push(ArchiveMonth {
                    year: day.year(),
                    month: day.month(),
                    count: 1,
                }),
            }
        }
        Ok(months)
    }

    pub fn attachment_link(attachment: &storage::Attachment) -> AttachmentLink {
        AttachmentLink {
            title: attachment.title.clone(),
            href: attachment.href.clone(),
            format: file_format(&attachment.media_type, &attachment.href),
            size_bytes: attachment.size_bytes,
        }
    }

    /// "PDF", "DOCX": from the media type when it is a common one, else the extension.
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
            _ => "Fails".to_string(),
        }
    }

    /// Stored articles as list entries, in the reader's language where translated.
    pub async fn summaries_in(
        store: &dyn Store,
        lang: crate::i18n::Lang,
        articles: &[storage::Article],
    ) -> Result<Vec<ArticleSummary>, AppError> {
        let mut summaries: Vec<ArticleSummary> = articles.iter().map(article_summary).collect();
        in_language(store, lang, summaries.iter_mut().collect()).await?;
        Ok(summaries)
    }

    /// Titles and leads in `lang` for those of `articles` translated into it.
    pub async fn in_language(
        store: &dyn storage::Store,
        lang: crate::i18n::Lang,
        articles: Vec<&mut ArticleSummary>,
    ) -> Result<(), AppError> {
        if lang == crate::i18n::Lang::Lv || articles.is_empty() {
            return Ok(());
        }
        let slugs: Vec<String> = articles.iter().map(|a| a.slug.clone()).collect();
        let translated = store.article_translations_into(lang.code(), &slugs).await?;
        for article in articles {
            if let Some((_, found)) = translated.iter().find(|(s, _)| *s == article.slug) {
                article.title.clone_from(&found.text.title);
                article.lead.clone_from(&found.text.lead);
                article.text_lang = lang;
            }
        }
        Ok(())
    }

    pub fn article_summary(article: &storage::Article) -> ArticleSummary {
        ArticleSummary {
            slug: article.slug.clone(),
            title: article.title.clone(),
            text_lang: crate::i18n::Lang::Lv,
            lead: article.lead.clone(),
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
            assert_eq!(file_format("", "/files/bez-paplasinajuma"), "Fails");
        }
    }
}
