//! The month grid as a WAI-ARIA grid: one tab stop, arrows move by day and week, Home/End to
//! the week's ends, PageUp/PageDown by month (with Shift by year), Enter opens the day.
//! Each day cell announces itself ("otrdiena, 2020. gada 4. augusts, 2 notikumi").

use crate::i18n::{tr, tr_around, tr_with, Arg};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

use super::{
    day_path, get_month, toolbar::filter_query, CalendarChanged, CalendarFilter, DaySlot,
    EventSummary, GridKey, MonthBar, MonthData, MonthQuery, NewsMark, YearMonth,
};
use leptos::{
    ev::{DragEvent, KeyboardEvent},
    prelude::*,
};

/// News links shown in one day cell; the rest are counted and link to the archive.
const NEWS_SHOWN: usize = 2;
use crate::{
    components::{category_name, CategoryLabel},
    editing::calendar_tools::{add_event_on, move_event_to, AddEventButton, GridAnnouncer},
    i18n::Lang,
    locale,
};

/// The event being moved (slug, title), by keyboard or by touch, and where the grid says so.
#[derive(Clone, Copy)]
struct MoveMode {
    moving: RwSignal<Option<(String, String)>>,
    announcement: RwSignal<String>,
}

fn cell_id(date: NaiveDate) -> String {
    format!("day-{date}")
}

/// Moves keyboard focus to a day's cell (in the browser; handlers and effects only run there).
fn focus_day(date: NaiveDate) {
    use leptos::wasm_bindgen::JsCast;
    if let Some(cell) = document()
        .get_element_by_id(&cell_id(date))
        .and_then(|element| element.dyn_into::<leptos::web_sys::HtmlElement>().ok())
    {
        // Focus can fail only if the cell vanished meanwhile; nothing to do then.
        let _ = cell.focus();
    }
}

/// The month page's island: the grid with its keyboard model and announcements, and for
/// editors adding and moving events. Everything around it (heading, toolbar, filters) is
/// server HTML; moving to another month is a page load that lands on the same weekday
/// (`#day-…` in the address).
#[island]
pub fn MonthCalendar(
    data: MonthData,
    filter: CalendarFilter,
    heading: String,
    /// A signed-in editor: "+" on days, events can be dragged or moved with the keyboard.
    editor: bool,
    lang: Lang,
) -> impl IntoView {
    crate::i18n::provide_lang_of(lang);
    let announcement = RwSignal::new(String::new());
    provide_context(GridAnnouncer(announcement));
    let month = data.month;
    let shown = RwSignal::new(data);
    // After an editor adds or moves an event: load this month again.
    let reload_filter = filter.clone();
    provide_context(CalendarChanged(Callback::new(move |()| {
        let query = MonthQuery {
            lang,
            month: Some(month),
            filter: reload_filter.clone(),
        };
        leptos::task::spawn_local(async move {
            if let Ok(data) = get_month(query).await {
                shown.set(data);
            }
        });
    })));
    let focus_request = RwSignal::new(None::<NaiveDate>);
    // Arriving from the neighbouring month by keyboard: focus the day named in the address.
    Effect::new(move |_| {
        let hash = window().location().hash().unwrap_or_default();
        if let Some(day) = hash
            .strip_prefix("#day-")
            .and_then(|day| day.parse::<NaiveDate>().ok())
        {
            focus_request.set(Some(day));
            // The day was only for this: the address is the month's.
            let location = window().location();
            let (path, query) = (location.pathname(), location.search());
            crate::components::replace_address(&format!(
                "{}{}",
                path.unwrap_or_default(),
                query.unwrap_or_default()
            ));
        }
    });
    view! {
        <p
            class="month-grid__announcement"
            class:month-grid__announcement--shown=move || announcement.with(|text| !text.is_empty())
            role="status"
            aria-live="polite"
        >
            {move || announcement.get()}
        </p>
        {move || {
            let (filter, heading) = (filter.clone(), heading.clone());
            view! { <MonthGrid data=shown.get() filter heading focus_request editor/> }
        }}
    }
}

#[component]
fn MonthGrid(
    data: MonthData,
    filter: CalendarFilter,
    heading: String,
    focus_request: RwSignal<Option<NaiveDate>>,
    /// A signed-in editor: "+" on days, events can be dragged or moved with the keyboard.
    editor: bool,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let month = data.month;
    let query = filter_query(&filter);
    // The page keeps the announcements (and their live region), so they outlive the grid,
    // which is rebuilt when the month reloads after a move.
    let announcement = use_context::<GridAnnouncer>()
        .map(|GridAnnouncer(text)| text)
        .unwrap_or_else(|| RwSignal::new(String::new()));
    // The event being moved from the keyboard: (slug, title).
    let moving = RwSignal::new(None::<(String, String)>);
    let move_mode = MoveMode {
        moving,
        announcement,
    };
    let movable = movable_events(&data);
    let add_event = add_event_on();
    let move_event = move_event_to();
    let mut news_by_day: HashMap<NaiveDate, Vec<NewsMark>> = HashMap::new();
    for mark in data.news {
        news_by_day.entry(mark.date).or_default().push(mark);
    }
    let initial = focus_request
        .get_untracked()
        .filter(|day| month.contains(*day))
        .unwrap_or_else(|| month.first_day());
    let focused = RwSignal::new(initial);
    Effect::new(move |_| {
        if let Some(day) = focus_request.get() {
            if month.contains(day) {
                focused.set(day);
                // A new month reuses the old grid's elements, rebuilt in place after this
                // effect runs; focus the day once that is done.
                request_animation_frame(move || {
                    focus_day(day);
                    focus_request.set(None);
                });
            }
        }
    });

    let on_keydown = {
        let query = query.clone();
        move |event: KeyboardEvent| {
            let key = event.key();
            let on_cell = event
                .target()
                .and_then(|target| {
                    use leptos::wasm_bindgen::JsCast;
                    target.dyn_into::<leptos::web_sys::Element>().ok()
                })
                .is_some_and(|element| {
                    element.get_attribute("role").as_deref() == Some("gridcell")
                });
            if !on_cell {
                return;
            }
            if editor {
                let day = focused.get_untracked();
                match key.as_str() {
                    "+" => {
                        event.prevent_default();
                        add_event(day);
                        return;
                    }
                    "m" | "M" => {
                        event.prevent_default();
                        let picked = movable.get(&day).and_then(|events| events.first()).cloned();
                        announcement.set(match &picked {
                            Some((_, title)) => {
                                let picked_title = [("title", Arg::Text(title))];
                                tr_with(lang, "editor-move-by-keys", &picked_title)
                            }
                            None => tr(lang, "editor-move-nothing"),
                        });
                        moving.set(picked);
                        return;
                    }
                    "Escape" if moving.get_untracked().is_some() => {
                        event.prevent_default();
                        moving.set(None);
                        announcement.set(tr(lang, "editor-move-cancelled"));
                        return;
                    }
                    "Enter" => {
                        if let Some((slug, title)) = moving.get_untracked() {
                            event.prevent_default();
                            moving.set(None);
                            move_event(slug, title, day);
                            return;
                        }
                    }
                    _ => {}
                }
            }
            if key == "Enter" || key == " " {
                event.prevent_default();
                crate::components::go_to(
                    &lang.href(&format!("{}{query}", day_path(focused.get_untracked()))),
                );
                return;
            }
            let Some(grid_key) = GridKey::from_key(&key, event.shift_key()) else {
                return;
            };
            event.prevent_default();
            let target = grid_key.target(focused.get_untracked());
            if month.contains(target) {
                focused.set(target);
                // In the phone's agenda a day without events shows only while it is the tab
                // stop: focus it once the grid has been redrawn with it shown.
                request_animation_frame(move || focus_day(target));
            } else {
                crate::components::go_to(&lang.href(&format!(
                    "{}{query}#{}",
                    YearMonth::of(target).path(),
                    cell_id(target)
                )));
            }
        }
    };

    view! {
        {editor.then(|| view! {
            <p class="month-grid__editor-help">{tr(lang, "editor-month-help")}</p>
        })}
        <div
            class="month-grid"
            class:month-grid--moving=move || moving.with(Option::is_some)
            role="grid"
            aria-label=heading
            on:keydown=on_keydown
        >
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
                                    view! {
                                        <DayCell
                                            editor
                                            move_mode
                                            news
                                            day=slot
                                            bars=starting_here
                                            continuing
                                            month
                                            focused
                                            query=query.clone()
                                        />
                                    }
                                })
                                .collect_view()}
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
fn DayCell(
    editor: bool,
    move_mode: MoveMode,
    day: DaySlot,
    /// Articles published on the day (when news days are shown).
    news: Vec<NewsMark>,
    bars: Vec<MonthBar>,
    /// Bars that started on an earlier day of the week: the grid draws them across this day,
    /// the phone's agenda lists them again here.
    continuing: Vec<MonthBar>,
    month: YearMonth,
    focused: RwSignal<NaiveDate>,
    query: String,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let slot = day;
    let date = slot.date;
    let busy = slot.total > 0 || !news.is_empty();
    let move_event = move_event_to();
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
            <a class="month-grid__more" href=lang.href(&format!("{}{query}", day_path(date))) tabindex="-1">
                {tr_with(lang, "calendar-more", &[("count", Arg::Number(slot.hidden.try_into().unwrap_or(i64::MAX)))])}
            </a>
        }
    });
    view! {
        <div
            class="month-grid__day"
            class:month-grid__day--outside=!month.contains(date)
            class:month-grid__day--busy=busy
            role="gridcell"
            id=cell_id(date)
            tabindex=move || if focused.get() == date { "0" } else { "-1" }
            on:focus=move |_| focused.set(date)
            on:click={
                let move_event = move_event.clone();
                move |event| {
                    // Moving by touch: the event was picked with its ⇄ button; this is the day.
                    if let Some((slug, title)) = move_mode.moving.get_untracked() {
                        event.prevent_default();
                        event.stop_propagation();
                        move_mode.moving.set(None);
                        move_event(slug, title, date);
                    }
                }
            }
            on:dragover=move |event: DragEvent| {
                if editor {
                    // Accepting the drop.
                    event.prevent_default();
                }
            }
            on:drop=move |event: DragEvent| {
                if !editor {
                    return;
                }
                event.prevent_default();
                let dragged = event
                    .data_transfer()
                    .and_then(|data| data.get_data(DRAG_TYPE).ok())
                    .and_then(|value| {
                        value
                            .split_once('\n')
                            .map(|(slug, title)| (slug.to_string(), title.to_string()))
                    });
                if let Some((slug, title)) = dragged {
                    move_event(slug, title, date);
                }
            }
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
                .map(|bar| view! { <EventBar bar editor=false continued=true/> })
                .collect_view()}
            {(!slot.events.is_empty()).then(|| view! {
                <ul class="month-grid__events">
                    {slot.events.into_iter().map(|event| view! { <EventChip event editor move_mode/> }).collect_view()}
                </ul>
            })}
            {more}
            <DayNews news date/>
        </div>
    }
}

/// The day's news, marked as such in words (not only by colour).
#[component]
fn DayNews(news: Vec<NewsMark>, date: NaiveDate) -> impl IntoView {
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
                            <a class="month-news__link" href=lang.href(&crate::paths::article(&mark.slug)) tabindex="-1">
                                <span class="month-news__tag">{tr(lang, "day-news-tag")}</span>
                                " "
                                {mark.title}
                            </a>
                        </li>
                    })
                    .collect_view()}
                {(unshown > 0).then(|| view! {
                    <li class="month-news">
                        <a class="month-news__link" href=lang.href(&crate::paths::news_month_of(date)) tabindex="-1">
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

/// What a dragged event carries: its slug and title, on two lines.
const DRAG_TYPE: &str = "text/plain";

/// Starts dragging an event (editors only; the grid's days accept the drop).
fn start_drag(event: &DragEvent, summary: &EventSummary) {
    if let Some(data) = event.data_transfer() {
        // Setting drag data fails only for a drag the browser already ended.
        let _ = data.set_data(DRAG_TYPE, &format!("{}\n{}", summary.slug, summary.title));
        data.set_effect_allowed("move");
    }
}

/// Single events by the days they cover, for the keyboard move command.
fn movable_events(data: &MonthData) -> HashMap<NaiveDate, Vec<(String, String)>> {
    let mut by_day: HashMap<NaiveDate, Vec<(String, String)>> = HashMap::new();
    for week in &data.weeks {
        let summaries = week
            .bars
            .iter()
            .map(|bar| &bar.event)
            .chain(week.days.iter().flat_map(|day| day.events.iter()));
        for summary in summaries.filter(|summary| summary.occurrence.is_none()) {
            for day in summary
                .first_day()
                .iter_days()
                .take_while(|day| *day <= summary.last_day)
            {
                let entry = by_day.entry(day).or_default();
                if !entry.iter().any(|(slug, _)| slug == &summary.slug) {
                    entry.push((summary.slug.clone(), summary.title.clone()));
                }
            }
        }
    }
    by_day
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
    view! {
        <a
            class="month-bar"
            title=hover
            class:month-bar--continues-before=bar.continues_before
            class:month-bar--continues-after=bar.continues_after
            class:month-bar--continued=continued
            href=lang.href(&bar.event.path())
            style=style
            tabindex="-1"
            draggable=if editor { "true" } else { "false" }
            on:dragstart={
                let summary = bar.event.clone();
                move |event: DragEvent| start_drag(&event, &summary)
            }
        >
            <span class="month-bar__title" lang=bar.event.text_lang.code()>{bar.event.title.clone()}</span>
            {category.map(|category| {
                let (name, lang) = category_name(&category);
                view! { <span class="visually-hidden">" (" <span lang=lang>{name}</span> ")"</span> }
            })}
        </a>
    }
}

#[component]
fn EventChip(event: EventSummary, editor: bool, move_mode: MoveMode) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let pick = (editor && event.occurrence.is_none()).then(|| {
        let (slug, title) = (event.slug.clone(), event.title.clone());
        // The button's name is its hidden text, so the title in it can say its language.
        let (before, after) = tr_around(lang, "editor-move-event", "title");
        let shown_title = title.clone();
        view! {
            <button
                type="button"
                class="month-chip__move"
                tabindex="-1"
                on:click=move |click| {
                    click.prevent_default();
                    click.stop_propagation();
                    let moving = [("title", Arg::Text(&title))];
                    let text = tr_with(lang, "editor-move-by-touch", &moving);
                    move_mode.announcement.set(text);
                    move_mode.moving.set(Some((slug.clone(), title.clone())));
                }
            >
                <span aria-hidden="true">"⇄"</span>
                <span class="visually-hidden">
                    {before}<span lang=event.text_lang.code()>{shown_title}</span>{after}
                </span>
            </button>
        }
    });
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
                tabindex="-1"
                draggable=if editor { "true" } else { "false" }
                on:dragstart={
                    let summary = event.clone();
                    move |drag: DragEvent| start_drag(&drag, &summary)
                }
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
