//! `/news/{yyyy}` and `/news/{yyyy}/{mm}`: the news archive by year and month, with how many
//! articles each month holds, narrowed by category (`?category=`, repeatable) as the news
//! list is: the news list's filter goes with its archive links.

use crate::i18n::{tr_with, Arg};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    get_archive,
    news_page::{NewsItem, NewsPager},
    ArchiveData, ArchiveMonth, ArchiveQuery,
};
use crate::{
    calendar::{filter_query_with, use_calendar_filter, CalendarFilter, CategoryFilter},
    components::{page_path, requested_page, ErrorPage, PageMeta},
    error::AppError,
    locale,
};

/// `/news/2018` or `/news/2018/03`: four-digit year, one- or two-digit month; of the news in
/// `categories` (every one when empty).
pub fn requested_archive(
    year: Option<String>,
    month: Option<String>,
    page: Option<String>,
    categories: Vec<String>,
) -> Result<ArchiveQuery, AppError> {
    let digits = |s: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let year = year
        .filter(|y| digits(y, 4..=4))
        .ok_or(AppError::NotFound)?;
    let month = match month {
        None => None,
        Some(month) if digits(&month, 1..=2) => {
            Some(month.parse().map_err(|_| AppError::NotFound)?)
        }
        Some(_) => return Err(AppError::NotFound),
    };
    Ok(ArchiveQuery {
        lang: crate::i18n::current_lang(),
        year: year.parse().map_err(|_| AppError::NotFound)?,
        month,
        page: requested_page(page)?,
        categories,
    })
}

/// Whether a `/news/{x}` segment names a year rather than an article.
pub fn is_year(segment: &str) -> bool {
    segment.len() == 4 && segment.bytes().all(|b| b.is_ascii_digit())
}

#[component]
pub fn ArchivePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let filter = use_calendar_filter();
    let request = Memo::new(move |_| {
        let page = query.with(|q| q.get("page"));
        params.with(|p| {
            requested_archive(
                p.get("year").or_else(|| p.get("slug")),
                p.get("month"),
                page,
                filter.get().categories,
            )
        })
    });
    let archive = Resource::new(
        move || request.get(),
        |request| async move { get_archive(request?).await },
    );
    view! {
        <Transition fallback=|| view! { <p class="loading">{crate::i18n::t("loading-archive")}</p> }>
            {move || Suspend::new(async move {
                match archive.await {
                    Ok(data) => {
                        // Whether the calendar marks news (`news=1`) means nothing here.
                        let filter = CalendarFilter { news: false, ..filter.get_untracked() };
                        view! { <ArchiveView data filter/> }.into_any()
                    }
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ArchiveView(data: ArchiveData, filter: CalendarFilter) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let period = match data.month {
        Some(month) => locale::month_heading(lang, data.year, month),
        None => data.year.to_string(),
    };
    let heading = tr_with(lang, "archive-heading", &[("period", Arg::Text(&period))]);
    let base = match data.month {
        Some(month) => crate::paths::news_month(data.year, month),
        None => crate::paths::news_year(data.year),
    };
    let (page, pages) = (data.page, data.pages);
    let pager_filter = filter.clone();
    let canonical = page_path(&base, page, &CalendarFilter::default(), &[]);
    view! {
        <PageMeta
            title=crate::components::paged_title(lang, heading.clone(), page)
            description=format!("{heading}: {}.", locale::article_count(lang, data.total))
            path=canonical
            schema=Some("CollectionPage")
            noindex=data.articles.is_empty()
        />
        <section class="news" aria-labelledby="archive-heading">
            <p class="breadcrumb"><a href=lang.href(&format!("/news{}", filter_query_with(&filter, &[])))>"← " {lang.t("nav-news")}</a></p>
            <h1 id="archive-heading">{heading}</h1>
            <CategoryFilter categories=data.categories filter=filter.clone() action=base.clone()/>
            <div class="news-archive">
                {if data.articles.is_empty() {
                    // Only a filter finds no news in a period the index lists.
                    view! { <p class="calendar__empty">{lang.t("news-empty")}</p> }.into_any()
                } else {
                    view! {
                        <ol class="news-list">
                            {data.articles.into_iter().map(|article| view! { <NewsItem article/> }).collect_view()}
                        </ol>
                    }
                    .into_any()
                }}
                <ArchiveIndex months=data.months current=(data.year, data.month) filter/>
            </div>
            <NewsPager path=base page pages filter=pager_filter/>
        </section>
    }
}

/// Years and months with their article counts (of the news in the categories of `filter`,
/// which its links keep).
#[component]
pub fn ArchiveIndex(
    months: Vec<ArchiveMonth>,
    current: (i32, Option<u32>),
    filter: CalendarFilter,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let filtered = filter_query_with(&filter, &[]);
    let mut years: Vec<(i32, usize, Vec<ArchiveMonth>)> = Vec::new();
    for month in months {
        match years.last_mut() {
            Some((year, count, list)) if *year == month.year => {
                *count += month.count;
                list.push(month);
            }
            _ => years.push((month.year, month.count, vec![month])),
        }
    }
    view! {
        <nav class="news-archive__index" aria-labelledby="archive-index-heading">
            <h2 id="archive-index-heading">{lang.t("archive-index")}</h2>
            <ul>
                {years
                    .into_iter()
                    .map(|(year, count, list)| {
                        let year_current = (current.0 == year && current.1.is_none()).then_some("page");
                        view! {
                            <li>
                                <a href=lang.href(&format!("{}{filtered}", crate::paths::news_year(year))) aria-current=year_current>
                                    {format!("{year} ({count})")}
                                </a>
                                <ul>
                                    {list
                                        .into_iter()
                                        .map(|month| {
                                            let here = (current == (month.year, Some(month.month))).then_some("page");
                                            view! {
                                                <li>
                                                    <a href=lang.href(&format!("{}{filtered}", crate::paths::news_month(month.year, month.month))) aria-current=here>
                                                        {format!("{} ({})", locale::month_title(lang, month.month), month.count)}
                                                    </a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_urls_name_a_year_or_a_month() {
        let query = |y: &str, m: Option<&str>| {
            requested_archive(Some(y.into()), m.map(Into::into), None, vec![])
        };
        assert_eq!(
            query("2018", None),
            Ok(ArchiveQuery {
                lang: crate::i18n::current_lang(),
                year: 2018,
                month: None,
                page: 1,
                categories: vec![],
            })
        );
        assert_eq!(query("2018", Some("03")).map(|q| q.month), Ok(Some(3)));
        assert_eq!(query("18", None), Err(AppError::NotFound));
        assert_eq!(query("2018", Some("x")), Err(AppError::NotFound));
        assert!(is_year("2018"));
        assert!(!is_year("lietuva-un-latvija"));
    }
}
