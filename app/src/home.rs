//! `/`: what is coming up, the latest news, and the way into the calendar and the archive.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{
    articles::{ArticleSummary, NewsItem},
    calendar::EventSummary,
    components::{ErrorPage, PageMeta},
    error::AppError,
    locale,
};

/// What the front page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeData {
    pub upcoming: Vec<EventSummary>,
    pub latest: Vec<ArticleSummary>,
}

/// The next five events and the five newest articles.
#[server]
pub async fn get_home(lang: crate::i18n::Lang) -> Result<HomeData, AppError> {
    use crate::{
        calendar::{occurrences::summaries_between, records::event_summary, CalendarFilter},
        storage::Direction,
        timezone,
    };
    use chrono::Days;

    const SHOWN: usize = 5;
    let store = crate::state::store()?;
    let now = timezone::local(chrono::Utc::now());
    let today = now.date();
    // The next weeks with recurring occurrences expanded, then later single events.
    let soon_until = today.checked_add_days(Days::new(60)).unwrap_or(today);
    let mut upcoming: Vec<EventSummary> = summaries_between(
        store.as_ref(),
        lang,
        today,
        soon_until,
        &CalendarFilter::default(),
    )
    .await?
    .into_iter()
    .filter(|event| event.end > now || (event.all_day && event.last_day >= today))
    .take(SHOWN)
    .collect();
    if upcoming.len() < SHOWN {
        let later = store
            .list_events(
                lang,
                chrono::Utc::now(),
                Direction::Upcoming,
                &[],
                SHOWN as i64,
                0,
            )
            .await?;
        for event in later.events.iter().map(event_summary) {
            if !upcoming.iter().any(|shown| shown.slug == event.slug) {
                upcoming.push(event);
            }
        }
        upcoming.sort_by_key(|event| event.start);
        upcoming.truncate(SHOWN);
    }
    let latest = store.published_articles(lang, &[], SHOWN as i64, 0).await?;
    let latest = latest
        .articles
        .iter()
        .map(crate::articles::records::article_summary)
        .collect();
    Ok(HomeData { upcoming, latest })
}

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let home = Resource::new(move || lang, get_home);
    view! {
        <PageMeta
            title=lang.t("home-title")
            description=lang.t("home-description")
            path="/"
            schema=Some("WebSite")
        />
        <section class="home-intro">
            <h1>{lang.t("home-heading")}</h1>
            <p>{lang.t("home-intro")}</p>
            <p class="home-intro__links">
                <a class="button" href=lang.href("/calendar")>{lang.t("home-calendar")}</a>
                <a class="button button--quiet" href=lang.href("/news")>{lang.t("home-all-news")}</a>
            </p>
        </section>
        <Suspense fallback=move || view! { <p class="loading">{lang.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match home.await {
                    Ok(data) => view! { <HomeSections data/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn HomeSections(data: HomeData) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    view! {
        <div class="home-columns">
            <section aria-labelledby="upcoming-heading">
                <h2 id="upcoming-heading">{lang.t("home-upcoming")}</h2>
                {if data.upcoming.is_empty() {
                    view! { <p>{lang.t("home-no-upcoming")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="upcoming-list">
                            {data.upcoming.into_iter().map(|event| view! {
                                <li>
                                    <a href=lang.href(&event.path()) lang=event.text_lang.code()>{event.title.clone()}</a>
                                    <span class="upcoming-list__when">
                                        {locale::event_when(lang, event.all_day, event.start, event.end, event.last_day)}
                                    </span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section aria-labelledby="latest-heading">
                <h2 id="latest-heading">{lang.t("home-latest")}</h2>
                <ol class="news-list news-list--compact">
                    {data.latest.into_iter().map(|article| view! { <NewsItem article/> }).collect_view()}
                </ol>
            </section>
        </div>
    }
}
