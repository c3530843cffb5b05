//! `/news/{slug}`: one article with its date, lead, body and contact line, a breadcrumb, the
//! next older and newer articles, related ones, and `NewsArticle` structured data.
//! `/news/{yyyy}` (four digits) is the archive of that year instead.

use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_params_map;
use serde_json::json;

use super::{
    archive::{is_year, ArchivePage},
    article_links::ArticleLinks,
    get_article, ArticleDetail, ArticleSummary, AttachmentLink,
};
use crate::{
    calendar::EventSummary,
    components::{CategoryLabel, PageMeta},
    editing::{item_page_view, page_item, ItemKind, TranslationFields, TranslationStart},
    locale,
};

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    let year_page = Memo::new(move |_| is_year(&slug.get()));
    let lang = crate::i18n::use_lang();
    let article = Resource::new(
        move || ((!year_page.get()).then(|| slug.get()), lang.get()),
        |(slug, lang)| async move {
            let slug = slug?;
            let found = get_article(slug.clone(), lang).await;
            Some(page_item(ItemKind::Article, slug, lang, found).await)
        },
    );
    view! {
        {move || {
            if year_page.get() {
                view! { <ArchivePage/> }.into_any()
            } else {
                view! {
                    <Suspense fallback=|| view! { <p class="loading">{crate::i18n::t("loading-article")}</p> }>
                        {move || Suspend::new(async move {
                            let Some(found) = article.await else {
                                return ().into_any();
                            };
                            item_page_view(
                                ItemKind::Article,
                                slug.get_untracked(),
                                found,
                                translation_start,
                                |detail| view! { <ArticleView detail/> }.into_any(),
                            )
                        })}
                    </Suspense>
                }
                .into_any()
            }
        }}
    }
}

/// The article's text as its page shows it, for a translation to start from.
fn translation_start(detail: &ArticleDetail) -> TranslationStart {
    detail.languages.translation_start(TranslationFields {
        title: detail.article.title.clone(),
        lead: detail.article.lead.clone(),
        body_html: detail.body_html.clone(),
        extra: detail.contact.clone(),
        ..TranslationFields::default()
    })
}

/// schema.org `NewsArticle`; `<` is escaped so no text can close the script element.
fn structured_data(detail: &ArticleDetail) -> String {
    json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": detail.article.title,
        "description": detail.article.lead,
        "datePublished": detail.published_iso,
        "dateModified": detail.modified_iso,
        "inLanguage": detail.languages.part_langs.title.code(),
        "mainEntityOfPage": detail.url,
        "url": detail.url,
    })
    .to_string()
    .replace('<', "\\u003c")
}

#[component]
fn ArticleView(detail: ArticleDetail) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let json_ld = structured_data(&detail);
    let ArticleDetail {
        article,
        body_html,
        contact,
        attachments,
        event,
        published_iso,
        older,
        newer,
        related,
        languages:
            crate::editing::PageLanguages {
                part_langs,
                languages,
                ..
            },
        ..
    } = detail;
    let published = article.published_on;
    view! {
        <PageMeta
            title=article.title.clone()
            description=article.lead.clone()
            path=article.path()
            kind="article"
            schema=None
            languages
        />
        <Meta property="article:published_time" content=published_iso/>
        <script type="application/ld+json" inner_html=json_ld></script>
        <article class="article">
            <nav class="breadcrumb" aria-label=lang.t("breadcrumb")>
                <a href=lang.href("/")>{lang.t("nav-home")}</a>
                " › "
                <a href=lang.href("/news")>{lang.t("nav-news")}</a>
                " › "
                <a href=lang.href(&crate::paths::news_month_of(published))>
                    {locale::month_heading(lang, chrono::Datelike::year(&published), chrono::Datelike::month(&published))}
                </a>
            </nav>
            // The text's language, which is Latvian where no translation exists yet (or the
            // translation left a part in Latvian); the interface around it is in the page's.
            <h1 lang=part_langs.title.code()>{article.title.clone()}</h1>
            <p class="article__meta">
                <time datetime=published.to_string()>{locale::short_date(lang, published)}</time>
                {article.category.map(|category| view! { " · " <CategoryLabel category/> })}
            </p>
            <p class="article__lead" lang=part_langs.lead.code()>{article.lead}</p>
            <div class="article__body prose" lang=part_langs.body.code() inner_html=body_html></div>
            <Attachments attachments/>
            {(!contact.is_empty()).then(|| view! { <p class="article__contact" lang=part_langs.extra.code()>{contact}</p> })}
            {event.map(|event| view! { <ArticleEvent event/> })}
        </article>
        <ArticleNavigation older newer/>
        <ArticleLinks class="related" heading_id="related-heading" heading=lang.t("article-related") articles=related/>
    }
}

/// Downloads, each with its format and size ("PDF, 48,2 kB").
#[component]
fn Attachments(attachments: Vec<AttachmentLink>) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    // Files are named in Latvian, the language they are written in.
    let file_lang = (lang != crate::i18n::Lang::Lv).then_some("lv");
    (!attachments.is_empty()).then(|| {
        view! {
            <section class="attachments" aria-labelledby="attachments-heading">
                <h2 id="attachments-heading">{lang.t("article-attachments")}</h2>
                <ul>
                    {attachments
                        .into_iter()
                        .map(|file| view! {
                            <li>
                                <a href=file.href download="" lang=file_lang>{file.title}</a>
                                <span class="attachments__meta">
                                    {
                                        let format = if file.format.is_empty() { lang.t("article-attachment-file") } else { file.format };
                                        format!(" ({format}, {})", locale::file_size(lang, file.size_bytes))
                                    }
                                </span>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

/// The event the article reports on.
#[component]
fn ArticleEvent(event: EventSummary) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let day = event.first_day();
    view! {
        <aside class="article__event" aria-labelledby="article-event-heading">
            <h2 id="article-event-heading">{lang.t("article-event")}</h2>
            <p>
                <a href=lang.href(&event.path()) lang=event.text_lang.code()>{event.title.clone()}</a>
                " · "
                <time datetime=day.to_string()>{locale::short_date(lang, day)}</time>
                {(!event.location.is_empty()).then(|| view! {
                    " · " <span lang=event.text_lang.code()>{event.location.clone()}</span>
                })}
            </p>
        </aside>
    }
}

#[component]
fn ArticleNavigation(
    older: Option<ArticleSummary>,
    newer: Option<ArticleSummary>,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    (older.is_some() || newer.is_some()).then(|| {
        view! {
            <nav class="article-neighbours" aria-label=lang.t("article-others")>
                {newer.map(|article| view! {
                    <a class="article-neighbours__newer" href=lang.href(&article.path()) rel="prev">
                        <span class="article-neighbours__label">{lang.t("article-newer")}</span>
                        <span lang=article.text_lang.code()>{article.title.clone()}</span>
                    </a>
                })}
                {older.map(|article| view! {
                    <a class="article-neighbours__older" href=lang.href(&article.path()) rel="next">
                        <span class="article-neighbours__label">{lang.t("article-older")}</span>
                        <span lang=article.text_lang.code()>{article.title.clone()}</span>
                    </a>
                })}
            </nav>
        }
    })
}
