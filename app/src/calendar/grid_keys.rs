//! The month grid's keyboard, the WAI-ARIA grid pattern: one tab stop, arrows move by day and
//! week, Home/End to the week's ends, PageUp/PageDown by month (with Shift by year), Enter
//! opens the day. An island over cells the server rendered: it moves the tab stop and focus
//! between them and renders nothing itself, so the browser loads only this behaviour, never
//! the grid's view code or its data.

use chrono::NaiveDate;
use leptos::{ev::KeyboardEvent, prelude::*, wasm_bindgen::JsCast, web_sys::Element};

use super::{day_path, parse_day, GridKey, YearMonth};
use crate::{components::replace_address, i18n::Lang};

/// The id of a day's cell, `day-2020-08-04`; also the address fragment that asks for it.
pub fn cell_id(date: NaiveDate) -> String {
    format!("day-{date}")
}

/// The day a cell id (or `#`-less fragment) names.
pub fn day_of_cell_id(id: &str) -> Option<NaiveDate> {
    let mut parts = id.strip_prefix("day-")?.splitn(3, '-');
    parse_day(parts.next()?, parts.next()?, parts.next()?)
}

/// The day cell an event happened in (its target or the cell around it), with its date.
pub fn day_cell_around(
    target: Option<leptos::web_sys::EventTarget>,
) -> Option<(Element, NaiveDate)> {
    let cell = target?
        .dyn_into::<Element>()
        .ok()?
        .closest("[role=gridcell]")
        .ok()??;
    let date = day_of_cell_id(&cell.id())?;
    Some((cell, date))
}

/// The day of the cell that is itself the event's target (keys pressed on a link inside a
/// cell belong to the link).
pub fn day_cell_date(target: Option<leptos::web_sys::EventTarget>) -> Option<NaiveDate> {
    let cell = target?.dyn_into::<Element>().ok()?;
    if cell.get_attribute("role").as_deref() != Some("gridcell") {
        return None;
    }
    day_of_cell_id(&cell.id())
}

/// Makes `date`'s cell the grid's one tab stop and focuses it. False if the page has no such
/// cell inside the month (a day of the neighbouring month shown at the grid's edge).
pub fn focus_day(date: NaiveDate) -> bool {
    let Some(cell) = month_cell(date) else {
        return false;
    };
    take_tab_stop(&cell);
    // Set first: in the phone's agenda a day without events shows only while it is the tab
    // stop, and a hidden element cannot take focus.
    if let Ok(cell) = cell.dyn_into::<leptos::web_sys::HtmlElement>() {
        // Focus fails only for an element that left the page meanwhile; nothing to do then.
        let _ = cell.focus();
    }
    true
}

/// `date`'s cell, if the page shows it inside its month (not a day of the neighbouring month
/// at the grid's edge): where the grid's keyboard moves without leaving the page.
pub fn month_cell(date: NaiveDate) -> Option<Element> {
    let cell = document().get_element_by_id(&cell_id(date))?;
    let outside = cell.class_list().contains("month-grid__day--outside");
    (!outside).then_some(cell)
}

fn take_tab_stop(cell: &Element) {
    if cell.get_attribute("tabindex").as_deref() == Some("0") {
        return;
    }
    let old = document()
        .query_selector("[role=gridcell][tabindex='0']")
        .ok()
        .flatten();
    // The new stop first: in the phone's agenda a day without events is hidden once it is no
    // longer the tab stop, and Chrome takes focus from a hidden element at once. Setting an
    // attribute fails only for invalid names.
    let _ = cell.set_attribute("tabindex", "0");
    if let Some(old) = old {
        let _ = old.set_attribute("tabindex", "-1");
    }
}

/// Takes the elements `selector` finds out of the tab order.
fn leave_the_tab_order(selector: &str) {
    let Ok(found) = document().query_selector_all(selector) else {
        return;
    };
    for at in 0..found.length() {
        if let Some(element) = found
            .item(at)
            .and_then(|node| node.dyn_into::<Element>().ok())
        {
            let _ = element.set_attribute("tabindex", "-1");
        }
    }
}

/// The grid element around the server's cells, with its keyboard. `query`: the filter's query
/// string, kept when opening a day or another month.
#[island]
pub fn MonthGridKeys(
    month: YearMonth,
    heading: String,
    lang: Lang,
    query: String,
    children: Children,
) -> impl IntoView {
    // The server leaves the grid's links in the tab order, so that the keyboard reaches every
    // event without this island (script off, or not loaded yet); with it, the grid is one tab
    // stop and the arrows move between its days, whose links Enter opens.
    Effect::new(move |_| leave_the_tab_order(".month-grid a[href]"));
    // Arriving from the neighbouring month by keyboard: focus the day named in the address.
    Effect::new(move |_| {
        let location = window().location();
        let hash = location.hash().unwrap_or_default();
        if let Some(day) = hash.strip_prefix('#').and_then(day_of_cell_id) {
            focus_day(day);
            // The day was only for this: the address is the month's.
            let (path, search) = (location.pathname(), location.search());
            replace_address(&format!(
                "{}{}",
                path.unwrap_or_default(),
                search.unwrap_or_default()
            ));
        }
    });
    // The day a key sent the keyboard to in another month, while that month's page is on
    // its way: keys pressed meanwhile (an arrow held down at the month's edge) go on from
    // there, not from the cell that still has the focus. The loader shows the last page asked for.
    let heading_to = StoredValue::new(None::<NaiveDate>);
    let on_keydown = move |event: KeyboardEvent| {
        // Ctrl, Alt and Cmd combinations are the browser's (Alt+← is Back).
        if event.ctrl_key() || event.alt_key() || event.meta_key() {
            return;
        }
        let Some(focused) = day_cell_date(event.target()) else {
            return;
        };
        let day = heading_to.get_value().unwrap_or(focused);
        let key = event.key();
        if key == "Enter" || key == " " {
            event.prevent_default();
            // Back comes to this day again: arriving, the month focuses the day its address
            // names.
            let location = window().location();
            let (path, search) = (location.pathname(), location.search());
            replace_address(&format!(
                "{}{}#{}",
                path.unwrap_or_default(),
                search.unwrap_or_default(),
                cell_id(day)
            ));
            crate::components::go_to(&lang.href(&format!("{}{query}", day_path(day))));
            return;
        }
        let Some(grid_key) = GridKey::from_key(&key, event.shift_key()) else {
            return;
        };
        event.prevent_default();
        let target = grid_key.target(day);
        if heading_to.get_value().is_some() || !month.contains(target) || !focus_day(target) {
            heading_to.set_value(Some(target));
            crate::components::go_to(&lang.href(&format!(
                "{}{query}#{}",
                YearMonth::of(target).path(),
                cell_id(target)
            )));
        }
    };
    // A click or a screen reader's cursor moves the tab stop too.
    let on_focusin = move |event: leptos::ev::FocusEvent| {
        if let Some((cell, _)) = day_cell_around(event.target()) {
            take_tab_stop(&cell);
        }
    };
    view! {
        <div class="month-grid" role="grid" aria-label=heading on:keydown=on_keydown on:focusin=on_focusin>
            {children()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_id_names_its_day_and_nothing_else_does() {
        let day = NaiveDate::from_ymd_opt(2020, 8, 4).expect("a real date");
        assert_eq!(day_of_cell_id(&cell_id(day)), Some(day));
        for id in [
            "day-2020-13-01",
            "day-2020-08",
            "2020-08-04",
            "day-2020-08-32",
            "day-x-y-z",
        ] {
            assert_eq!(day_of_cell_id(id), None, "{id}");
        }
    }
}
