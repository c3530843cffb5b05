//! One text field of an editor, the same in every editor: its label, the control (one line or
//! several), and under it the message about a value the server refused. The control names the
//! message (`aria-describedby`) and says while its value is refused (`aria-invalid`).

use leptos::{prelude::*, wasm_bindgen::JsCast};

use std::cell::RefCell;

thread_local! {
    /// The editor's field the focus was last in ([`remember_field`]); one no longer on the
    /// page (another editor's, left since) is not gone back to.
    static LAST_FIELD: RefCell<Option<web_sys::HtmlElement>> = const { RefCell::new(None) };
}

/// Whether the keyboard's focus is nowhere in particular: on the page, or on its content
/// where the site's navigation put it.
fn focus_lost() -> bool {
    document().active_element().is_none_or(|active| {
        active.tag_name().eq_ignore_ascii_case("body") || active.id() == "saturs"
    })
}

/// `focusin` on an editor's form: remembers the field the editor is in (every editor's fields
/// have ids starting `edit-` or `translate-`), for [`focus_back`].
pub fn remember_field(event: leptos::ev::FocusEvent) {
    let target = event.target();
    let Some(field) = target.and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let id = field.id();
    if id.starts_with("edit-") || id.starts_with("translate-") {
        LAST_FIELD.with_borrow_mut(|last| *last = Some(field));
    }
}

/// Puts the focus back in the field the editor was last in when it was lost: a conflict's
/// choice or a question, whose button had it, went. The first field when that one is gone.
pub fn focus_back() {
    if !focus_lost() {
        return;
    }
    let field = LAST_FIELD.with_borrow(Clone::clone);
    if let Some(field) = field.filter(|field| field.is_connected()) {
        // A field hidden or disabled meanwhile does not take it.
        let _ = field.focus();
    }
    focus_first_field(false);
}

/// Puts the keyboard's focus on the editor's first field (the `EditableText` marked `first`)
/// when it was lost: when the editor opens in place of the button that had it, and when the
/// site's navigation brought the editor's page and put focus on the page's content
/// (`#saturs`, see `island_loader.js`). Without it focus stays on the page, where the
/// editor's keys (Esc, Ctrl+S) do not reach. Focus the editor already has stays where it is.
/// `select`: the field's text is selected too (a new item's title, which typing then
/// replaces).
pub fn focus_first_field(select: bool) {
    if !focus_lost() {
        return;
    }
    let field = document()
        .query_selector("[data-editor-start]")
        .ok()
        .flatten()
        .and_then(|field| field.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(field) = field else {
        return;
    };
    // Focusing fails only for an element that cannot take focus; a text field can.
    let _ = field.focus();
    if select {
        if let Some(text) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            text.select();
        } else if let Some(line) = field.dyn_ref::<web_sys::HtmlInputElement>() {
            line.select();
        }
    }
}

/// `aria-invalid` of a control whose value the server refused with `error`: "true" while
/// there is a message, else "false".
pub fn refused(error: Signal<Option<String>>) -> impl Fn() -> &'static str + Copy {
    move || {
        if error.with(Option::is_some) {
            "true"
        } else {
            "false"
        }
    }
}

/// A one-line field, or one of several lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Several(u32),
}

#[component]
pub fn EditableText(
    id: &'static str,
    label: String,
    lines: Lines,
    /// The control's classes besides `editable`.
    #[prop(optional)]
    class: &'static str,
    /// The text's language where it is not the page's (a translation's fields).
    #[prop(optional, into)]
    lang: Option<Signal<&'static str>>,
    value: Signal<String>,
    on_input: Callback<String>,
    error: Signal<Option<String>>,
    /// The editor's first field, which takes the focus when the editor opens.
    #[prop(optional)]
    first: bool,
    /// The first field's text is selected when the editor opens (a new item's title).
    #[prop(optional)]
    select_on_open: bool,
) -> impl IntoView {
    if first {
        // Effects run in the browser once the field is built; an editor that waited for its
        // item is put on the page a moment later, so the focus follows in the next frame.
        Effect::new(move |_| request_animation_frame(move || focus_first_field(select_on_open)));
    }
    let start = first.then_some("");
    let error_id = format!("{id}-error");
    let class = format!("editable {class}").trim_end().to_string();
    let invalid = refused(error);
    let input = move |event| on_input.run(event_target_value(&event));
    let control = match lines {
        Lines::One => view! {
            <input
                id=id
                class=class
                type="text"
                lang=move || lang.map(|lang| lang.get())
                data-editor-start=start
                value=value.get_untracked()
                prop:value=value
                aria-describedby=error_id.clone()
                aria-invalid=invalid
                on:input=input
            />
        }
        .into_any(),
        Lines::Several(rows) => view! {
            <textarea
                id=id
                class=class
                rows=rows
                lang=move || lang.map(|lang| lang.get())
                data-editor-start=start
                prop:value=value
                aria-describedby=error_id.clone()
                aria-invalid=invalid
                on:input=input
            >
                {value.get_untracked()}
            </textarea>
        }
        .into_any(),
    };
    view! {
        <label class="editable__label" for=id>{label}</label>
        {control}
        <p id=error_id class="field-error" role="alert">{move || error.get()}</p>
    }
}
