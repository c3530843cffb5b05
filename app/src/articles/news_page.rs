//! `/news`: published articles, newest first, ten a page (`?page=`), narrowed by category
//! (`?category=`, repeatable).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{archive::ArchiveIndex, list_articles, ArticleSummary, NewsList, NewsQuery};
use crate::{
    calendar::{use_calendar_filter, CalendarFilter, CategoryFilter},
    components::{
        page_path, requested_page, CategoryLabel, ErrorPage, NumberedPager, PageMeta, TextLanguage,
    },
    editing::NewArticleButton,
    error::AppError,
    locale,
};

#[component]
pub fn NewsPage() -> impl IntoView {
    let query = use_query_map();
    let filter = use_calendar_filter();
    let request = Memo::new(move |_| {
        Ok::<_, AppError>(NewsQuery {
            lang: crate::i18n::current_lang(),
            page: query.with(|q| requested_page(q.get("page")))?,
            categories: filter.get().categories,
        })
    });
    let news = Resource::new(
        move || request.get(),
        |request| async move { list_articles(request?).await },
    );
    let lang = crate::i18n::current_lang();
    view! {
        // The heading comes with the list: a page past the last is a 404 page with its own.
        <section class="news">
            <Transition fallback=move || view! { <p class="loading">{lang.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match news.await {
                        Ok(list) => view! { <NewsListView list filter=filter.get_untracked()/> }.into_any(),
                        Err(error) => view! { <ErrorPage error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn NewsListView(list: NewsList, filter: CalendarFilter) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let NewsList {
        articles,
        months,
        categories,
        page,
        pages,
    } = list;
    let pager_filter = filter.clone();
    let canonical = page_path("/news", page, &CalendarFilter::default(), &[]);
    let title = crate::components::paged_title(lang, lang.t("news-heading"), page);
    view! {
        <PageMeta
            title
            description=lang.t("news-description")
            path=canonical
            schema=Some("CollectionPage")
            noindex=articles.is_empty()
        />
        <h1>{lang.t("news-heading")}</h1>
        <NewArticleButton/>
        <CategoryFilter categories filter=filter.clone() action="/news".to_string()/>
        <div class="news-archive">
            {if articles.is_empty() {
                // A page past the last is a 404: this is the first, of a filter or a new site.
                let none = if filter.categories.is_empty() { "news-none" } else { "news-empty" };
                view! { <p class="calendar__empty">{lang.t(none)}</p> }.into_any()
            } else {
                view! {
                    <ol class="news-list">
                        {articles.into_iter().map(|article| view! { <NewsItem article/> }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
            <ArchiveIndex months current=(0, None) filter/>
        </div>
        <NewsPager path="/news".to_string() page pages filter=pager_filter/>
    }
}

/// The pager of a list of news at `path` (the news, a period of the archive), keeping the
/// categories of `filter`.
#[component]
pub fn NewsPager(path: String, page: u32, pages: u32, filter: CalendarFilter) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let link = Callback::new(move |page| lang.href(&page_path(&path, page, &filter, &[])));
    view! { <NumberedPager page pages link words=["news-newer", "news-older"]/> }
}

#[component]
pub fn NewsItem(article: ArticleSummary) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    view! {
        <li class="news-item">
            <h2 class="news-item__title">
                <a href=lang.href(&article.path()) lang=article.text_lang.code()>{article.title.clone()}</a>
            </h2>
            <p class="news-item__meta">
                <time datetime=article.published_on.to_string()>
                    {locale::short_date(lang, article.published_on)}
                </time>
                {article.category.map(|category| view! { " · " <CategoryLabel category/> })}
                <TextLanguage text_lang=article.text_lang/>
            </p>
            <p class="news-item__lead" lang=article.lead_lang.code()>{article.lead}</p>
        </li>
    }
}
