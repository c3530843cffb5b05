//! Search over articles and events: `/search?q=…` (ranked, highlighted, paged, filterable by
//! kind and category), and title suggestions for the header's search box.

mod page;
#[cfg(feature = "ssr")]
mod stem;
#[cfg(feature = "ssr")]
pub mod text;

use chrono::NaiveDate;
use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};

use crate::{calendar::CategoryTag, error::AppError, i18n::Lang};
pub use page::{SearchBox, SearchPage};

/// Results per page.
pub const PAGE_SIZE: u32 = 10;

/// A piece of a snippet; `marked` pieces matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnippetPiece {
    pub text: String,
    pub marked: bool,
}

/// What a search asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SearchQuery {
    pub q: String,
    /// `"article"`, `"event"` or empty for both.
    pub kind: String,
    pub categories: Vec<String>,
    /// 1-based.
    pub page: u32,
    /// The reader's language: items are found by their version in it where they have one.
    #[serde(default)]
    pub lang: Lang,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResult {
    pub is_event: bool,
    pub title: String,
    pub path: String,
    /// Publication date (articles) or first day (events), in Riga.
    pub date: NaiveDate,
    pub category: Option<CategoryTag>,
    pub snippet: Vec<SnippetPiece>,
    /// The language of the title.
    pub text_lang: Lang,
    /// The language of the snippet.
    pub snippet_lang: Lang,
}

/// A page of results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    pub results: Vec<SearchResult>,
    pub total: i64,
    pub page: u32,
    pub pages: u32,
    pub categories: Vec<CategoryTag>,
}

/// A title suggested while typing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub title: String,
    pub path: String,
}

#[server(input = Json)]
pub async fn search(query: SearchQuery) -> Result<SearchResults, AppError> {
    use crate::{
        calendar::occurrences::category_tags,
        storage::{SearchKind, SearchRequest},
    };

    let store = crate::state::store()?;
    let words = text::query_words(&query.q);
    let kind = match query.kind.as_str() {
        "article" => Some(SearchKind::Article),
        "event" => Some(SearchKind::Event),
        _ => None,
    };
    let paging = crate::components::Paging::new(query.page, PAGE_SIZE);
    let found = store
        .search(&SearchRequest {
            words: words.clone(),
            kind,
            // Storage looks at the first `MAX_FILTER_CATEGORIES` (`push_categories`).
            categories: query.categories.clone(),
            limit: paging.limit(),
            offset: paging.offset(),
            lang: query.lang,
        })
        .await?;
    // Like the news list: a page past the last is not found (a search that finds nothing
    // still has its first page, which says so).
    if paging.past_end(found.total) {
        return Err(AppError::NotFound);
    }
    let total = found.total;
    // Each hit's body is read as text for its snippet: up to a page of long bodies, off the
    // request threads.
    let results = crate::cpu::run_for_reader(move || snippets(found.hits, &words)).await?;
    Ok(SearchResults {
        results,
        total,
        page: paging.page(),
        pages: paging.pages(total),
        categories: category_tags(store.as_ref()).await?,
    })
}

/// The hits as results, each with the snippet of its text around the first of `words`.
#[cfg(feature = "ssr")]
fn snippets(hits: Vec<crate::storage::SearchHit>, words: &[String]) -> Vec<SearchResult> {
    use crate::{calendar::records::category_tag, storage::SearchKind, timezone};

    hits.into_iter()
        .map(|hit| {
            let body = format!("{} {}", hit.lead, text::plain_text(&hit.body_html));
            SearchResult {
                is_event: hit.kind == SearchKind::Event,
                path: match hit.kind {
                    SearchKind::Event => crate::paths::event(&hit.slug),
                    SearchKind::Article => crate::paths::article(&hit.slug),
                },
                title: hit.title,
                date: timezone::local(hit.at).date(),
                category: hit.category.as_ref().map(category_tag),
                snippet: text::snippet(body.trim(), words, 220),
                text_lang: hit.text_lang,
                snippet_lang: hit.snippet_lang,
            }
        })
        .collect()
}

/// Up to six titles for what has been typed so far.
#[server(input = Json)]
pub async fn suggest(q: String, lang: Option<Lang>) -> Result<Vec<Suggestion>, AppError> {
    use crate::storage::{SearchKind, SearchRequest};

    let words = text::query_words(&q);
    let found = crate::state::store()?
        .search(&SearchRequest {
            words,
            kind: None,
            categories: Vec::new(),
            limit: 6,
            offset: 0,
            lang: lang.unwrap_or_default(),
        })
        .await?;
    Ok(found
        .hits
        .into_iter()
        .map(|hit| Suggestion {
            path: match hit.kind {
                SearchKind::Event => crate::paths::event(&hit.slug),
                SearchKind::Article => crate::paths::article(&hit.slug),
            },
            title: hit.title,
        })
        .collect())
}
