//! The article body, editable where it stands, with a small formatting toolbar. It uses the
//! browser's own editing (`contenteditable` and its commands), so undo and redo
//! (Ctrl+Z, Ctrl+Shift+Z), bold (Ctrl+B) and italic (Ctrl+I) work as in any text field.
//! Whatever it produces is sanitised again on the server.

use leptos::{
    ev::{ClipboardEvent, DragEvent, InputEvent},
    html,
    prelude::*,
};

use super::{
    body_structure::{
        caret_in_its_line, caret_into_a_line_of_its_own, caret_into_list_item, caret_place, exec,
        focus_at, holds_nothing, WritingPlace,
    },
    image_upload::{figure_html, upload},
};
use crate::i18n::{tr, tr_with, Arg, Lang};

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
    /// Asks for each image's description (alt text), to add one left out or change it.
    Describe,
}

impl Format {
    const ALL: [Format; 10] = [
        Format::Paragraph,
        Format::Heading,
        Format::Bold,
        Format::Italic,
        Format::Link,
        Format::BulletedList,
        Format::NumberedList,
        Format::Quote,
        Format::Image,
        Format::Describe,
    ];

    fn label(self, lang: Lang) -> String {
        match self {
            Format::Paragraph => tr(lang, "editor-format-paragraph"),
            Format::Heading => tr(lang, "editor-format-heading"),
            Format::Bold => tr(lang, "editor-format-bold"),
            Format::Italic => tr(lang, "editor-format-italic"),
            Format::Link => tr(lang, "editor-format-link"),
            Format::BulletedList => tr(lang, "editor-format-bulleted-list"),
            Format::NumberedList => tr(lang, "editor-format-numbered-list"),
            Format::Quote => tr(lang, "editor-format-quote"),
            Format::Image => tr(lang, "editor-format-image"),
            Format::Describe => tr(lang, "editor-format-describe"),
        }
    }

    /// The button's accessible name: what it shows, where that is letters or digits ("H2",
    /// "B", "1."), then what it does, so the name contains the visible text (WCAG 2.5.3) and
    /// speech input can say either.
    fn name(self, lang: Lang) -> String {
        match self.face() {
            Face::Text(face) if face.chars().any(|c| c.is_ascii_alphanumeric()) => {
                format!("{face} {}", self.label(lang))
            }
            _ => self.label(lang),
        }
    }

    /// What the button shows.
    fn face(self) -> Face {
        match self {
            Format::Paragraph => Face::Text("¶"),
            Format::Heading => Face::Text("H2"),
            Format::Bold => Face::Text("B"),
            Format::Italic => Face::Text("I"),
            Format::Link => Face::Icon(LINK_ICON),
            Format::BulletedList => Face::Text("•"),
            Format::NumberedList => Face::Text("1."),
            Format::Quote => Face::Text("❝"),
            Format::Image => Face::Icon(IMAGE_ICON),
            Format::Describe => Face::Text("Alt"),
        }
    }
}

/// A toolbar button's face: a few characters every text font has, or a drawn icon where
/// the only characters for the idea are emoji (🔗, 🖼), which show as empty boxes on a
/// machine without an emoji font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Face {
    Text(&'static str),
    /// The outline of an icon on a 24 × 24 grid (SVG path data), drawn in the text's colour.
    Icon(&'static str),
}

/// Two links of a chain.
const LINK_ICON: &str = "M10 13.5a4 4 0 0 0 5.7.3l3-3a4 4 0 0 0-5.7-5.6l-1.2 1.2 \
     M14 10.5a4 4 0 0 0-5.7-.3l-3 3a4 4 0 0 0 5.7 5.6l1.2-1.2";
/// A framed picture of a hill under the sun.
const IMAGE_ICON: &str =
    "M4 5h16v14H4z M4 16l5-5 4 4 2-2 5 5 M14 9.5a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0";

impl Face {
    fn view(self) -> AnyView {
        match self {
            Face::Text(text) => view! { <span aria-hidden="true">{text}</span> }.into_any(),
            Face::Icon(outline) => view! {
                <svg
                    class="body-editor__icon"
                    aria-hidden="true"
                    viewBox="0 0 24 24"
                    fill="none"
                    stroke="currentColor"
                    stroke-width="2"
                    stroke-linecap="round"
                    stroke-linejoin="round"
                >
                    <path d=outline/>
                </svg>
            }
            .into_any(),
        }
    }
}

/// Asks for the description of each image in the body, offering the one it has; a question
/// left empty or cancelled leaves that image as it was. A caption that showed the old
/// description (as an uploaded image's does) shows the new one. Answers what is still wrong:
/// no image at all, or images still without a description.
fn describe_images(body: NodeRef<html::Div>, lang: Lang) -> Option<String> {
    let images = body.get_untracked()?.get_elements_by_tag_name("img");
    let count = images.length();
    if count == 0 {
        return Some(tr(lang, "editor-describe-none"));
    }
    let mut undescribed = 0;
    for (image, number) in (0..count).filter_map(|index| Some((images.item(index)?, index + 1))) {
        let had = image.get_attribute("alt").unwrap_or_default();
        // Images are named by their place: the file's name is a hash an editor never saw.
        let question = tr_with(
            lang,
            "editor-describe-image",
            &[
                ("number", Arg::Number(number.into())),
                ("count", Arg::Number(count.into())),
            ],
        );
        let answer = window()
            .prompt_with_message_and_default(&question, &had)
            .ok()
            .flatten()
            .map(|answer| answer.trim().to_string())
            .filter(|answer| !answer.is_empty());
        let Some(now) = answer.filter(|answer| *answer != had) else {
            undescribed += usize::from(had.is_empty());
            continue;
        };
        // Setting an attribute fails only for an invalid name.
        let _ = image.set_attribute("alt", &now);
        let caption = image
            .closest("figure")
            .ok()
            .flatten()
            .and_then(|figure| figure.query_selector("figcaption").ok().flatten());
        if let Some(caption) = caption {
            if caption.text_content().unwrap_or_default().trim() == had.trim() {
                caption.set_text_content(Some(&now));
            }
        }
    }
    (undescribed > 0).then(|| tr(lang, "upload-no-alt"))
}

/// Whether the editable `body` shows what the server `stored`: the same elements, attributes
/// and text, leaving aside the `rel` the server gives every link and comments (the page's
/// own markers, which the server drops). Then nothing needs replacing after a publication,
/// and the caret and the browser's undo stay.
pub(super) fn shows_as_stored(body: &web_sys::Element, stored: &str) -> bool {
    use leptos::wasm_bindgen::JsCast;
    // Parsed in templates: inert, so no image starts loading.
    let parsed = |html: &str| {
        let template = document().create_element("template").ok()?;
        template.set_inner_html(html);
        let content = template
            .dyn_into::<web_sys::HtmlTemplateElement>()
            .ok()?
            .content();
        let links = content.query_selector_all("a[rel]").ok()?;
        for link in (0..links.length()).filter_map(|index| links.item(index)) {
            if let Ok(link) = link.dyn_into::<web_sys::Element>() {
                let _ = link.remove_attribute("rel");
            }
        }
        drop_comments(&content);
        Some(content)
    };
    match (
        parsed(&body.inner_html()),
        parsed(&writable(stored.to_string())),
    ) {
        (Some(shown), Some(stored)) => shown.is_equal_node(Some(&stored)),
        _ => false,
    }
}

/// `html` to start editing from, or to show again in the editor: an empty body (a new
/// article's) is one empty paragraph with a line in it, so a click puts the caret inside it
/// and typing makes a paragraph.
pub(super) fn writable(html: String) -> String {
    match html.trim() {
        "" | "<p></p>" => "<p><br></p>".to_string(),
        _ => html,
    }
}

/// The HTML the editable `body` holds, without the page's own comment markers: the server
/// drops comments, so with them an edit undone would still differ from the text it started
/// from (a draft saved for nothing; a translation's part no longer left in Latvian).
fn edited_html(body: &web_sys::Element) -> String {
    use leptos::wasm_bindgen::JsCast;
    let html = body.inner_html();
    if !html.contains("<!--") {
        return html;
    }
    let Ok(copy) = body.clone_node_with_deep(true) else {
        return html;
    };
    drop_comments(&copy);
    copy.dyn_into::<web_sys::Element>()
        .map_or(html, |copy| copy.inner_html())
}

/// Removes every comment inside `node`.
fn drop_comments(node: &web_sys::Node) {
    let children = node.child_nodes();
    // Backwards, so removing one leaves the places of those still to visit.
    for index in (0..children.length()).rev() {
        let Some(child) = children.item(index) else {
            continue;
        };
        if child.node_type() == web_sys::Node::COMMENT_NODE {
            let _ = node.remove_child(&child);
        } else {
            drop_comments(&child);
        }
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

fn apply(format: Format, lang: Lang) {
    match format {
        Format::Paragraph => exec("formatBlock", "p"),
        Format::Heading => exec("formatBlock", "h2"),
        Format::Bold => exec("bold", ""),
        Format::Italic => exec("italic", ""),
        Format::BulletedList => exec("insertUnorderedList", ""),
        Format::NumberedList => exec("insertOrderedList", ""),
        Format::Quote => exec("formatBlock", "blockquote"),
        Format::Link => {
            let Some(typed) = ask(&tr(lang, "editor-link-question")) else {
                return;
            };
            // An address the server would drop on saving would show as a link here only.
            match crate::paths::link_address(&typed) {
                Some(address) => exec("createLink", &address),
                None => {
                    // An alert fails only where dialogs are blocked; the link is not made.
                    let _ = window().alert_with_message(&tr(lang, "editor-link-refused"));
                }
            }
        }
        // Done by the caller: a file picker, the images' descriptions.
        Format::Image | Format::Describe => {}
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
    /// The text's language where it is not the page's (a translation's body).
    #[prop(optional, into)]
    text_lang: Option<Signal<&'static str>>,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let changed = move || {
        if let Some(body) = node.get_untracked() {
            on_change.run(edited_html(&body));
        }
    };
    let picker = NodeRef::<html::Input>::new();
    let uploading = RwSignal::new(None::<String>);
    let upload_problem = RwSignal::new(None::<String>);
    // Uploads an image (picked, pasted or dropped), asks for its description, inserts it.
    let insert_image = move |file: web_sys::File| {
        let size = (file.size() / 1000.0).round();
        let name = file.name();
        let file_info = [
            ("name", Arg::Text(&name)),
            ("size", Arg::Number(size as i64)),
        ];
        uploading.set(Some(tr_with(lang, "upload-uploading", &file_info)));
        upload_problem.set(None);
        let place = node.get_untracked().and_then(|body| caret_place(&body));
        leptos::task::spawn_local(async move {
            match upload(file).await {
                Ok(image) => {
                    uploading.set(None);
                    let alt = ask(&tr(lang, "upload-alt-question")).unwrap_or_default();
                    if alt.is_empty() {
                        upload_problem.set(Some(tr(lang, "upload-no-alt")));
                    }
                    let Some(body) = node.get_untracked() else {
                        return;
                    };
                    let writing = WritingPlace::now(&body, place.as_ref());
                    focus_at(&body, place);
                    let last = caret_into_a_line_of_its_own(&body);
                    let mut figure = figure_html(&image, &alt);
                    if last {
                        // A line below the image to go on writing in.
                        figure.push_str("<p><br></p>");
                    }
                    exec("insertHTML", &figure);
                    changed();
                    if let Some(writing) = writing {
                        writing.resume();
                    }
                }
                Err(message) => {
                    uploading.set(None);
                    upload_problem.set(Some(message.in_lang(lang)));
                }
            }
        });
    };
    view! {
        <div class="body-editor">
            <div class="body-editor__toolbar" role="toolbar" aria-label=tr(lang, "editor-toolbar") aria-controls="edit-body">
                {Format::ALL
                    .into_iter()
                    .map(|format| view! {
                        <button
                            type="button"
                            class="body-editor__button"
                            aria-label=format.name(lang)
                            title=format.label(lang)
                            // Keep the text selection in the body while the button is pressed.
                            on:mousedown=|event| event.prevent_default()
                            on:click=move |_| {
                                if format == Format::Image {
                                    if let Some(input) = picker.get_untracked() {
                                        input.click();
                                    }
                                    return;
                                }
                                if format == Format::Describe {
                                    upload_problem.set(describe_images(node, lang));
                                    changed();
                                    return;
                                }
                                let list = matches!(format, Format::BulletedList | Format::NumberedList);
                                // The browser puts the caret at the item's start.
                                let caret = list.then(caret_in_its_line).flatten();
                                apply(format, lang);
                                if let Some(offset) = caret {
                                    caret_into_list_item(offset);
                                }
                                changed();
                            }
                        >
                            {format.face().view()}
                        </button>
                    })
                    .collect_view()}
            </div>
            <label class="visually-hidden" for="edit-image-file">{tr(lang, "upload-choose-image")}</label>
            // Opened by the toolbar's image button: not a stop of its own for the keyboard,
            // where it would take the focus out of sight.
            <input
                id="edit-image-file"
                class="visually-hidden"
                tabindex="-1"
                type="file"
                accept="image/jpeg,image/png,image/webp,image/gif"
                node_ref=picker
                on:change=move |event| {
                    let input: web_sys::HtmlInputElement = event_target(&event);
                    if let Some(file) = input.files().and_then(|files| files.get(0)) {
                        insert_image(file);
                    }
                    input.set_value("");
                }
            />
            {move || uploading.get().map(|text| view! {
                <p class="body-editor__upload" role="status">
                    {text} " " <progress aria-label=tr(lang, "upload-progress")></progress>
                </p>
            })}
            <p class="field-error" role="alert">{move || upload_problem.get()}</p>
            <span id="edit-body-label" class="editable__label">{tr(lang, "editor-field-body")}</span>
            <div
                id="edit-body"
                class="article__body prose editable editable--body"
                contenteditable="true"
                lang=move || text_lang.map(|text_lang| text_lang.get())
                role="textbox"
                aria-multiline="true"
                aria-labelledby="edit-body-label"
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                aria-describedby="edit-body-error"
                node_ref=node
                inner_html=writable(initial_html)
                // Enter starts a paragraph, as the reader's page has them, not a `div`.
                on:focus=move |_| exec("defaultParagraphSeparator", "p")
                on:input=move |_| changed()
                // Deleting in an empty body would take its one paragraph with it, and what
                // is typed next would be bare text outside any paragraph. (`beforeinput`,
                // not the keys: a phone's keyboard names no key.)
                on:beforeinput=move |event: InputEvent| {
                    let deleting = event.input_type().starts_with("delete");
                    let empty = node.get_untracked().is_some_and(|body| {
                        body.child_element_count() <= 1 && holds_nothing(&body)
                    });
                    if deleting && empty {
                        event.prevent_default();
                    }
                }
                on:paste=move |event: ClipboardEvent| {
                    let file = event
                        .clipboard_data()
                        .and_then(|data| data.files())
                        .and_then(|files| files.get(0));
                    if let Some(file) = file {
                        event.prevent_default();
                        insert_image(file);
                    }
                }
                on:drop=move |event: DragEvent| {
                    let file = event
                        .data_transfer()
                        .and_then(|data| data.files())
                        .and_then(|files| files.get(0));
                    if let Some(file) = file {
                        event.prevent_default();
                        insert_image(file);
                    }
                }
            ></div>
            <p id="edit-body-error" class="field-error" role="alert">{move || error.get()}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_button_shows_something_a_plain_text_font_can_draw() {
        for format in Format::ALL {
            match format.face() {
                // Emoji start at U+1F000 (and a few earlier ones ask for emoji presentation
                // with U+FE0F); a font without them draws an empty box.
                Face::Text(text) => assert!(
                    text.chars()
                        .all(|c| (c as u32) < 0x1F000 && c != '\u{FE0F}'),
                    "{format:?} shows {text:?}"
                ),
                Face::Icon(outline) => assert!(outline.starts_with('M'), "{format:?}"),
            }
        }
    }

    #[test]
    fn a_button_showing_letters_is_named_with_them() {
        assert_eq!(Format::Heading.name(Lang::En), "H2 Heading");
        assert_eq!(Format::Link.name(Lang::En), Format::Link.label(Lang::En));
    }
}
