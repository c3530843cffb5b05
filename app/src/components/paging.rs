//! The `?page=` parameter of paged lists, and the links between their pages.

use leptos::prelude::*;

use crate::{
    error::AppError,
    i18n::{tr, tr_with, Arg, Lang},
};

/// The links between the pages of a list: to the page before this one (`page`, from 1) and,
/// when `has_next`, the one after, worded by the message ids `words` (the earlier page's, then
/// the later one's), with `position` (this page's place) between them. `link` is page N's
/// address.
#[component]
pub fn Pager(
    page: u32,
    has_next: bool,
    position: String,
    link: Callback<u32, String>,
    words: [&'static str; 2],
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let [earlier, later] = words.map(|id| tr(lang, id));
    view! {
        <nav class="pager" aria-label=tr(lang, "pager")>
            {(page > 1).then(|| view! { <a href=link.run(page - 1) rel="prev">"← " {earlier}</a> })}
            <span class="pager__position">{position}</span>
            {has_next.then(|| view! { <a href=link.run(page + 1) rel="next">{later} " →"</a> })}
        </nav>
    }
}

/// The pager of a list that knows how many pages it has (`pages`), saying "Page 2 of 5";
/// nothing when there is one page.
#[component]
pub fn NumberedPager(
    page: u32,
    pages: u32,
    link: Callback<u32, String>,
    words: [&'static str; 2],
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    (pages > 1).then(|| {
        view! {
            <Pager page has_next=page < pages position=page_of(lang, page, pages) link words/>
        }
    })
}

/// Page `page` of the list at `path`, keeping `keep` (its own parameters, say `past=1`) and
/// `filter` (its categories, and `news=1` where set): the first page without `page=`, so it
/// has one address.
pub fn page_path(
    path: &str,
    page: u32,
    filter: &crate::calendar::CalendarFilter,
    keep: &[(&str, String)],
) -> String {
    let mut parameters = keep.to_vec();
    if page > 1 {
        parameters.push(("page", page.to_string()));
    }
    format!(
        "{path}{}",
        crate::calendar::filter_query_with(filter, &parameters)
    )
}

/// "Page 2 of 5", in `lang`.
fn page_of(lang: Lang, page: u32, pages: u32) -> String {
    let place = [
        ("page", Arg::Number(page.into())),
        ("pages", Arg::Number(pages.into())),
    ];
    tr_with(lang, "pager-position", &place)
}

/// A paged list's page title: `title` on its first page, "Jaunumi — 2. lapa" on the others,
/// so no two pages share one.
pub fn paged_title(lang: Lang, title: String, page: u32) -> String {
    if page > 1 {
        let place = [
            ("title", Arg::Text(&title)),
            ("page", Arg::Number(page.into())),
        ];
        tr_with(lang, "paged-title", &place)
    } else {
        title
    }
}

/// `?page=N`: a missing page is the first; zero or anything not a number is not found.
pub fn requested_page(page: Option<String>) -> Result<u32, AppError> {
    match page {
        None => Ok(1),
        Some(page) => page
            .parse::<u32>()
            .ok()
            .filter(|page| *page >= 1)
            .ok_or(AppError::NotFound),
    }
}

/// One page of a paged list: which (1-based, never 0) and how many rows a page holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    page: u32,
    size: u32,
}

impl Paging {
    /// Page `page` (0 counts as the first) of `size` rows.
    pub fn new(page: u32, size: u32) -> Self {
        Paging {
            page: page.max(1),
            size,
        }
    }

    /// Which page, from 1.
    pub fn page(self) -> u32 {
        self.page
    }

    /// Whether this is the first page.
    pub fn first(self) -> bool {
        self.page == 1
    }

    /// The SQL `LIMIT`.
    pub fn limit(self) -> i64 {
        i64::from(self.size)
    }

    /// The SQL `OFFSET`: the rows of the pages before this one.
    pub fn offset(self) -> i64 {
        i64::from(self.page - 1) * i64::from(self.size)
    }

    /// How many pages `total` rows fill; an empty list still has its first page.
    pub fn pages(self, total: i64) -> u32 {
        u32::try_from(total.max(0))
            .unwrap_or(u32::MAX)
            .div_ceil(self.size)
            .max(1)
    }

    /// Whether this page lies past the last page of `total` rows.
    pub fn past_end(self, total: i64) -> bool {
        self.page > self.pages(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_count_rows_and_place_the_offset() {
        let third = Paging::new(3, 10);
        assert_eq!((third.limit(), third.offset()), (10, 20));
        assert_eq!(Paging::new(0, 10), Paging::new(1, 10));
        assert_eq!(third.pages(0), 1);
        assert_eq!(third.pages(20), 2);
        assert_eq!(third.pages(21), 3);
        assert_eq!(third.pages(-5), 1);
        assert!(third.past_end(20));
        assert!(!third.past_end(21));
        assert!(!Paging::new(1, 10).past_end(0));
    }

    #[test]
    fn page_parameter_defaults_to_one_and_rejects_nonsense() {
        assert_eq!(requested_page(None), Ok(1));
        assert_eq!(requested_page(Some("3".into())), Ok(3));
        assert_eq!(requested_page(Some("0".into())), Err(AppError::NotFound));
        assert_eq!(requested_page(Some("x".into())), Err(AppError::NotFound));
    }
}
