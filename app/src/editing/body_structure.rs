//! Where the browser's own editing needs a hand: its list command puts the caret at the new
//! item's start, deleting in an empty body takes its one paragraph, and a figure inserted
//! inside a paragraph leaves its image in the text and its caption in an empty figure.
//!
//! The list command also nests the list inside the paragraph it was made of
//! (`<p><ul>…</ul></p>`), which the server's parser reads as the list between two empty
//! paragraphs; the sanitiser drops those. Moving the list out here would be simpler for
//! readers of the editor's HTML, but a change to the text made outside the browser's
//! commands is one its undo does not know: Ctrl+Z then empties the list and loses the text.
//! Only the selection is set here, which undo does not record.

use leptos::prelude::*;

/// Runs a browser editing command on the current selection.
pub(super) fn exec(command: &str, value: &str) {
    use leptos::wasm_bindgen::JsCast;
    if let Ok(document) = document().dyn_into::<web_sys::HtmlDocument>() {
        // A command the browser cannot apply here simply does nothing.
        let _ = document.exec_command_with_show_ui_and_value(command, false, value);
    }
}

/// Where the caret is in `body`, if it is there: a live range, which the browser moves with
/// the text as it changes, so that an upload's figure can go where it was asked for even if
/// the editor went on writing, here or in another field, while it uploaded.
pub(super) fn caret_place(body: &web_sys::Element) -> Option<web_sys::Range> {
    let selection = window().get_selection().ok().flatten()?;
    let range = selection.get_range_at(0).ok()?;
    body.contains(range.start_container().ok().as_ref())
        .then(|| range.clone_range())
}

/// Gives `body` the focus with the caret back at `place` (from `caret_place`), or at the end
/// of the text where there is no such place any more. Focus alone would put it wherever the
/// browser likes (Chromium: the start of the text).
pub(super) fn focus_at(body: &web_sys::HtmlElement, place: Option<web_sys::Range>) {
    // Focus failing leaves the caret where it was.
    let _ = body.focus();
    let Some(selection) = window().get_selection().ok().flatten() else {
        return;
    };
    let place = place.filter(|place| body.contains(place.start_container().ok().as_ref()));
    match place {
        Some(place) => {
            let _ = selection.remove_all_ranges();
            let _ = selection.add_range(&place);
        }
        None => {
            let _ = selection.select_all_children(body);
            let _ = selection.collapse_to_end();
        }
    }
}

/// Where the editor is writing as an upload's figure arrives, to go on there once it is
/// inserted: another field, or another place in the body than the one the image was asked
/// for. (Still at that place, they go on after the figure.)
pub(super) enum WritingPlace {
    Field(web_sys::HtmlElement),
    Caret(web_sys::Range),
}

impl WritingPlace {
    /// Where the editor is now, unless at `asked` (from `caret_place`) or nowhere.
    pub(super) fn now(body: &web_sys::Element, asked: Option<&web_sys::Range>) -> Option<Self> {
        use leptos::wasm_bindgen::JsCast;
        let focused = document().active_element()?;
        if !focused.is_same_node(Some(body)) {
            // Nothing focused: the page itself is.
            let page = document().body();
            if page.is_some_and(|page| focused.is_same_node(Some(page.as_ref()))) {
                return None;
            }
            return focused
                .dyn_into::<web_sys::HtmlElement>()
                .ok()
                .map(Self::Field);
        }
        let now = caret_place(body)?;
        let at_asked = asked.is_some_and(|asked| {
            let start = now.compare_boundary_points(web_sys::Range::START_TO_START, asked);
            let end = now.compare_boundary_points(web_sys::Range::END_TO_END, asked);
            start.ok() == Some(0) && end.ok() == Some(0)
        });
        (!at_asked).then_some(Self::Caret(now))
    }

    /// Back to that field, or that place in the body.
    pub(super) fn resume(self) {
        match self {
            // An input keeps its own selection.
            Self::Field(field) => {
                let _ = field.focus();
            }
            Self::Caret(place) => {
                if let Some(selection) = window().get_selection().ok().flatten() {
                    let _ = selection.remove_all_ranges();
                    let _ = selection.add_range(&place);
                }
            }
        }
    }
}

/// Puts the caret into an empty paragraph where a block of its own (an image's figure) can be
/// inserted whole: the paragraph the caret is in if it is empty, else a new one after the
/// caret's block, so a paragraph is never split. After a paragraph or heading the new one is
/// made by the browser's Enter, which undo knows; after a list, quote or figure, whose Enter
/// would make the new line part of them, it is added beside the browser's commands. Answers
/// whether that paragraph is the body's last, with nothing below it.
pub(super) fn caret_into_a_line_of_its_own(body: &web_sys::Element) -> bool {
    use leptos::wasm_bindgen::JsCast;
    let Some(selection) = window().get_selection().ok().flatten() else {
        return true;
    };
    let top_level_block = |selection: &web_sys::Selection| {
        let mut node = selection.anchor_node()?;
        loop {
            let parent = node.parent_node()?;
            if parent.is_same_node(Some(body)) {
                return Some(node);
            }
            node = parent;
        }
    };
    // Where the caret is not in the body (it moved on during an upload), the end of the text.
    let Some(block) = top_level_block(&selection).or_else(|| body.last_child()) else {
        return true;
    };
    match block.node_name().as_str() {
        "P" if holds_nothing(&block) => {
            let _ = selection.collapse_with_offset(Some(&block), 0);
        }
        "P" | "H2" | "H3" | "H4" => {
            let _ = selection.collapse_with_offset(Some(&block), block.child_nodes().length());
            exec("insertParagraph", "");
        }
        _ => {
            let Ok(paragraph) = document().create_element("p") else {
                return true;
            };
            if let Ok(line_break) = document().create_element("br") {
                let _ = paragraph.append_child(&line_break);
            }
            let after = block.next_sibling();
            let _ = body.insert_before(&paragraph, after.as_ref());
            let _ = selection.collapse_with_offset(Some(&paragraph), 0);
        }
    }
    // Comments (the page's markers) below the text are not text.
    top_level_block(&selection)
        .and_then(|paragraph| paragraph.dyn_into::<web_sys::Element>().ok())
        .is_none_or(|paragraph| paragraph.next_element_sibling().is_none())
}

/// How far into its line the caret is, in the DOM's units (UTF-16), if it is a caret in a
/// text: from the start of its paragraph (or heading, or list item), or of its last line
/// break there (`<br>`, Shift+Enter), as the browser makes only that line the list item.
pub(super) fn caret_in_its_line() -> Option<u32> {
    use leptos::wasm_bindgen::JsCast;
    let selection = window().get_selection().ok().flatten()?;
    let at = selection.anchor_node()?;
    if !selection.is_collapsed() || at.node_type() != web_sys::Node::TEXT_NODE {
        return None;
    }
    let block = at
        .parent_element()?
        .closest("p, li, h2, h3, blockquote")
        .ok()??;
    let mut before = 0;
    for node in texts_and_breaks(block.unchecked_ref()) {
        if node.is_same_node(Some(&at)) {
            return Some(before + selection.anchor_offset());
        }
        before = match node.node_type() {
            web_sys::Node::TEXT_NODE => before + utf16_length(&node),
            _ => 0,
        };
    }
    None
}

/// Puts the caret `offset` into the list item the selection is in.
pub(super) fn caret_into_list_item(offset: u32) {
    let Some(selection) = window().get_selection().ok().flatten() else {
        return;
    };
    let item = selection
        .anchor_node()
        .and_then(|at| match at.node_type() {
            web_sys::Node::ELEMENT_NODE => leptos::wasm_bindgen::JsCast::dyn_into(at).ok(),
            _ => at.parent_element(),
        })
        .and_then(|element: web_sys::Element| element.closest("li").ok().flatten());
    let Some(item) = item else {
        return;
    };
    let mut left = offset;
    let texts = texts_and_breaks(&item).into_iter();
    for text in texts.filter(|node| node.node_type() == web_sys::Node::TEXT_NODE) {
        let length = utf16_length(&text);
        if left <= length {
            let _ = selection.collapse_with_offset(Some(&text), left);
            return;
        }
        left -= length;
    }
}

/// The text nodes and line breaks inside `node`, in the order they are read.
fn texts_and_breaks(node: &web_sys::Node) -> Vec<web_sys::Node> {
    let children = node.child_nodes();
    (0..children.length())
        .filter_map(|index| children.item(index))
        .flat_map(|child| match child.node_type() {
            web_sys::Node::TEXT_NODE => vec![child],
            _ if child.node_name() == "BR" => vec![child],
            _ => texts_and_breaks(&child),
        })
        .collect()
}

fn utf16_length(text: &web_sys::Node) -> u32 {
    let length = text
        .text_content()
        .unwrap_or_default()
        .encode_utf16()
        .count();
    u32::try_from(length).unwrap_or(u32::MAX)
}

/// Whether `node` shows nothing: no text, and no element but empty blocks (paragraphs,
/// headings, quotes) and line breaks. An empty list is something: Enter in its item leaves it.
pub(super) fn holds_nothing(node: &web_sys::Node) -> bool {
    use leptos::wasm_bindgen::JsCast;
    // A space typed is `&nbsp;` (which `trim` would take for nothing): something to delete.
    let text = node.text_content().unwrap_or_default();
    let no_text = text
        .trim_matches(|c: char| c.is_ascii_whitespace())
        .is_empty();
    let no_elements = node
        .dyn_ref::<web_sys::Element>()
        .and_then(|element| {
            let something = ":not(p, br, h2, h3, h4, blockquote, div, span, b, strong, i, em)";
            element.query_selector(something).ok()
        })
        .flatten()
        .is_none();
    no_text && no_elements
}
