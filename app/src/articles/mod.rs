//! News: the newest-first list and the article page, their wire types and server functions.

mod article_page;
mod news_page;

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{calendar::CategoryTag, error::AppError};
pub use article_page::ArticlePage;
pub use news_page::{NewsItem, NewsPage};

/// Articles per page of `/news`.
pub const PAGE_SIZE: u32 = 10;

/// An article in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub slug: String,
    pub title: String,
    pub lead: String,
    /// The publication date in Riga.
    pub published_on: NaiveDate,
    pub category: Option<CategoryTag>,
}

impl ArticleSummary {
    pub fn path(&self) -> String {
        format!("/news/{}", self.slug)
    }
}

/// The article page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDetail {
    pub article: ArticleSummary,
    /// Sanitised when stored.
    pub body_html: String,
    pub contact: String,
}

/// One page of the news list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsList {
    pub articles: Vec<ArticleSummary>,
    /// 1-based.
    pub page: u32,
    pub pages: u32,
}

/// Page `page` (1-based) of the published articles, newest first.
#[server]
pub async fn list_articles(page: u32) -> Result<NewsList, AppError> {
    let page = page.max(1);
    let offset = i64::from(page - 1) * i64::from(PAGE_SIZE);
    let found = crate::state::store()?
        .published_articles(i64::from(PAGE_SIZE), offset)
        .await?;
    let pages = u32::try_from(found.total.max(0))
        .unwrap_or(u32::MAX)
        .div_ceil(PAGE_SIZE);
    if page > pages.max(1) {
        return Err(AppError::NotFound);
    }
    Ok(NewsList {
        articles: found
            .articles
            .iter()
            .map(records::article_summary)
            .collect(),
        page,
        pages: pages.max(1),
    })
}

/// One published article by its slug.
#[server]
pub async fn get_article(slug: String) -> Result<ArticleDetail, AppError> {
    let article = crate::state::store()?
        .published_article(&slug)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(ArticleDetail {
        article: records::article_summary(&article),
        body_html: article.body_html,
        contact: article.contact,
    })
}

#[cfg(feature = "ssr")]
pub(crate) mod records {
    //! Stored articles to wire types.

    use super::ArticleSummary;
    use crate::{calendar::records::category_tag, storage, timezone};

    pub fn article_summary(article: &storage::Article) -> ArticleSummary {
        ArticleSummary {
            slug: article.slug.clone(),
            title: article.title.clone(),
            lead: article.lead.clone(),
            published_on: timezone::local(article.published_at).date(),
            category: article.category.as_ref().map(category_tag),
        }
    }
}
