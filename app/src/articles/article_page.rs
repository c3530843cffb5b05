//! `/news/{slug}`: one article with its date, lead, body and contact line.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::{get_article, ArticleDetail};
use crate::{
    components::{CategoryLabel, ErrorPage},
    locale,
};

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let article = Resource::new(
        move || params.with(|p| p.get("slug").unwrap_or_default()),
        get_article,
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Ielādē rakstu…"</p> }>
            {move || Suspend::new(async move {
                match article.await {
                    Ok(detail) => view! { <ArticleView detail/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ArticleView(detail: ArticleDetail) -> impl IntoView {
    let ArticleDetail {
        article,
        body_html,
        contact,
    } = detail;
    view! {
        <Title text=article.title.clone()/>
        <Meta name="description" content=article.lead.clone()/>
        <article class="article">
            <p class="breadcrumb"><a href="/news">"← Jaunumi"</a></p>
            <h1>{article.title.clone()}</h1>
            <p class="article__meta">
                <time datetime=article.published_on.to_string()>
                    {locale::short_date(article.published_on)}
                </time>
                {article.category.map(|category| view! { " · " <CategoryLabel category/> })}
            </p>
            <p class="article__lead">{article.lead}</p>
            <div class="article__body prose" inner_html=body_html></div>
            {(!contact.is_empty()).then(|| view! { <p class="article__contact">{contact}</p> })}
        </article>
    }
}
