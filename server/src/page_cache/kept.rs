//! The pages in memory: a quick_cache bounded by bytes, with one render per missed page.

use std::{
    future::Future,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
};

use axum::response::Response;

use super::{page_of, Page, PageKey, TIME_TO_LIVE};

/// What is kept under a key: a page, or for a moment the word that the render waited for
/// could not be kept.
#[derive(Clone)]
enum Entry {
    Page(Arc<Page>),
    /// Handed to the requests waiting for a render whose answer was for its own request
    /// alone (a cookie, an error): each then renders its own, at once. Removed as soon as
    /// they have it.
    NotKept,
}

/// Weighs a kept page by the bytes it holds.
#[derive(Clone)]
struct ByBytes;

impl quick_cache::Weighter<PageKey, Entry> for ByBytes {
    fn weight(&self, key: &PageKey, entry: &Entry) -> u64 {
        match entry {
            Entry::Page(page) => key.target.len() as u64 + page.weight,
            Entry::NotKept => 0,
        }
    }
}

/// The pages in memory.
#[derive(Clone)]
pub(super) struct Kept {
    pages: Arc<quick_cache::sync::Cache<PageKey, Entry, ByBytes>>,
    /// The heaviest page kept, its key included: quick_cache quietly drops anything heavier
    /// than 97 % of one of its shards.
    heaviest: u64,
    /// How many times the pages were dropped (a write): a render that began before the last
    /// drop keeps nothing.
    clears: Arc<AtomicU64>,
}

/// What a page request found.
pub(super) enum Found {
    Kept(Arc<Page>),
    /// Rendered meanwhile for another request, which this one waited for.
    Shared(Arc<Page>),
    /// Rendered for this request, and kept unless a write dropped the pages meanwhile.
    Rendered(Arc<Page>),
    /// Rendered for this request, and not kept.
    NotKept(Unkept),
}

/// A rendered answer that is not kept.
pub(super) enum Unkept {
    /// Not a page for everybody: not `200 OK`, or it sets a cookie.
    Answer(Response),
    /// A page too large to keep (`LARGEST_PAGE`, or most of one of the cache's shards).
    TooLarge(Arc<Page>),
}

/// The size of a page, as far as sizing the cache's tables goes.
const TYPICAL_PAGE_BYTES: u64 = 16 * 1024;

impl Kept {
    pub(super) fn new(megabytes: u64) -> Self {
        let bytes = megabytes.saturating_mul(1024 * 1024);
        let pages = usize::try_from(bytes / TYPICAL_PAGE_BYTES)
            .unwrap_or(usize::MAX)
            .clamp(16, 1 << 20);
        let pages = quick_cache::sync::Cache::with_weighter(pages, bytes, ByBytes);
        let heaviest = (pages.shard_capacity() / 100 * 97).min(super::LARGEST_PAGE as u64);
        Kept {
            pages: Arc::new(pages),
            heaviest,
            clears: Arc::default(),
        }
    }

    pub(super) fn invalidate_all(&self) {
        self.clears.fetch_add(1, Ordering::AcqRel);
        self.pages.clear();
    }

    /// Whether nothing is kept, not even a mark (tests).
    #[cfg(test)]
    pub(super) fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// The page kept under `key`, unless it has lived its `TIME_TO_LIVE` (it is then dropped).
    pub(super) fn get(&self, key: &PageKey) -> Option<Arc<Page>> {
        match self.pages.get(key)? {
            Entry::Page(page) => self.fresh(key, page),
            Entry::NotKept => None,
        }
    }

    /// `page`, kept under `key`, if it has not lived too long; else it goes.
    fn fresh(&self, key: &PageKey, page: Arc<Page>) -> Option<Arc<Page>> {
        if page.rendered.elapsed() < TIME_TO_LIVE {
            return Some(page);
        }
        self.pages.remove_if(
            key,
            |kept| matches!(kept, Entry::Page(kept) if Arc::ptr_eq(kept, &page)),
        );
        None
    }

    /// Keeps `page` under `key` (tests age pages this way).
    #[cfg(test)]
    pub(super) fn keep(&self, key: PageKey, page: Arc<Page>) {
        self.pages.insert(key, Entry::Page(page));
    }

    /// The page kept under `key`; else the answer `render` makes, kept if it can be. Requests
    /// that miss the same key meanwhile wait for this render instead of making their own.
    pub(super) async fn get_or_render<R, F>(&self, key: PageKey, render: R) -> Found
    where
        R: FnOnce() -> F,
        F: Future<Output = Response>,
    {
        if let Some(page) = self.get(&key) {
            return Found::Kept(page);
        }
        self.render_once(key, render).await
    }

    /// `get_or_render` for a key just looked up and missed (`PageCache::kept`): renders, or
    /// waits for another request's render of the same key (or takes a page kept meanwhile).
    pub(super) async fn render_once<R, F>(&self, key: PageKey, render: R) -> Found
    where
        R: FnOnce() -> F,
        F: Future<Output = Response>,
    {
        // The one request holding the key's guard renders; the others wait for its page.
        let guard = loop {
            match self.pages.get_value_or_guard_async(&key).await {
                Ok(Entry::Page(page)) => {
                    if let Some(page) = self.fresh(&key, page) {
                        return Found::Shared(page);
                    }
                }
                // The answer waited for was its own request's alone: render this one's.
                Ok(Entry::NotKept) => return self.render_alone(key, render).await,
                Err(guard) => break guard,
            }
        };
        match self.keepable(&key, render().await).await {
            Ok(page) => {
                // A drop meanwhile took the guard's place: then this inserts nothing.
                let _ = guard.insert(Entry::Page(Arc::clone(&page)));
                Found::Rendered(page)
            }
            Err(unkept) => {
                // Wakes every request waiting for this render, each to render its own at
                // once (a guard merely given up would wake them one after another).
                if guard.insert(Entry::NotKept).is_ok() {
                    self.pages
                        .remove_if(&key, |kept| matches!(kept, Entry::NotKept));
                }
                Found::NotKept(unkept)
            }
        }
    }

    /// Renders for this request without waiting for any other, keeping the page if it can.
    async fn render_alone<R, F>(&self, key: PageKey, render: R) -> Found
    where
        R: FnOnce() -> F,
        F: Future<Output = Response>,
    {
        let clears = self.clears.load(Ordering::Acquire);
        match self.keepable(&key, render().await).await {
            Ok(page) => {
                // Not if the pages were dropped meanwhile: the render may predate the write.
                if self.clears.load(Ordering::Acquire) == clears {
                    self.pages.insert(key, Entry::Page(Arc::clone(&page)));
                }
                Found::Rendered(page)
            }
            Err(unkept) => Found::NotKept(unkept),
        }
    }

    /// A rendered answer as a page to keep (`page_of`), or why it cannot be kept.
    async fn keepable(&self, key: &PageKey, response: Response) -> Result<Arc<Page>, Unkept> {
        let page = page_of(response).await.map_err(Unkept::Answer)?;
        if key.target.len() as u64 + page.weight > self.heaviest {
            return Err(Unkept::TooLarge(page));
        }
        Ok(page)
    }
}
