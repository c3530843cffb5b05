//! `/calendar/list`: upcoming events, soonest first, and under `?past=1` past ones, most
//! recent first; twenty a page (`?page=`). Recurring series are listed once, with how they
//! repeat.

use crate::i18n::{tr_with, Arg};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{
    agenda::AgendaItem,
    list_events,
    toolbar::{
        filter_query, filter_query_with, CalendarOptions, CategoryFilter, SubscribeLink, View,
        ViewLinks, ViewSwitcher,
    },
    use_calendar_filter, CalendarFilter, EventList, ListQuery,
};
use crate::{
    components::{page_path, paged_title, requested_page, ErrorPage, NumberedPager, PageMeta},
    error::AppError,
    locale,
};

#[component]
pub fn ListPage() -> impl IntoView {
    let query = use_query_map();
    let filter = use_calendar_filter();
    let request = Memo::new(move |_| {
        let page = requested_page(query.with(|q| q.get("page")))?;
        let past = query
            .with(|q| q.get("past"))
            .is_some_and(|past| past == "1");
        Ok::<_, AppError>(ListQuery {
            lang: crate::i18n::current_lang(),
            page,
            past,
            filter: filter.get(),
        })
    });
    let list = Resource::new(
        move || request.get(),
        |request| async move { list_events(request?).await },
    );
    view! {
        <Transition fallback=|| view! { <p class="loading">{crate::i18n::t("loading-events")}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <ListView list/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ListView(list: EventList) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let filter = use_calendar_filter().get_untracked();
    let heading = lang.t(if list.past {
        "list-archive"
    } else {
        "list-upcoming"
    });
    // What the pager and the category filter keep of this view.
    let view_parameters: Vec<(&'static str, String)> = if list.past {
        vec![("past", "1".to_string())]
    } else {
        Vec::new()
    };
    let (link_filter, link_keep) = (filter.clone(), view_parameters.clone());
    let page_link = move |page: u32| page_path("/calendar/list", page, &link_filter, &link_keep);
    let other = if list.past {
        (
            format!("/calendar/list{}", filter_query(&filter)),
            lang.t("list-upcoming"),
        )
    } else {
        (
            format!(
                "/calendar/list{}",
                filter_query_with(&filter, &[("past", "1".into())])
            ),
            lang.t("list-past"),
        )
    };
    // The other views open on the current month (`/calendar`, whatever the day) and today;
    // the list's own link is this list, upcoming or past.
    let links = ViewLinks {
        month: "/calendar".to_string(),
        past: list.past,
        ..ViewLinks::at(list.today)
    };
    // The options are children, built apart from the rest of the view.
    let (options_filter, options_keep) = (filter.clone(), view_parameters.clone());
    let subscribe_filter = filter.clone();
    let (page, pages) = (list.page, list.pages);
    let shown_time = if list.past {
        "list-last-time"
    } else {
        "list-next-time"
    };
    view! {
        <PageMeta
            title=paged_title(lang, heading.clone(), page)
            description=lang.t(if list.past { "list-past-description" } else { "list-upcoming-description" })
            path=page_path("/calendar/list", page, &CalendarFilter::default(), &view_parameters)
            schema=Some("CollectionPage")
        />
        <section class="calendar" aria-labelledby="calendar-heading">
            <h1 id="calendar-heading">{heading}</h1>
            <div class="calendar-toolbar">
                <p class="calendar-list__switch">
                    <a href=lang.href(&other.0)>{other.1}</a>
                </p>
                <CalendarOptions filter=options_filter.clone()>
                    <ViewSwitcher current=View::List links filter=options_filter.clone()/>
                    <CategoryFilter
                        categories=list.categories
                        filter=options_filter
                        action="/calendar/list".to_string()
                        keep=options_keep
                    />
                </CalendarOptions>
            </div>
            {(!list.recurring.is_empty()).then(|| view! {
                <h2>{lang.t("list-recurring")}</h2>
                <ul class="agenda">
                    {list.recurring.into_iter().map(|(event, repeats)| {
                        let next = locale::event_when(lang, event.all_day, event.start, event.end, event.last_day);
                        view! {
                            <li class="agenda-item agenda-item--series">
                                <span class="agenda-item__when">{repeats}</span>
                                <a class="agenda-item__title" href=lang.href(&event.path()) lang=event.text_lang.code()>{event.title.clone()}</a>
                                <span class="agenda-item__next">{tr_with(lang, shown_time, &[("when", Arg::Text(&next))])}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <h2>{lang.t(if list.past { "list-past" } else { "list-events" })}</h2>
            {if list.events.is_empty() {
                view! { <p class="calendar__empty">{lang.t("calendar-no-events")}</p> }.into_any()
            } else {
                view! {
                    <ul class="agenda">
                        {list.events.into_iter().map(|event| view! { <AgendaItem event with_date=true/> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <NumberedPager
                page
                pages
                link=Callback::new(move |page| lang.href(&page_link(page)))
                words=["pager-previous", "pager-next"]
            />
            <SubscribeLink filter=subscribe_filter/>
        </section>
    }
}
