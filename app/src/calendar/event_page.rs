//! `/events/{slug}`: one event with its date, place, category and description.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::{get_event, EventDetail, YearMonth};
use crate::{
    components::{CategoryLabel, ErrorPage},
    locale,
};

#[component]
pub fn EventPage() -> impl IntoView {
    let params = use_params_map();
    let event = Resource::new(
        move || params.with(|p| p.get("slug").unwrap_or_default()),
        get_event,
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Ielādē notikumu…"</p> }>
            {move || Suspend::new(async move {
                match event.await {
                    Ok(detail) => view! { <EventView detail/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EventView(detail: EventDetail) -> impl IntoView {
    let EventDetail {
        event,
        summary,
        body_html,
    } = detail;
    let when = locale::event_when(event.all_day, event.start, event.end, event.last_day);
    let month = YearMonth::of(event.first_day());
    let description = if summary.is_empty() {
        event.title.clone()
    } else {
        summary.clone()
    };
    view! {
        <Title text=event.title.clone()/>
        <Meta name="description" content=description/>
        <article class="event">
            <p class="breadcrumb">
                <a href=month.path()>
                    "← Notikumu kalendārs — "
                    {locale::month_heading(month.year, month.month)}
                </a>
            </p>
            <h1>{event.title.clone()}</h1>
            <dl class="event__facts">
                <dt>"Laiks"</dt>
                <dd>
                    <time datetime=event.start.format("%Y-%m-%dT%H:%M").to_string()>{when}</time>
                </dd>
                {(!event.location.is_empty()).then(|| view! {
                    <dt>"Vieta"</dt>
                    <dd>{event.location.clone()}</dd>
                })}
                {event.category.clone().map(|category| view! {
                    <dt>"Kategorija"</dt>
                    <dd><CategoryLabel category/></dd>
                })}
            </dl>
            {(!summary.is_empty()).then(|| view! { <p class="event__summary">{summary}</p> })}
            <div class="event__body prose" inner_html=body_html></div>
        </article>
    }
}
