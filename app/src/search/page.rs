//! The search page and the header's search box. Both are GET forms to `/search`, so they work
//! without JavaScript; after hydration the box suggests titles as you type.

use crate::i18n::{tr_with, Arg, Lang};
use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::use_query_map;

use super::{search, suggest, SearchQuery, SearchResult, SearchResults, Suggestion};
use crate::{
    components::{
        encode_component, requested_page, CategoryLabel, ErrorPage, NumberedPager, PageMeta,
        TextLanguage,
    },
    error::AppError,
    locale,
};

/// Characters typed before suggestions are fetched.
const SUGGEST_AFTER: usize = 3;

/// The header's search box: a GET form to `/search`, with suggestions from its island.
#[component]
pub fn SearchBox(lang: Lang) -> impl IntoView {
    view! {
        <form method="GET" action=lang.href("/search") class="site-search" role="search">
            <label class="visually-hidden" for="site-search-q">{lang.t("search-label")}</label>
            <SearchSuggestions lang placeholder=lang.t("search-placeholder")/>
            <button type="submit">{lang.t("search-button")}</button>
        </form>
    }
}

/// The search field, an island: it suggests titles as you type. It holds no text of its own,
/// so the browser needs no message catalogue for it.
#[island(lazy)]
fn SearchSuggestions(lang: Lang, placeholder: String) -> impl IntoView {
    let suggestions = RwSignal::new(Vec::<Suggestion>::new());
    // Only the answer to the latest keystroke is shown, whatever order answers arrive in.
    let latest = StoredValue::new(0_u64);
    let on_input = move |event| {
        let typed = event_target_value(&event);
        latest.update_value(|n| *n += 1);
        let asked = latest.get_value();
        if typed.trim().chars().count() < SUGGEST_AFTER {
            suggestions.set(Vec::new());
            return;
        }
        spawn_local(async move {
            if let Ok(found) = suggest(typed, Some(lang)).await {
                if latest.get_value() == asked {
                    suggestions.set(found);
                }
            }
        });
    };
    view! {
        <input
            id="site-search-q"
            type="search"
            name="q"
            placeholder=placeholder
            autocomplete="off"
            list="site-search-suggestions"
            on:input=on_input
        />
        <datalist id="site-search-suggestions">
            <For each=move || suggestions.get() key=|found| found.path.clone() let:found>
                <option value=found.title></option>
            </For>
        </datalist>
    }
}

fn read_query() -> Memo<Result<SearchQuery, AppError>> {
    let query = use_query_map();
    let lang = crate::i18n::use_lang();
    Memo::new(move |_| {
        query.with(|q| {
            Ok(SearchQuery {
                q: q.get("q").unwrap_or_default(),
                kind: q.get("kind").unwrap_or_default(),
                categories: q.get_all("category").unwrap_or_default(),
                page: requested_page(q.get("page"))?,
                lang: lang.get(),
            })
        })
    })
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let request = read_query();
    let results = Resource::new(
        move || request.get(),
        |request| async move {
            let request = request?;
            if request.q.trim().is_empty() {
                return Ok(None);
            }
            search(request).await.map(Some)
        },
    );
    let lang = crate::i18n::current_lang();
    view! {
        <PageMeta
            title=lang.t("search-heading")
            description=lang.t("search-description")
            path="/search"
            noindex=true
            schema=Some("SearchResultsPage")
        />
        // The heading belongs to the results: an error page brings its own.
        <Transition fallback=move || view! { <p class="loading">{lang.t("search-searching")}</p> }>
            {move || Suspend::new(async move {
                let query = request.get_untracked().unwrap_or_default();
                match results.await {
                    Ok(found) => view! {
                        <section class="search" aria-labelledby="search-heading">
                            <h1 id="search-heading">{lang.t("search-heading")}</h1>
                            <SearchForm query=query.clone()/>
                            <SearchResultsView query found/>
                        </section>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn SearchForm(query: SearchQuery) -> impl IntoView {
    let t = crate::i18n::t;
    let lang = crate::i18n::current_lang();
    let chosen = query.kind.clone();
    let kind = move |value: &'static str, label: &'static str| {
        let checked = chosen == value;
        let id = format!(
            "search-kind-{}",
            if value.is_empty() { "all" } else { value }
        );
        view! {
            <span class="search-form__option">
                <input type="radio" id=id.clone() name="kind" value=value checked=checked/>
                <label for=id>{lang.t(label)}</label>
            </span>
        }
    };
    view! {
        <form method="GET" action=lang.href("/search") class="search-form">
            <label for="search-q">{t("search-button")}</label>
            <input id="search-q" type="search" name="q" value=query.q.clone() maxlength="200"/>
            <fieldset>
                <legend>{t("search-where")}</legend>
                {kind("", "search-everywhere")}
                {kind("article", "search-in-news")}
                {kind("event", "search-in-events")}
            </fieldset>
            {query
                .categories
                .iter()
                .map(|slug| view! { <input type="hidden" name="category" value=slug.clone()/> })
                .collect_view()}
            <button type="submit">{t("search-button")}</button>
        </form>
    }
}

#[component]
fn SearchResultsView(query: SearchQuery, found: Option<SearchResults>) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let Some(found) = found else {
        return view! { <p>{lang.t("search-prompt")}</p> }.into_any();
    };
    if found.results.is_empty() {
        return view! { <p class="search__none">{lang.t("search-none")}</p> }.into_any();
    }
    let page_link = move |page: u32| {
        let mut pairs = vec![format!("q={}", encode_component(&query.q))];
        if !query.kind.is_empty() {
            pairs.push(format!("kind={}", encode_component(&query.kind)));
        }
        pairs.extend(
            query
                .categories
                .iter()
                .map(|slug| format!("category={}", encode_component(slug))),
        );
        // The first page has one address, without `page=` (as `page_path` makes them).
        if page > 1 {
            pairs.push(format!("page={page}"));
        }
        lang.href(&format!("/search?{}", pairs.join("&")))
    };
    let (page, pages) = (found.page, found.pages);
    view! {
        <p class="search__count" role="status">
            {tr_with(lang, "search-count", &[("count", Arg::Number(found.total))])}
        </p>
        <ol class="search-results">
            {found.results.into_iter().map(|result| view! { <ResultItem result/> }).collect_view()}
        </ol>
        <NumberedPager page pages link=Callback::new(page_link) words=["pager-previous", "pager-next"]/>
    }
    .into_any()
}

#[component]
fn ResultItem(result: SearchResult) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    view! {
        <li class="search-result">
            <h2 class="search-result__title"><a href=lang.href(&result.path) lang=result.text_lang.code()>{result.title.clone()}</a></h2>
            <p class="search-result__meta">
                {lang.t(if result.is_event { "search-kind-event" } else { "search-kind-article" })}
                " · "
                <time datetime=result.date.to_string()>{locale::short_date(lang, result.date)}</time>
                {result.category.map(|category| view! { " · " <CategoryLabel category/> })}
                <TextLanguage text_lang=result.text_lang/>
            </p>
            <p class="search-result__snippet" lang=result.snippet_lang.code()>
                {result
                    .snippet
                    .into_iter()
                    .map(|piece| {
                        if piece.marked {
                            view! { <mark>{piece.text}</mark> }.into_any()
                        } else {
                            piece.text.into_any()
                        }
                    })
                    .collect_view()}
            </p>
        </li>
    }
}
