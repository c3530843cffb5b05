//! One text field of an editor, the same in every editor: its label, the control (one line or
//! several), and under it the message about a value the server refused. The control names the
//! message (`aria-describedby`) and says while its value is refused (`aria-invalid`).

use leptos::prelude::*;

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
    #[prop(optional)]
    lang: Option<&'static str>,
    value: Signal<String>,
    on_input: Callback<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let class = format!("editable {class}").trim_end().to_string();
    let invalid = move || {
        if error.get().is_some() {
            "true"
        } else {
            "false"
        }
    };
    let input = move |event| on_input.run(event_target_value(&event));
    let control = match lines {
        Lines::One => view! {
            <input
                id=id
                class=class
                type="text"
                lang=lang
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
                lang=lang
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
