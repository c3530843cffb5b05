//! What editors can do on the month grid: add an event on a day ("+" button or the + key),
//! and move a single event to another day (drag it; press M on its day, move with the arrows,
//! into another month too, and press Enter; or tap its ⇄ button, then the day). Each change
//! is announced to screen readers.
//!
//! A lazy island around the grid (whose cells the server rendered, with `data-event-slug` and
//! `data-event-title` on what can move): its listeners sit on the wrapper and find the day
//! and the event in the DOM, so readers' pages carry none of this code. Keys are caught on
//! the way down (capture), before the grid's own keyboard sees them.

use chrono::NaiveDate;
use leptos::{
    ev::{DragEvent, KeyboardEvent, MouseEvent},
    prelude::*,
    task::spawn_local,
    wasm_bindgen::JsCast,
    web_sys::{Element, EventTarget},
};

use super::{create_event, move_event};
use crate::{
    calendar::{
        grid_keys::{cell_id, day_cell_around, day_cell_date, focus_day, month_cell},
        GridKey, YearMonth,
    },
    components::{
        announce_after_reload, announce_on_arrival, announced_before_reload, forget_kept, go_to,
        keep_for_page, kept_for_this_page, reload_at,
    },
    i18n::{tr, tr_with, Arg, Lang},
    locale,
};

/// What a dragged event carries: its slug and title, on two lines. A type of our own, so text
/// dropped from elsewhere is no move.
const DRAG_TYPE: &str = "application/x-notikumi-event";

/// An event that can be moved: (slug, title), from its element's data attributes.
fn movable_event(element: &Element) -> Option<(String, String)> {
    Some((
        element.get_attribute("data-event-slug")?,
        element.get_attribute("data-event-title")?,
    ))
}

/// The element an event happened on, or the nearest around it matching `selector`.
fn closest(target: Option<EventTarget>, selector: &str) -> Option<Element> {
    target?.dyn_into::<Element>().ok()?.closest(selector).ok()?
}

/// Creates a draft event on `day` and opens it for editing; says why not if it cannot.
fn add_event_on(day: NaiveDate, lang: Lang, said: RwSignal<String>) {
    spawn_local(async move {
        match create_event(day).await {
            Ok(slug) => go_to(&lang.href(&crate::paths::event(&slug))),
            Err(error) => said.set(error.describe(lang)),
        }
    });
}

/// Moves the event `slug` to `day`, then shows the month again with the day focused and the
/// move announced.
fn move_event_to(slug: String, title: String, day: NaiveDate, lang: Lang, said: RwSignal<String>) {
    spawn_local(async move {
        match move_event(slug, day).await {
            Ok(()) => {
                let date = locale::long_date_moved_to(lang, day);
                let moved = [("title", Arg::Text(&title)), ("date", Arg::Text(&date))];
                let location = window().location();
                let path = location.pathname().unwrap_or_default();
                announce_after_reload(&path, &tr_with(lang, "editor-moved", &moved));
                let search = location.search().unwrap_or_default();
                reload_at(&format!("{path}{search}#{}", cell_id(day)));
            }
            Err(error) => {
                // There is no typed text to keep, as the trash's general message says.
                let reason = match error {
                    crate::error::AppError::InTrash => tr(lang, "editor-move-in-trash"),
                    error => error.describe(lang),
                };
                let failed = [("title", Arg::Text(&title)), ("reason", Arg::Text(&reason))];
                said.set(tr_with(lang, "editor-move-failed", &failed));
            }
        }
    });
}

/// The movable event of `day`'s cell after `current` (the one being moved, if it is that
/// day's), else its first: (slug, title).
fn next_movable(day: NaiveDate, current: Option<(String, String)>) -> Option<(String, String)> {
    let cell = document().get_element_by_id(&cell_id(day))?;
    // Each event's link carries it (its ⇄ button too, which is left out here).
    let links = cell.get_elements_by_tag_name("a");
    let movable: Vec<(String, String)> = (0..links.length())
        .filter_map(|index| links.item(index))
        .filter_map(|link| movable_event(&link))
        .collect();
    let after = current
        .and_then(|(slug, _)| movable.iter().position(|(found, _)| *found == slug))
        .map_or(0, |index| index + 1);
    movable.get(after % movable.len().max(1)).cloned()
}

/// Whether `day`'s cell shows any event (a movable one or an occurrence of a series).
fn has_event_links(day: NaiveDate) -> bool {
    document()
        .get_element_by_id(&cell_id(day))
        .and_then(|cell| cell.query_selector("a[href*='/events/']").ok().flatten())
        .is_some()
}

/// Where an event being moved by keyboard waits for the next month's page, when the arrows
/// or PageUp/PageDown take it there: (slug, title) on two lines.
const MOVING_KEY: &str = "notikumi-moving";

/// The editors' tools around the month grid (`children`: the grid).
#[cfg_attr(feature = "editors", island(lazy))]
#[cfg_attr(not(feature = "editors"), component)]
pub fn GridEditing(lang: Lang, children: Children) -> impl IntoView {
    let said = RwSignal::new(String::new());
    // The event being moved (slug, title), picked by keyboard or by its ⇄ button.
    let moving = RwSignal::new(None::<(String, String)>);
    // What the month said before it was shown again (after a move), once focus has settled
    // on the day.
    Effect::new(move |_| {
        if let Some(text) = announced_before_reload() {
            announce_on_arrival(said, text);
        }
        // An event being moved by keyboard into this month: the move goes on here.
        let carried = kept_for_this_page(MOVING_KEY);
        if let Some((slug, title)) = carried.as_deref().and_then(|kept| kept.split_once('\n')) {
            let text = tr_with(lang, "editor-move-by-keys", &[("title", Arg::Text(title))]);
            moving.set(Some((slug.to_string(), title.to_string())));
            announce_on_arrival(said, text);
        }
    });
    let wrapper = NodeRef::<leptos::html::Div>::new();
    // While moving, every day of the month is a place to put the event (also in the agenda).
    Effect::new(move |_| {
        let is_moving = moving.with(Option::is_some);
        if let Some(grid) = wrapper
            .get()
            .and_then(|wrapper| wrapper.query_selector(".month-grid").ok().flatten())
        {
            // Toggling a class fails only for an invalid class name.
            let _ = grid
                .class_list()
                .toggle_with_force("month-grid--moving", is_moving);
        }
    });

    let on_keydown = move |event: KeyboardEvent| {
        // Ctrl, Alt and Cmd combinations are the browser's (Ctrl and + zooms).
        if event.ctrl_key() || event.alt_key() || event.meta_key() {
            return;
        }
        // A held key repeating must not add one draft after another (a held arrow still
        // moves).
        let repeated = event.repeat();
        let Some(day) = day_cell_date(event.target()) else {
            return;
        };
        // M by the key's place too, so it works on a Cyrillic layout (where it types "ь").
        let key = match event.code().as_str() {
            "KeyM" => "m".to_string(),
            _ => event.key(),
        };
        let handled = match key.as_str() {
            "+" if !repeated => {
                add_event_on(day, lang, said);
                true
            }
            "m" | "M" if !repeated => {
                // Each press picks the day's next event, so every one of them can be moved.
                let picked = next_movable(day, moving.get_untracked());
                said.set(match &picked {
                    Some((_, title)) => {
                        tr_with(lang, "editor-move-by-keys", &[("title", Arg::Text(title))])
                    }
                    // A series' occurrences have links but nothing to move by.
                    None if has_event_links(day) => tr(lang, "editor-move-series"),
                    None => tr(lang, "editor-move-nothing"),
                });
                moving.set(picked);
                true
            }
            "Escape" if moving.with_untracked(Option::is_some) => {
                moving.set(None);
                // Pressed before the next month it was taken to arrived: it stays let go.
                forget_kept(MOVING_KEY);
                said.set(tr(lang, "editor-move-cancelled"));
                true
            }
            "Enter" => match moving.get_untracked() {
                Some((slug, title)) => {
                    moving.set(None);
                    move_event_to(slug, title, day, lang, said);
                    true
                }
                None => false,
            },
            _ => {
                // The grid's own keyboard moves the focus; when that takes it to another
                // month's page, the event being moved goes along.
                if let Some((slug, title)) = moving.get_untracked() {
                    let leaving = GridKey::from_key(&key, event.shift_key())
                        .map(|grid_key| grid_key.target(day))
                        .filter(|target| month_cell(*target).is_none());
                    if let Some(target) = leaving {
                        let month = lang.href(&YearMonth::of(target).path());
                        keep_for_page(MOVING_KEY, &month, &format!("{slug}\n{title}"));
                    }
                }
                false
            }
        };
        if handled {
            event.prevent_default();
            event.stop_propagation();
        }
    };

    let on_click = move |event: MouseEvent| {
        if let Some(add) = closest(event.target(), ".month-grid__add") {
            event.stop_propagation();
            if let Some((_, day)) = day_cell_around(Some(add.into())) {
                add_event_on(day, lang, said);
            }
            return;
        }
        if let Some(pick) = closest(event.target(), ".event-move") {
            event.prevent_default();
            event.stop_propagation();
            if let Some((slug, title)) = movable_event(&pick) {
                said.set(tr_with(
                    lang,
                    "editor-move-by-touch",
                    &[("title", Arg::Text(&title))],
                ));
                moving.set(Some((slug, title)));
                // A keyboard goes on from the event's day, as after M: Escape lets go of it,
                // arrows and Enter put it on another day.
                if let Some((_, day)) = day_cell_around(Some(pick.into())) {
                    focus_day(day);
                }
            }
            return;
        }
        // Moving by touch: the event was picked with its ⇄ button; this is the day.
        if let Some((slug, title)) = moving.get_untracked() {
            if let Some((_, day)) = day_cell_around(event.target()) {
                event.prevent_default();
                event.stop_propagation();
                moving.set(None);
                move_event_to(slug, title, day, lang, said);
            }
        }
    };

    let on_dragstart = move |event: DragEvent| {
        let dragged = closest(event.target(), "[draggable=true]");
        if let (Some((slug, title)), Some(data)) = (
            dragged.as_ref().and_then(movable_event),
            event.data_transfer(),
        ) {
            // Setting drag data fails only for a drag the browser already ended.
            let _ = data.set_data(DRAG_TYPE, &format!("{slug}\n{title}"));
            data.set_effect_allowed("move");
        }
    };
    let on_dragover = move |event: DragEvent| {
        if day_cell_around(event.target()).is_some() {
            // Accepting the drop.
            event.prevent_default();
        }
    };
    let on_drop = move |event: DragEvent| {
        let Some((_, day)) = day_cell_around(event.target()) else {
            return;
        };
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
            move_event_to(slug, title, day, lang, said);
        }
    };

    view! {
        <p class="month-grid__editor-help">{tr(lang, "editor-month-help")}</p>
        // The live region stays in the page while empty, so what is added is heard.
        <p
            class="month-grid__announcement"
            class:month-grid__announcement--shown=move || said.with(|text| !text.is_empty())
            role="status"
            aria-live="polite"
        >
            {move || said.get()}
        </p>
        <div
            class="month-editing"
            node_ref=wrapper
            on:keydown:capture=on_keydown
            on:click:capture=on_click
            on:dragstart=on_dragstart
            on:dragover=on_dragover
            on:drop=on_drop
        >
            {children()}
        </div>
    }
}

/// The "+" of a day cell (`GridEditing` answers its click).
#[component]
pub fn AddEventButton(day: NaiveDate) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let date = locale::long_date(lang, day);
    let label = tr_with(lang, "editor-add-event-on", &[("date", Arg::Text(&date))]);
    view! {
        <button
            type="button"
            class="month-grid__add"
            tabindex="-1"
            aria-label=label
            title=tr(lang, "editor-add-event")
        >
            <span aria-hidden="true">"+"</span>
        </button>
    }
}
