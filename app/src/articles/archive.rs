//! `/news/{yyyy}` and `/news/{yyyy}/{mm}`: the news archive by year and month, with how many
//! articles each month holds.

use crate::i18n::{tr_with, Arg};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{get_archive, news_page::NewsItem, ArchiveData, ArchiveMonth, ArchiveQuery};
use crate::{
    components::{page_of, requested_page, ErrorPage, PageMeta, Pager},
    error::AppError,
    locale,
};

/// `/news/2018` or `/news/2018/03`: four-digit year, one- or two-digit month.
pub fn requested_archive(
    year: Option<String>,
    month: Option<String>,
    page: Option<String>,
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
    let request = Memo::new(move |_| {
        let page = query.with(|q| q.get("page"));
        params.with(|p| {
            requested_archive(
                p.get("year").or_else(|| p.get("slug")),
                p.get("month"),
                page,
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
                    Ok(data) => view! { <ArchiveView data/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ArchiveView(data: ArchiveData) -> impl IntoView {
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
    view! {
        <PageMeta
            title=crate::components::paged_title(lang, heading.clone(), page)
            description=format!("{heading}: {}.", locale::article_count(lang, data.total))
            path={ if page > 1 { format!("{base}?page={page}") } else { base.clone() } }
            schema=Some("CollectionPage")
        />
        <section class="news" aria-labelledby="archive-heading">
            <p class="breadcrumb"><a href=lang.href("/news")>"← " {lang.t("nav-news")}</a></p>
            <h1 id="archive-heading">{heading}</h1>
            <div class="news-archive">
                <ol class="news-list">
                    {data.articles.into_iter().map(|article| view! { <NewsItem article/> }).collect_view()}
                </ol>
                <ArchiveIndex months=data.months current=(data.year, data.month)/>
            </div>
            {(pages > 1).then(|| {
                let base = base.clone();
                let link = Callback::new(move |page| lang.href(&format!("{base}?page={page}")));
                view! {
                    <Pager
                        page
                        has_next=page < pages
                        position=page_of(lang, page, pages)
                        link
                        words=["news-newer", "news-older"]
                    />
                }
            })}
        </section>
    }
}

/// Years and months with their article counts.
#[component]
pub fn ArchiveIndex(months: Vec<ArchiveMonth>, current: (i32, Option<u32>)) -> impl IntoView {
    let lang = crate::i18n::current_lang();
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
                                <a href=lang.href(&crate::paths::news_year(year)) aria-current=year_current>
                                    {format!("{year} ({count})")}
                                </a>
                                <ul>
                                    {list
                                        .into_iter()
                                        .map(|month| {
                                            let here = (current == (month.year, Some(month.month))).then_some("page");
                                            view! {
                                                <li>
                                                    <a href=lang.href(&crate::paths::news_month(month.year, month.month)) aria-current=here>
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
        let query =
            |y: &str, m: Option<&str>| requested_archive(Some(y.into()), m.map(Into::into), None);
        assert_eq!(
            query("2018", None),
            Ok(ArchiveQuery {
                lang: crate::i18n::current_lang(),
                year: 2018,
                month: None,
                page: 1
            })
        );
        assert_eq!(query("2018", Some("03")).map(|q| q.month), Ok(Some(3)));
        assert_eq!(query("18", None), Err(AppError::NotFound));
        assert_eq!(query("2018", Some("x")), Err(AppError::NotFound));
        assert!(is_year("2018"));
        assert!(!is_year("lietuva-un-latvija"));
    }
}
