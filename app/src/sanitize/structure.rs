//! The shape of a clean body, made after the allow-list: every text stands in a block, a list
//! holds its items, and no paragraph, heading or item is left with nothing in it.
//!
//! The browser's editing commands break this and the HTML parser keeps what they make: a list
//! made of a heading stays inside the heading (readers saw a heading-sized list), an item
//! pasted past its list's end stands outside any list (a bullet without its list), the line
//! typed after a list is bare text (without a paragraph's spacing), and an emptied item or
//! heading stays (an empty bullet; an empty heading screen readers announce). A first-level
//! heading pasted from an office document becomes a second-level one: the page's title is the
//! first.

use std::collections::HashSet;

use ego_tree::{NodeId, Tree};
use html5ever::{ns, LocalName, QualName};
use scraper::{node::Element, Html, Node};

/// HTML's block elements, as far as the allow-list lets them through: what a paragraph or a
/// heading cannot hold, and what loose text is not part of.
pub const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// Blocks that hold only text and inline markup.
const TEXT_BLOCKS: &[&str] = &["p", "h1", "h2", "h3", "h4", "h5", "h6"];

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

const LISTS: &[&str] = &["ul", "ol"];

/// `html` (the allow-list's output) in the shape above.
pub(super) fn tidy(html: &str) -> String {
    let mut fragment = Html::parse_fragment(html);
    let body = fragment.root_element().id();
    let tree = &mut fragment.tree;
    for title in elements_named(tree, &["h1"]) {
        if let Some(mut title) = tree.get_mut(title) {
            *title.value() = element("h2");
        }
    }
    for text_block in elements_named(tree, TEXT_BLOCKS) {
        split_around_blocks(tree, text_block);
    }
    for item in elements_named(tree, &["li"]) {
        put_in_a_list(tree, item);
    }
    for list in elements_named(tree, LISTS) {
        put_in_items(tree, list);
    }
    drop_empty_blocks(tree, body);
    wrap_loose_text(tree, body);
    fragment.root_element().inner_html()
}

/// Every element named one of `names`, in document order.
fn elements_named(tree: &Tree<Node>, names: &[&str]) -> Vec<NodeId> {
    tree.root()
        .descendants()
        .filter(|node| is_named(node.value(), names))
        .map(|node| node.id())
        .collect()
}

fn is_named(node: &Node, names: &[&str]) -> bool {
    node.as_element()
        .is_some_and(|element| names.contains(&element.name()))
}

fn is_block(tree: &Tree<Node>, id: NodeId) -> bool {
    tree.get(id)
        .is_some_and(|node| is_named(node.value(), BLOCKS))
}

fn is_blank_text(node: &Node) -> bool {
    node.as_text().is_some_and(|text| {
        text.trim_matches(|c: char| c.is_ascii_whitespace())
            .is_empty()
    })
}

fn element(name: &str) -> Node {
    Node::Element(Element::new(
        QualName::new(None, ns!(html), LocalName::from(name)),
        Vec::new(),
    ))
}

/// A paragraph or heading holding a block (`<h2><ul>…</ul></h2>`) becomes the block between
/// two copies of itself, one with what came before it and one with what came after (empty
/// copies go later).
fn split_around_blocks(tree: &mut Tree<Node>, text_block: NodeId) {
    let Some(node) = tree.get(text_block) else {
        return;
    };
    let children: Vec<NodeId> = node.children().map(|child| child.id()).collect();
    if !children.iter().any(|&child| is_block(tree, child)) {
        return;
    }
    let copy = node.value().clone();
    // The node the next moved one goes after, and the copy taking inline children (`None`
    // after a block: the next inline child starts a new copy).
    let mut last = text_block;
    let mut holder = Some(text_block);
    for child in children {
        if is_block(tree, child) {
            if let Some(mut anchor) = tree.get_mut(last) {
                anchor.insert_id_after(child);
            }
            last = child;
            holder = None;
            continue;
        }
        let into = match holder {
            Some(into) => into,
            None => {
                let Some(mut anchor) = tree.get_mut(last) else {
                    return;
                };
                let new = anchor.insert_after(copy.clone()).id();
                last = new;
                holder = Some(new);
                new
            }
        };
        if into != text_block {
            if let Some(mut into) = tree.get_mut(into) {
                into.append_id(child);
            }
        }
    }
}

/// An item outside any list joins the list just before it (it was pasted or typed past that
/// list's end), or else starts a bulleted list of its own.
fn put_in_a_list(tree: &mut Tree<Node>, item: NodeId) {
    let Some(node) = tree.get(item) else {
        return;
    };
    if node
        .parent()
        .is_some_and(|parent| is_named(parent.value(), LISTS))
    {
        return;
    }
    let before = node
        .prev_siblings()
        .find(|sibling| !is_blank_text(sibling.value()))
        .filter(|sibling| is_named(sibling.value(), LISTS))
        .map(|list| list.id());
    let list = match before {
        Some(list) => list,
        None => match tree.get_mut(item) {
            Some(mut item) => item.insert_before(element("ul")).id(),
            None => return,
        },
    };
    if let Some(mut list) = tree.get_mut(list) {
        list.append_id(item);
    }
}

/// What a list holds outside its items goes into items: a list directly in a list (the
/// browser's indent puts one there) into the item before it, each run of other content into
/// an item of its own.
fn put_in_items(tree: &mut Tree<Node>, list: NodeId) {
    let Some(node) = tree.get(list) else {
        return;
    };
    let children: Vec<NodeId> = node.children().map(|child| child.id()).collect();
    // The item before the next child, and the item a run of loose content goes into.
    let (mut last_item, mut run_item): (Option<NodeId>, Option<NodeId>) = (None, None);
    for child in children {
        let Some(node) = tree.get(child) else {
            continue;
        };
        let value = node.value();
        if is_named(value, &["li"]) {
            (last_item, run_item) = (Some(child), None);
            continue;
        }
        if is_blank_text(value) {
            continue;
        }
        let into = match (is_named(value, LISTS), last_item, run_item) {
            (true, Some(item), _) => item,
            (false, _, Some(item)) => item,
            _ => match tree.get_mut(child) {
                Some(mut child) => child.insert_before(element("li")).id(),
                None => return,
            },
        };
        if let Some(mut into) = tree.get_mut(into) {
            into.append_id(child);
        }
        last_item = Some(into);
        run_item = Some(into);
    }
}

/// Drops the items and headings with nothing to read or see in them, paragraphs with nothing
/// to read or see and no line break (`<p><br></p>` is an empty line an editor typed, and
/// stays), and lists left without items.
fn drop_empty_blocks(tree: &mut Tree<Node>, body_id: NodeId) {
    let Some(body) = tree.get(body_id) else {
        return;
    };
    // Reversed document order: each node after everything inside it, so whether a node shows
    // anything follows from its children's answers (once per node: a deep nest stays linear).
    let nodes: Vec<NodeId> = body.descendants().map(|node| node.id()).collect();
    let (mut shows, mut breaks) = (HashSet::new(), HashSet::new());
    for id in nodes.into_iter().rev() {
        let Some(node) = tree.get(id) else {
            continue;
        };
        let value = node.value();
        if match value {
            Node::Text(text) => !text.trim().is_empty(),
            other if is_named(other, &["img"]) => true,
            _ => node.children().any(|child| shows.contains(&child.id())),
        } {
            shows.insert(id);
        }
        if is_named(value, &["br"]) || node.children().any(|child| breaks.contains(&child.id())) {
            breaks.insert(id);
        }
        let empty = if is_named(value, &["p"]) {
            !shows.contains(&id) && !breaks.contains(&id)
        } else if is_named(value, HEADINGS) || is_named(value, &["li"]) {
            !shows.contains(&id)
        } else if is_named(value, LISTS) {
            !node
                .children()
                .any(|child| is_named(child.value(), &["li"]))
        } else {
            false
        };
        if empty {
            // Beside inline content (in a quote, an item, a link), the block kept words apart:
            // a line break does so after it.
            let inline = |sibling: Option<ego_tree::NodeRef<'_, Node>>| {
                sibling.is_some_and(|sibling| match sibling.value() {
                    Node::Text(text) => !text.trim().is_empty(),
                    other => other.is_element() && !is_named(other, BLOCKS),
                })
            };
            let in_inline = node
                .parent()
                .is_some_and(|parent| !is_named(parent.value(), BLOCKS) && parent.id() != body_id);
            let between = in_inline || inline(node.prev_sibling()) || inline(node.next_sibling());
            if let Some(mut node) = tree.get_mut(id) {
                if between {
                    node.insert_before(element("br"));
                }
                node.detach();
            }
        }
    }
}

/// Text and inline markup between blocks becomes a paragraph; line breaks alone between
/// blocks go, as do those opening such a run (the line after a list starts with one). Inline
/// markup holding a block stays as it is, a block itself.
fn wrap_loose_text(tree: &mut Tree<Node>, body: NodeId) {
    let Some(node) = tree.get(body) else {
        return;
    };
    let children: Vec<NodeId> = node.children().map(|child| child.id()).collect();
    let mut run = Vec::new();
    for child in children {
        // Inline markup holding a block (a link around a heading) is no paragraph's content:
        // the parser would close the paragraph at the block.
        let holds_block = tree.get(child).is_some_and(|node| {
            node.descendants()
                .any(|inner| is_named(inner.value(), BLOCKS))
        });
        if holds_block {
            wrap_run(tree, std::mem::take(&mut run));
        } else {
            run.push(child);
        }
    }
    wrap_run(tree, run);
}

fn wrap_run(tree: &mut Tree<Node>, run: Vec<NodeId>) {
    let is_break = |tree: &Tree<Node>, id: NodeId| {
        tree.get(id)
            .is_some_and(|node| is_named(node.value(), &["br"]))
    };
    let is_blank = |tree: &Tree<Node>, id: NodeId| {
        tree.get(id).is_some_and(|node| is_blank_text(node.value()))
    };
    // Blank text and line breaks before the first thing to read.
    let opening = run
        .iter()
        .take_while(|&&id| is_blank(tree, id) || is_break(tree, id))
        .count();
    for &id in &run[..opening] {
        if is_break(tree, id) {
            if let Some(mut node) = tree.get_mut(id) {
                node.detach();
            }
        }
    }
    let rest = &run[opening..];
    let Some(&first) = rest.first() else {
        return;
    };
    let Some(paragraph) = tree
        .get_mut(first)
        .map(|mut first| first.insert_before(element("p")).id())
    else {
        return;
    };
    for &id in rest {
        if let Some(mut paragraph) = tree.get_mut(paragraph) {
            paragraph.append_id(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tidy;

    #[test]
    fn a_list_made_of_a_heading_leaves_it() {
        assert_eq!(
            tidy("<h2><ul><li>Viens</li><li>Divi</li></ul></h2><p>Teksts</p>"),
            "<ul><li>Viens</li><li>Divi</li></ul><p>Teksts</p>"
        );
        assert_eq!(
            tidy("<h2>Pirms<ul><li>Viens</li></ul>Pēc</h2>"),
            "<h2>Pirms</h2><ul><li>Viens</li></ul><h2>Pēc</h2>"
        );
    }

    #[test]
    fn a_pasted_title_is_a_heading_below_the_pages_own() {
        assert_eq!(
            tidy("<h1>Ziņojums</h1><p>Teksts</p>"),
            "<h2>Ziņojums</h2><p>Teksts</p>"
        );
    }

    #[test]
    fn an_item_past_its_list_joins_it() {
        assert_eq!(
            tidy("<ul><li>Viens</li></ul><li>Divi</li><li>Trīs</li><p>Beigas</p>"),
            "<ul><li>Viens</li><li>Divi</li><li>Trīs</li></ul><p>Beigas</p>"
        );
        assert_eq!(
            tidy("<ol><li>Viens</li></ol>\n<li>Divi</li>"),
            "<ol><li>Viens</li><li>Divi</li></ol>\n"
        );
        assert_eq!(
            tidy("<p>Ievads</p><li>Viens</li>"),
            "<p>Ievads</p><ul><li>Viens</li></ul>"
        );
    }

    #[test]
    fn what_a_list_holds_goes_into_its_items() {
        assert_eq!(
            tidy("<ul><li>Viens</li><ul><li>Iekšā</li></ul><li>Divi</li></ul>"),
            "<ul><li>Viens<ul><li>Iekšā</li></ul></li><li>Divi</li></ul>",
            "an indented list belongs to the item before it"
        );
        assert_eq!(
            tidy("<ol>Teksts<li>Viens</li></ol>"),
            "<ol><li>Teksts</li><li>Viens</li></ol>"
        );
        assert_eq!(
            tidy("<ul><li>Viens</li>Divi <b>trīs</b><li>Četri</li></ul>"),
            "<ul><li>Viens</li><li>Divi <b>trīs</b></li><li>Četri</li></ul>",
            "text after an item is an item of its own, not glued to it"
        );
    }

    #[test]
    fn loose_text_becomes_a_paragraph() {
        assert_eq!(
            tidy("<ul><li>Viens</li></ul><br>Rinda pēc saraksta <strong>ar</strong> tekstu"),
            "<ul><li>Viens</li></ul><p>Rinda pēc saraksta <strong>ar</strong> tekstu</p>"
        );
        assert_eq!(tidy("Tikai teksts"), "<p>Tikai teksts</p>");
        assert_eq!(
            tidy("<p>Viens</p><br><p>Divi</p>"),
            "<p>Viens</p><p>Divi</p>",
            "a line break alone between paragraphs goes"
        );
    }

    #[test]
    fn an_empty_block_between_two_lines_keeps_them_apart() {
        assert_eq!(tidy("Viens<h2><br></h2>Divi"), "<p>Viens<br>Divi</p>");
        assert_eq!(tidy("Viens<ul><li></li></ul>Divi"), "<p>Viens<br>Divi</p>");
        assert_eq!(
            tidy("<blockquote>Viens<li></li>Divi</blockquote>"),
            "<blockquote>Viens<br>Divi</blockquote>"
        );
        assert_eq!(
            tidy("Viens<b><p></p>Divi</b>"),
            "<p>Viens<b><br>Divi</b></p>"
        );
    }

    #[test]
    fn inline_markup_around_a_block_is_left_as_a_block() {
        let linked = "<a href=\"/x\"><h3>Virsraksts</h3></a><p>Teksts</p>";
        assert_eq!(tidy(linked), linked);
        assert_eq!(
            tidy("<p><a href=\"/x\"></a></p><p>Teksts</p>"),
            "<p>Teksts</p>"
        );
    }

    #[test]
    fn empty_items_headings_and_paragraphs_go_but_a_typed_empty_line_stays() {
        assert_eq!(
            tidy("<ul><li>Viens</li><li><br></li><li> </li></ul><h2> <br></h2><p></p><p><br></p>"),
            "<ul><li>Viens</li></ul><p><br></p>"
        );
        assert_eq!(
            tidy("<ol><li></li></ol>"),
            "",
            "a list left without items goes"
        );
        assert_eq!(
            tidy("<ul><li><img alt=\"Attēls\" src=\"/media/a.jpg\"></li></ul>"),
            "<ul><li><img alt=\"Attēls\" src=\"/media/a.jpg\"></li></ul>",
            "an image is something to see"
        );
    }

    #[test]
    fn deeply_nested_lists_are_shaped_without_exhausting_the_stack() {
        let depth = 2_000;
        let nested = format!(
            "{}Teksts{}",
            "<ul><li>".repeat(depth),
            "</li></ul>".repeat(depth)
        );
        let shaped = tidy(&nested);
        assert!(shaped.contains("Teksts"));
        assert_eq!(shaped.matches("<ul>").count(), depth);
    }

    #[test]
    fn a_clean_body_stays_as_it_is() {
        // As the serialiser writes it: attributes in order, `<` and `>` in them escaped.
        let clean = "<h2>Virsraksts</h2><p>Teksts ar <a href=\"/news/x\" title=\"&lt;p&gt;&lt;/p&gt;\">saiti</a>.</p>\
                     <ul><li>Viens<ul><li>Iekšā</li></ul></li></ul>\
                     <figure><img alt=\"A\" src=\"/media/a.jpg\"><figcaption>Paraksts</figcaption></figure>\
                     <blockquote>Citāts</blockquote><table><tbody><tr><td>Šūna</td></tr></tbody></table>";
        assert_eq!(tidy(clean), clean);
    }
}

/// Properties over bodies made of the pieces editing commands leave: the shape holds after
/// cleaning, and cleaning keeps every word.
#[cfg(test)]
mod properties {
    use proptest::prelude::*;
    use scraper::{Html, Node};

    use super::{is_named, BLOCKS, HEADINGS, LISTS};
    use crate::sanitize::SafeHtml;

    fn edited_html() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<h2>".to_string()),
            Just("</h2>".to_string()),
            Just("<ul>".to_string()),
            Just("</ul>".to_string()),
            Just("<ol>".to_string()),
            Just("<li>".to_string()),
            Just("</li>".to_string()),
            Just("<br>".to_string()),
            Just("<strong>".to_string()),
            Just("</strong>".to_string()),
            Just("<blockquote>".to_string()),
            Just("<a href=\"/x\">".to_string()),
            Just("</a>".to_string()),
            Just("<div>".to_string()),
            Just("</div>".to_string()),
            Just("<h3>".to_string()),
            Just("<b>".to_string()),
            Just("<span>".to_string()),
            Just("<figure><img src=\"/media/a.jpg\" alt=\"A\"></figure>".to_string()),
            Just(" ".to_string()),
            "[a-zāčēšž]{1,8}",
        ];
        prop::collection::vec(piece, 0..16).prop_map(|pieces| pieces.concat())
    }

    /// The words of `html` as a reader sees them: a block's edge or a line break ends one.
    fn words(html: &str) -> Vec<String> {
        crate::search::text::text_by_block(html)
            .split_whitespace()
            .map(str::to_string)
            .collect()
    }

    /// Where each word ends, counted in characters of all the words written together.
    fn word_ends(words: &[String]) -> Vec<usize> {
        words
            .iter()
            .scan(0, |end, word| {
                *end += word.chars().count();
                Some(*end)
            })
            .collect()
    }

    proptest! {
        #[test]
        fn the_shape_holds_and_every_word_stays(raw in edited_html()) {
            let clean = SafeHtml::sanitize(&raw);
            let fragment = Html::parse_fragment(clean.as_str());
            let body = fragment.root_element();
            for child in body.children() {
                // Inline markup holding a block counts as a block.
                let loose = match child.value() {
                    Node::Text(text) => !text.trim().is_empty(),
                    _ => !child.descendants().any(|inner| is_named(inner.value(), BLOCKS)),
                };
                prop_assert!(!loose, "loose text or inline markup in {}", clean.as_str());
            }
            for node in body.descendants() {
                if is_named(node.value(), &["li"]) {
                    prop_assert!(
                        node.parent().is_some_and(|list| is_named(list.value(), LISTS)),
                        "an item outside a list in {}", clean.as_str()
                    );
                }
                if is_named(node.value(), HEADINGS) || is_named(node.value(), &["li"]) {
                    let shows = node.descendants().any(|inner| match inner.value() {
                        Node::Text(text) => !text.trim().is_empty(),
                        other => is_named(other, &["img"]),
                    });
                    prop_assert!(shows, "an empty item or heading in {}", clean.as_str());
                }
            }
            // Every word stays, in order, and no two are glued together: where the raw text
            // ends a word, the clean text does too (it may end one more where inline markup
            // around a block meets text).
            let (clean_words, raw_words) = (words(clean.as_str()), words(&raw));
            prop_assert_eq!(clean_words.concat(), raw_words.concat());
            let clean_ends = word_ends(&clean_words);
            for end in word_ends(&raw_words) {
                prop_assert!(clean_ends.contains(&end), "words glued in {}", clean.as_str());
            }
            let again = SafeHtml::sanitize(clean.as_str());
            prop_assert_eq!(again.as_str(), clean.as_str());
        }
    }
}
