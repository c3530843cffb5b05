//! `/news`: published articles, newest first, ten a page (`?page=`).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use super::{archive::ArchiveIndex, list_articles, ArticleSummary, NewsList};
use crate::{
    components::{requested_page, CategoryLabel, ErrorPage},
    locale,
};

#[component]
pub fn NewsPage() -> impl IntoView {
    let query = use_query_map();
    let page = Memo::new(move |_| query.with(|q| requested_page(q.get("page"))));
    let news = Resource::new(
        move || page.get(),
        |page| async move { list_articles(page?).await },
    );
    view! {
        <Title text="Jaunumi"/>
        <Meta name="description" content="Jaunākās ziņas par cilvēku tirdzniecības novēršanu Latvijā."/>
        <section class="news">
            <h1>"Jaunumi"</h1>
            <Transition fallback=|| view! { <p class="loading">"Ielādē jaunumus…"</p> }>
                {move || Suspend::new(async move {
                    match news.await {
                        Ok(list) => view! { <NewsListView list/> }.into_any(),
                        Err(error) => view! { <ErrorPage error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn NewsListView(list: NewsList) -> impl IntoView {
    let NewsList {
        articles,
        months,
        page,
        pages,
    } = list;
    view! {
        <div class="news-archive">
            <ol class="news-list">
                {articles.into_iter().map(|article| view! { <NewsItem article/> }).collect_view()}
            </ol>
            <ArchiveIndex months current=(0, None)/>
        </div>
        {(pages > 1).then(|| view! {
            <nav class="pager" aria-label="Lapas">
                {(page > 1).then(|| view! {
                    <a href=format!("/news?page={}", page - 1) rel="prev">"← Jaunāki"</a>
                })}
                <span class="pager__position">{format!("{page}. lapa no {pages}")}</span>
                {(page < pages).then(|| view! {
                    <a href=format!("/news?page={}", page + 1) rel="next">"Vecāki →"</a>
                })}
            </nav>
        })}
    }
}

#[component]
pub fn NewsItem(article: ArticleSummary) -> impl IntoView {
    view! {
        <li class="news-item">
            <h2 class="news-item__title">
                <a href=article.path()>{article.title.clone()}</a>
            </h2>
            <p class="news-item__meta">
                <time datetime=article.published_on.to_string()>
                    {locale::short_date(article.published_on)}
                </time>
                {article.category.map(|category| view! { " · " <CategoryLabel category/> })}
            </p>
            <p class="news-item__lead">{article.lead}</p>
        </li>
    }
}
