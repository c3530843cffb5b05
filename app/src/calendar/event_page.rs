//! `/events/{slug}` (and `?date=` for one occurrence of a recurring event): the event with its
//! date, place, category and description, "add to my calendar" links, and schema.org `Event`
//! data and OpenGraph tags for search engines and sharing.

use crate::i18n::{tr_with, Arg, Lang};
use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde_json::json;

use super::{get_event, EventDetail, YearMonth};
use crate::articles::ArticleLinks;
use crate::{
    components::{encode_component, CategoryLabel, PageMeta},
    editing::{item_page_view, page_item, ItemKind, PageItem, TranslationFields, TranslationStart},
    error::AppError,
    locale,
};

#[component]
pub fn EventPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let request = Memo::new(move |_| {
        let slug = params.with(|p| p.get("slug").unwrap_or_default());
        let date = match query.with(|q| q.get("date")) {
            None => None,
            Some(date) => Some(date.parse::<NaiveDate>().map_err(|_| AppError::NotFound)?),
        };
        Ok::<_, AppError>((slug, date))
    });
    let lang = crate::i18n::use_lang();
    let event = Resource::new(
        move || (request.get(), lang.get()),
        |(request, lang)| async move {
            match request {
                Ok((slug, date)) => {
                    let found = get_event(slug.clone(), date, lang).await;
                    page_item(ItemKind::Event, slug, lang, found).await
                }
                Err(error) => PageItem::Read(Err(error)),
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading">{crate::i18n::t("loading-event")}</p> }>
            {move || Suspend::new(async move {
                let slug = request.get_untracked().map(|(slug, _)| slug).unwrap_or_default();
                item_page_view(
                    ItemKind::Event,
                    slug,
                    event.await,
                    translation_start,
                    |detail| view! { <EventView detail/> }.into_any(),
                )
            })}
        </Suspense>
    }
}

/// The event's text as its page shows it, for a translation to start from.
fn translation_start(detail: &EventDetail) -> TranslationStart {
    detail.languages.translation_start(TranslationFields {
        title: detail.event.title.clone(),
        lead: detail.summary.clone(),
        body_html: detail.body_html.clone(),
        extra: detail.event.location.clone(),
        ..TranslationFields::default()
    })
}

/// schema.org `Event` as JSON-LD. `<` is escaped so no text can close the script element.
fn structured_data(detail: &EventDetail) -> String {
    let event = &detail.event;
    let (start, end) = if event.all_day {
        (event.first_day().to_string(), event.last_day.to_string())
    } else {
        (
            event.start.format("%Y-%m-%dT%H:%M").to_string(),
            event.end.format("%Y-%m-%dT%H:%M").to_string(),
        )
    };
    json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": start,
        "endDate": end,
        "eventStatus": "https://schema.org/EventScheduled",
        "location": { "@type": "Place", "name": event.location, "address": event.location },
        "description": detail.summary,
        "url": detail.url,
    })
    .to_string()
    .replace('<', "\\u003c")
}

/// A Google Calendar "add event" link, its details leading back to this page in the reader's
/// language. Dates are UTC for timed events; all-day events take the exclusive end date.
fn google_calendar_link(detail: &EventDetail, utc_range: &str, lang: Lang) -> String {
    let text = encode_component;
    let page = format!("{}{}", detail.site_url, lang.href(&detail.event.path()));
    format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}&details={}&location={}",
        text(&detail.event.title),
        utc_range,
        text(&format!("{}\n{page}", detail.summary)),
        text(&detail.event.location),
    )
}

#[component]
fn EventView(detail: EventDetail) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let json_ld = structured_data(&detail);
    let event = detail.event.clone();
    let langs = detail.languages.part_langs;
    let when = locale::event_when(lang, event.all_day, event.start, event.end, event.last_day);
    let month = YearMonth::of(event.first_day());
    let description = if detail.summary.is_empty() {
        event.title.clone()
    } else {
        detail.summary.clone()
    };
    let ics_path = lang.href(&crate::paths::event_calendar_file(&event.slug));
    let webcal = format!(
        "webcal://{}{ics_path}",
        detail
            .site_url
            .trim_start_matches("https://")
            .trim_start_matches("http://")
    );
    let google_dates = if event.all_day {
        let after = event.last_day + Days::new(1);
        format!(
            "{}/{}",
            event.first_day().format("%Y%m%d"),
            after.format("%Y%m%d")
        )
    } else {
        detail.utc_range.clone()
    };
    let google = google_calendar_link(&detail, &google_dates, lang);
    view! {
        <PageMeta
            title=event.title.clone()
            description
            path=event.path()
            schema=None
            languages=detail.languages.languages.clone()
        />
        <script type="application/ld+json" inner_html=json_ld></script>
        <article class="event">
            <p class="breadcrumb">
                <a href=lang.href(&month.path())>
                    "← "
                    {tr_with(lang, "calendar-heading", &[("period", Arg::Text(&locale::month_heading(lang, month.year, month.month)))])}
                </a>
            </p>
            // The text's language, which is Latvian where no translation exists yet; the
            // interface around it is in the page's language.
            <h1 lang=langs.title.code()>{event.title.clone()}</h1>
            <dl class="event__facts">
                <dt>{lang.t("event-when")}</dt>
                <dd>
                    <time datetime=event.start.format("%Y-%m-%dT%H:%M").to_string()>{when}</time>
                </dd>
                {detail.repeats.clone().map(|repeats| view! {
                    <dt>{lang.t("event-repeats")}</dt>
                    <dd>{repeats}</dd>
                })}
                {(!event.location.is_empty()).then(|| view! {
                    <dt>{lang.t("event-where")}</dt>
                    <dd lang=langs.extra.code()>{event.location.clone()}</dd>
                })}
                {event.category.clone().map(|category| view! {
                    <dt>{lang.t("event-category")}</dt>
                    <dd><CategoryLabel category/></dd>
                })}
            </dl>
            {(!detail.summary.is_empty()).then(|| view! { <p class="event__summary" lang=langs.lead.code()>{detail.summary.clone()}</p> })}
            <div class="event__body prose" lang=langs.body.code() inner_html=detail.body_html.clone()></div>
            <ArticleLinks class="event__news" heading_id="event-news-heading" heading=lang.t("event-news") articles=detail.news.clone()/>
            <section class="event__add" aria-labelledby="add-to-calendar">
                <h2 id="add-to-calendar">{lang.t("event-add")}</h2>
                <ul>
                    <li><a href=ics_path download="">{lang.t("event-add-ics")}</a></li>
                    <li><a href=webcal>{lang.t("event-add-webcal")}</a></li>
                    <li><a href=google rel="noopener noreferrer" target="_blank">{lang.t("event-add-google")}</a></li>
                </ul>
            </section>
        </article>
    }
}
