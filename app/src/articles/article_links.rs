//! A headed list of links to articles with their dates: an article's related articles, the
//! news about an event.

use leptos::prelude::*;

use super::ArticleSummary;
use crate::locale;

/// Nothing when `articles` is empty. `class` and `heading_id` name the section for styles and
/// its `aria-labelledby`.
#[component]
pub fn ArticleLinks(
    class: &'static str,
    heading_id: &'static str,
    heading: String,
    articles: Vec<ArticleSummary>,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    (!articles.is_empty()).then(|| {
        view! {
            <section class=class aria-labelledby=heading_id>
                <h2 id=heading_id>{heading}</h2>
                <ul>
                    {articles
                        .into_iter()
                        .map(|article| view! {
                            <li>
                                <a href=lang.href(&article.path()) lang=article.text_lang.code()>{article.title.clone()}</a>
                                " "
                                <time datetime=article.published_on.to_string()>
                                    {locale::short_date(lang, article.published_on)}
                                </time>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
