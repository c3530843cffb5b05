//! The article body, editable where it stands, with a small formatting toolbar. It uses the
//! browser's own editing (`contenteditable` and its commands), so undo and redo
//! (Ctrl+Z, Ctrl+Shift+Z), bold (Ctrl+B) and italic (Ctrl+I) work as in any text field.
//! Whatever it produces is sanitised again on the server.

use leptos::{html, prelude::*};

/// A formatting command of the toolbar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Paragraph,
    Heading,
    Bold,
    Italic,
    Link,
    BulletedList,
    NumberedList,
    Quote,
    Image,
}

impl Format {
    const ALL: [Format; 9] = [
        Format::Paragraph,
        Format::Heading,
        Format::Bold,
        Format::Italic,
        Format::Link,
        Format::BulletedList,
        Format::NumberedList,
        Format::Quote,
        Format::Image,
    ];

    fn label(self) -> &'static str {
        match self {
            Format::Paragraph => "Rindkopa",
            Format::Heading => "Virsraksts",
            Format::Bold => "Treknraksts",
            Format::Italic => "Slīpraksts",
            Format::Link => "Saite",
            Format::BulletedList => "Saraksts",
            Format::NumberedList => "Numurēts saraksts",
            Format::Quote => "Citāts",
            Format::Image => "Attēls",
        }
    }

    /// What the button shows (the label is its accessible name).
    fn face(self) -> &'static str {
        match self {
            Format::Paragraph => "¶",
            Format::Heading => "H2",
            Format::Bold => "B",
            Format::Italic => "I",
            Format::Link => "🔗",
            Format::BulletedList => "•",
            Format::NumberedList => "1.",
            Format::Quote => "❝",
            Format::Image => "🖼",
        }
    }
}

/// Runs a browser editing command on the current selection.
fn exec(command: &str, value: &str) {
    use leptos::wasm_bindgen::JsCast;
    if let Ok(document) = document().dyn_into::<web_sys::HtmlDocument>() {
        // A command the browser cannot apply here simply does nothing.
        let _ = document.exec_command_with_show_ui_and_value(command, false, value);
    }
}

/// Asks the editor for a value (a link address, an image's alt text).
fn ask(question: &str) -> Option<String> {
    window()
        .prompt_with_message(question)
        .ok()
        .flatten()
        .map(|answer| answer.trim().to_string())
        .filter(|answer| !answer.is_empty())
}

fn escape_attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn apply(format: Format) {
    match format {
        Format::Paragraph => exec("formatBlock", "p"),
        Format::Heading => exec("formatBlock", "h2"),
        Format::Bold => exec("bold", ""),
        Format::Italic => exec("italic", ""),
        Format::BulletedList => exec("insertUnorderedList", ""),
        Format::NumberedList => exec("insertOrderedList", ""),
        Format::Quote => exec("formatBlock", "blockquote"),
        Format::Link => {
            if let Some(address) = ask("Saites adrese (https://…)") {
                exec("createLink", &address);
            }
        }
        Format::Image => {
            let Some(address) = ask("Attēla adrese (https://… vai /files/…)") else {
                return;
            };
            let Some(alt) = ask("Attēla apraksts neredzīgajiem (alt teksts)") else {
                return;
            };
            exec(
                "insertHTML",
                &format!(
                    "<figure><img src=\"{}\" alt=\"{}\"><figcaption>{}</figcaption></figure>",
                    escape_attribute(&address),
                    escape_attribute(&alt),
                    escape_attribute(&alt)
                ),
            );
        }
    }
}

/// The body editor. `on_change` gets the HTML after every edit; `node` lets the owner
/// replace the content (when a conflict is resolved).
#[component]
pub fn BodyEditor(
    initial_html: String,
    node: NodeRef<html::Div>,
    on_change: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let changed = move || {
        if let Some(body) = node.get_untracked() {
            on_change.run(body.inner_html());
        }
    };
    view! {
        <div class="body-editor">
            <div class="body-editor__toolbar" role="toolbar" aria-label="Teksta formatēšana" aria-controls="edit-body">
                {Format::ALL
                    .into_iter()
                    .map(|format| view! {
                        <button
                            type="button"
                            class="body-editor__button"
                            aria-label=format.label()
                            title=format.label()
                            // Keep the text selection in the body while the button is pressed.
                            on:mousedown=|event| event.prevent_default()
                            on:click=move |_| {
                                apply(format);
                                changed();
                            }
                        >
                            <span aria-hidden="true">{format.face()}</span>
                        </button>
                    })
                    .collect_view()}
            </div>
            <span id="edit-body-label" class="editable__label">"Teksts"</span>
            <div
                id="edit-body"
                class="article__body prose editable editable--body"
                contenteditable="true"
                role="textbox"
                aria-multiline="true"
                aria-labelledby="edit-body-label"
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                aria-describedby="edit-body-error"
                node_ref=node
                inner_html=initial_html
                on:input=move |_| changed()
            ></div>
            <p id="edit-body-error" class="field-error" role="alert">{move || error.get()}</p>
        </div>
    }
}
