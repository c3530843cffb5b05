//! The month grid, rendered on the server: each day cell names itself ("otrdiena, 2020. gada
//! 4. augusts, 2 notikumi") and lists its events and news. In the browser the keyboard comes
//! from the `MonthGridKeys` island around it, and for a signed-in editor adding and moving
//! events from the lazy `GridEditing` island around that.

use crate::i18n::{tr, tr_around, tr_with, Arg};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

use super::{
    day_path,
    grid_keys::{cell_id, MonthGridKeys},
    toolbar::filter_query,
    CalendarFilter, DaySlot, EventSummary, MonthBar, MonthData, NewsMark, YearMonth,
};
use leptos::prelude::*;

/// A day with events or news on it.
fn is_busy(slot: &DaySlot, news: &[NewsMark]) -> bool {
    slot.total > 0 || !news.is_empty()
}

/// News links shown in one day cell; the rest are counted and link to the archive.
const NEWS_SHOWN: usize = 2;
use crate::{
    components::{category_name, CategoryLabel},
    editing::calendar_tools::{AddEventButton, GridEditing},
    i18n::Lang,
    locale,
};

/// The month page's grid with its islands. Everything in it is server HTML; moving to another
/// month is a page swap that lands on the same weekday (`#day-…` in the address).
#[component]
pub fn MonthCalendar(
    data: MonthData,
    filter: CalendarFilter,
    heading: String,
    /// A signed-in editor: "+" on days, events can be dragged or moved with the keyboard.
    editor: bool,
    lang: Lang,
) -> impl IntoView {
    let month = data.month;
    let query = filter_query(&filter);
    // The news archive filters by category only; `news=1` would mean nothing there.
    let news_query = filter_query(&CalendarFilter {
        news: false,
        ..filter
    });
    let grid = view! {
        <MonthGridKeys month heading lang query=query.clone()>
            <MonthGrid data query news_query editor lang/>
        </MonthGridKeys>
    };
    if editor {
        view! { <GridEditing lang>{grid}</GridEditing> }.into_any()
    } else {
        grid.into_any()
    }
}

/// The weekday row and the weeks: the children of the grid element.
#[component]
fn MonthGrid(
    data: MonthData,
    query: String,
    news_query: String,
    editor: bool,
    lang: Lang,
) -> impl IntoView {
    let month = data.month;
    let mut news_by_day: HashMap<NaiveDate, Vec<NewsMark>> = HashMap::new();
    for mark in data.news {
        news_by_day.entry(mark.date).or_default().push(mark);
    }
    let today = data.today;
    // The grid's one tab stop until the keyboard moves it: today in its own month, as
    // calendars start; else the month's first day with something on it, where a phone's
    // agenda then opens (it lists no empty day but this one); else the month's first day.
    let first_busy = data
        .weeks
        .iter()
        .flat_map(|week| &week.days)
        .filter(|slot| month.contains(slot.date))
        .find(|slot| is_busy(slot, news_by_day.get(&slot.date).map_or(&[], Vec::as_slice)));
    let tab_stop = if month.contains(today) {
        today
    } else {
        first_busy.map_or(month.first_day(), |slot| slot.date)
    };
    view! {
        <div class="month-grid__weekdays" role="row">
            {locale::weekday_names(lang)
                .into_iter()
                .zip(locale::weekdays_short(lang))
                .map(|(name, short)| view! {
                    <div class="month-grid__weekday" role="columnheader">
                        <abbr title=name>{short}</abbr>
                    </div>
                })
                .collect_view()}
        </div>
        {data
            .weeks
            .into_iter()
            .map(|week| {
                let lines = week.lines;
                let bars = week.bars;
                view! {
                    <div class="month-grid__week" role="row" style=format!("--bar-lines: {lines}")>
                        {week
                            .days
                            .into_iter()
                            .enumerate()
                            .map(|(column, slot)| {
                                let starting_here: Vec<MonthBar> = bars
                                    .iter()
                                    .filter(|bar| usize::from(bar.column) == column)
                                    .cloned()
                                    .collect();
                                let continuing: Vec<MonthBar> = bars
                                    .iter()
                                    .filter(|bar| bar.continues_on(column))
                                    .cloned()
                                    .collect();
                                let news = news_by_day.remove(&slot.date).unwrap_or_default();
                                let tab_stop = slot.date == tab_stop;
                                let today = slot.date == today;
                                view! {
                                    <DayCell
                                        editor
                                        today
                                        news
                                        day=slot
                                        bars=starting_here
                                        continuing
                                        month
                                        tab_stop
                                        query=query.clone()
                                        news_query=news_query.clone()
                                    />
                                }
                            })
                            .collect_view()}
                    </div>
                }
            })
            .collect_view()}
    }
}

#[component]
fn DayCell(
    editor: bool,
    day: DaySlot,
    /// Articles published on the day (when news days are shown).
    news: Vec<NewsMark>,
    bars: Vec<MonthBar>,
    /// Bars that started on an earlier day of the week: the grid draws them across this day,
    /// the phone's agenda lists them again here.
    continuing: Vec<MonthBar>,
    month: YearMonth,
    /// The grid's one tab stop (`tabindex="0"`).
    tab_stop: bool,
    /// Today in Riga: marked, for sight and as `aria-current="date"`.
    today: bool,
    query: String,
    /// The news archive's filter: the grid's categories.
    news_query: String,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let slot = day;
    let date = slot.date;
    let busy = is_busy(&slot, &news);
    let mut label = format!(
        "{}, {}",
        locale::long_date_with_weekday(lang, date),
        locale::event_count(lang, slot.total)
    );
    if !news.is_empty() {
        label.push_str(&format!(", {}", locale::news_count(lang, news.len())));
    }
    let more = (slot.hidden > 0).then(|| {
        view! {
            <a class="month-grid__more" href=lang.href(&format!("{}{query}", day_path(date)))>
                {tr_with(lang, "calendar-more", &[("count", Arg::Number(slot.hidden.try_into().unwrap_or(i64::MAX)))])}
            </a>
        }
    });
    view! {
        <div
            class="month-grid__day"
            class:month-grid__day--outside=!month.contains(date)
            class:month-grid__day--busy=busy
            class:month-grid__day--today=today
            aria-current=today.then_some("date")
            role="gridcell"
            id=cell_id(date)
            tabindex=if tab_stop { "0" } else { "-1" }
        >
            // The cell's name is its content (WCAG 2.5.3, label in name): the spoken date
            // first, then what the cell shows.
            <span class="month-grid__date">
                <span class="visually-hidden">{label}</span>
                <span aria-hidden="true">
                    {date.day()}
                    <span class="month-grid__weekday-name">
                        {format!(" {}", locale::weekday_name(lang, date.weekday()))}
                    </span>
                </span>
            </span>
            {editor.then(|| view! { <AddEventButton day=date/> })}
            {bars.into_iter().map(|bar| view! { <EventBar bar editor/> }).collect_view()}
            {continuing
                .into_iter()
                .map(|bar| view! { <EventBar bar editor continued=true/> })
                .collect_view()}
            {(!slot.events.is_empty()).then(|| view! {
                <ul class="month-grid__events">
                    {slot.events.into_iter().map(|event| view! { <EventChip event editor/> }).collect_view()}
                </ul>
            })}
            {more}
            <DayNews news date query=news_query/>
        </div>
    }
}

/// The day's news, marked as such in words (not only by colour); more than it shows are in
/// the archive's month, in the grid's categories (`query`).
#[component]
fn DayNews(news: Vec<NewsMark>, date: NaiveDate, query: String) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let unshown = news.len().saturating_sub(NEWS_SHOWN);
    (!news.is_empty()).then(|| {
        view! {
            <ul class="month-grid__news">
                {news
                    .into_iter()
                    .take(NEWS_SHOWN)
                    .map(|mark| view! {
                        <li class="month-news">
                            <a class="month-news__link" href=lang.href(&crate::paths::article(&mark.slug))>
                                <span class="month-news__tag">{tr(lang, "day-news-tag")}</span>
                                " "
                                <span lang=mark.text_lang.code()>{mark.title}</span>
                            </a>
                        </li>
                    })
                    .collect_view()}
                {(unshown > 0).then(|| view! {
                    <li class="month-news">
                        <a class="month-news__link" href=lang.href(&format!("{}{query}", crate::paths::news_month_of(date)))>
                            {tr_with(lang, "day-news-more", &[("count", Arg::Number(unshown as i64))])}
                        </a>
                    </li>
                })}
            </ul>
        }
    })
}

fn category_style(event: &EventSummary) -> String {
    event
        .category
        .as_ref()
        .map(|category| format!("--category-colour: {};", category.colour))
        .unwrap_or_default()
}

/// What an editor can move: the slug and title of a single event (a recurring series' days
/// move with the series, in its editor). `GridEditing` reads them from these attributes.
fn movable(event: &EventSummary, editor: bool) -> (Option<String>, Option<String>) {
    if editor && event.occurrence.is_none() {
        (Some(event.slug.clone()), Some(event.title.clone()))
    } else {
        (None, None)
    }
}

/// A multi-day event in the row of days it covers. `continued`: its copy on a later day of the
/// week, shown only in the phone's agenda (the grid draws the first copy across the days).
#[component]
fn EventBar(bar: MonthBar, editor: bool, #[prop(optional)] continued: bool) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let style = format!(
        "{} --span: {}; --line: {};",
        category_style(&bar.event),
        bar.span,
        bar.line
    );
    let category = bar.event.category.clone();
    let hover = category
        .as_ref()
        .map(|category| format!("{} ({})", bar.event.title, category_name(category).0));
    let (slug, title) = movable(&bar.event, editor);
    let draggable = slug.is_some() && !continued;
    // Moved by touch from its first day, as it is dragged from there.
    let pick = slug
        .clone()
        .zip(title.clone())
        .filter(|_| !continued)
        .map(|(slug, title)| {
            view! { <MoveButton slug title text_lang=bar.event.text_lang line=bar.line/> }
        });
    view! {
        <a
            class="month-bar"
            title=hover
            class:month-bar--continues-before=bar.continues_before
            class:month-bar--continues-after=bar.continues_after
            class:month-bar--continued=continued
            href=lang.href(&bar.event.path())
            style=style
            draggable=if draggable { "true" } else { "false" }
            data-event-slug=slug
            data-event-title=title
        >
            <span class="month-bar__title" lang=bar.event.text_lang.code()>{bar.event.title.clone()}</span>
            {category.map(|category| {
                let (name, lang) = category_name(&category);
                view! { <span class="visually-hidden">" (" <span lang=lang>{name}</span> ")"</span> }
            })}
        </a>
        {pick}
    }
}

/// ⇄: picks an event to move by touch; a tap on a day then puts it there (`GridEditing`).
/// Its name is its hidden text, so the title in it can say its language.
/// `line`: a bar's line in its week row, where a wide touch screen puts the bar's ⇄.
#[component]
fn MoveButton(
    slug: String,
    title: String,
    text_lang: Lang,
    #[prop(optional)] line: Option<u8>,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let (before, after) = tr_around(lang, "editor-move-event", "title");
    let shown_title = title.clone();
    view! {
        <button
            type="button"
            class="event-move"
            style=line.map(|line| format!("--line: {line};"))
            tabindex="-1"
            data-event-slug=slug
            data-event-title=title
        >
            <span aria-hidden="true">"⇄"</span>
            <span class="visually-hidden">
                {before}<span lang=text_lang.code()>{shown_title}</span>{after}
            </span>
        </button>
    }
}

#[component]
fn EventChip(event: EventSummary, editor: bool) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let (slug, title) = movable(&event, editor);
    let pick = slug
        .clone()
        .zip(title.clone())
        .map(|(slug, title)| view! { <MoveButton slug title text_lang=event.text_lang/> });
    let time = locale::time_range(lang, event.all_day, event.start, event.end);
    let style = category_style(&event);
    let hover = event
        .category
        .as_ref()
        .map(|category| format!("{} ({})", event.title, category_name(category).0));
    view! {
        <li class="month-chip" style=style title=hover>
            <a
                class="month-chip__link"
                href=lang.href(&event.path())
                draggable=if slug.is_some() { "true" } else { "false" }
                data-event-slug=slug
                data-event-title=title
            >
                <span class="month-chip__time">{time}</span>
                " "
                <span class="month-chip__title" lang=event.text_lang.code()>{event.title.clone()}</span>
            </a>
            {event.category.map(|category| view! { <CategoryLabel category/> })}
            {pick}
        </li>
    }
}
