//! Text for search: folding away case and diacritics (`Cilvēku` → `cilveku`), the words of a
//! query, the plain text of article HTML, and snippets with the matching words marked.

use super::SnippetPiece;

/// Characters of a query read; the rest is ignored.
const MAX_QUERY_CHARS: usize = 200;
/// Words of a query that count; the rest of a long query is ignored.
const MAX_QUERY_WORDS: usize = 8;
/// Longest word kept from a query (longer ones are cut).
const MAX_WORD_CHARS: usize = 40;
/// Shortest word that counts: a lone letter as a prefix would match, and rank, every item.
const MIN_WORD_CHARS: usize = 2;

/// Lower case without diacritics, one folded string per character (`ā` → `a`, `Ž` → `z`).
/// Russian `ё` is `е` first, as most readers type it (`Кишинёв`, `Кишинев`); stored search
/// text folded before that is folded again (migration `20260120000000_fold_yo`).
fn fold_char(c: char) -> String {
    if c.is_ascii() {
        return c.to_ascii_lowercase().to_string();
    }
    let c = match c {
        'ё' => 'е',
        'Ё' => 'Е',
        c => c,
    };
    deunicode::deunicode_char(c).unwrap_or("").to_lowercase()
}

/// `Cīņa pret cilvēku tirdzniecību` → `cina pret cilveku tirdzniecibu`.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// The folded stems of a query's words (`search::stem`), which search matches as prefixes:
/// letters and digits only, so quotes, operators and lone symbols never reach the database's
/// query syntax; single letters are left out.
pub fn query_words(query: &str) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    // Composed first: a pasted "cilve\u{304}ku" (an `e` and a combining macron) is one word.
    let query: String = query.nfc().take(MAX_QUERY_CHARS).collect();
    let stems: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .map(|word| fold(&super::stem::stem(&word.to_lowercase())))
        .collect();
    stems
        .iter()
        .flat_map(|stem| stem.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|word| word.len() >= MIN_WORD_CHARS)
        .take(MAX_QUERY_WORDS)
        .map(|word| word.chars().take(MAX_WORD_CHARS).collect())
        .collect()
}

/// The text of sanitised HTML, without tags, with entities decoded and whitespace collapsed;
/// blocks are apart even where the HTML has nothing between them (`<li>a</li><li>b</li>` is
/// "a b", not "ab").
pub fn plain_text(html: &str) -> String {
    block_lines(html).join(" ")
}

/// The text of sanitised HTML with each block (paragraph, heading, list item, quote, caption,
/// table cell) on a line of its own, for comparing versions: their changes keep the text's
/// paragraphs.
pub fn text_by_block(html: &str) -> String {
    block_lines(html).join("\n")
}

/// Elements that start and end a line of text: blocks, and what a browser lays out like them
/// inside tables, and `<br>`.
fn breaks_the_line(name: &str) -> bool {
    crate::sanitize::BLOCKS.contains(&name) || ["br", "caption", "td", "th"].contains(&name)
}

/// The text of `html`, a line for each run of text between the edges of blocks, whitespace
/// collapsed, empty lines left out. Parsed as a browser would (entities decoded, nested
/// lists and text beside a block, as the browser's editor writes it, included).
fn block_lines(html: &str) -> Vec<String> {
    let fragment = scraper::Html::parse_fragment(html);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut end_line = |line: &mut String| {
        let text = collapsed(line);
        if !text.is_empty() {
            lines.push(text);
        }
        line.clear();
    };
    for edge in fragment.tree.root().traverse() {
        let (node, opening) = match edge {
            ego_tree::iter::Edge::Open(node) => (node, true),
            ego_tree::iter::Edge::Close(node) => (node, false),
        };
        match node.value() {
            scraper::Node::Text(text) if opening => line.push_str(text),
            scraper::Node::Element(element) if breaks_the_line(element.name()) => {
                end_line(&mut line)
            }
            _ => {}
        }
    }
    end_line(&mut line);
    lines
}

fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words of `text` with their byte ranges.
fn words_with_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start = None;
    for (index, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(index),
            (false, Some(begin)) => {
                ranges.push((begin, index));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(begin) = start {
        ranges.push((begin, text.len()));
    }
    ranges
}

/// About `width` characters of `text` around the first word that starts with one of the
/// folded `words`, with every such word marked. Without a match: the beginning of the text.
pub fn snippet(text: &str, words: &[String], width: usize) -> Vec<SnippetPiece> {
    let ranges = words_with_ranges(text);
    let matches = |&(start, end): &(usize, usize)| {
        let folded = fold(&text[start..end]);
        words.iter().any(|word| folded.starts_with(word.as_str()))
    };
    let first = ranges.iter().position(matches).unwrap_or(0);
    // Start a few words before the first match, where white space ends (or at the start, when
    // the whole text fits or the match is among its first words: an opening quote stays). A
    // word of the index ends at an apostrophe or a hyphen, a word a reader sees does not:
    // "Moldova's" is not cut to "…s".
    let from = if text.chars().count() <= width || first <= 4 {
        0
    } else {
        ranges.get(first - 4).map_or(0, |range| {
            text[..range.0]
                .rfind(char::is_whitespace)
                .map_or(0, |space| {
                    space + text[space..].chars().next().map_or(1, char::len_utf8)
                })
        })
    };
    let mut length = 0;
    let mut end = from;
    for range in ranges.iter().filter(|range| range.0 >= from) {
        length = text[from..range.1].chars().count();
        if length > width {
            break;
        }
        end = range.1;
    }
    end = if length <= width {
        text.len()
    } else {
        text[end..]
            .find(char::is_whitespace)
            .map_or(text.len(), |space| end + space)
    };
    let mut parts = Vec::new();
    let mut push = |piece: &str, marked: bool| {
        if piece.is_empty() {
            return;
        }
        match parts.last_mut() {
            Some(SnippetPiece { text, marked: last }) if *last == marked => text.push_str(piece),
            _ => parts.push(SnippetPiece {
                text: piece.to_string(),
                marked,
            }),
        }
    };
    if from > 0 {
        push("…", false);
    }
    let mut cursor = from;
    for range in ranges.iter().filter(|r| r.0 >= from && r.1 <= end) {
        push(&text[cursor..range.0], false);
        push(&text[range.0..range.1], matches(range));
        cursor = range.1;
    }
    push(&text[cursor..end], false);
    if end < text.len() {
        push("…", false);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_latvian_diacritics() {
        assert_eq!(
            fold("Cīņa pret Cilvēku Tirdzniecību"),
            "cina pret cilveku tirdzniecibu"
        );
        assert_eq!(fold("ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž"), "acegiklnsuz acegiklnsuz");
    }

    #[test]
    fn russian_yo_folds_as_ye_as_readers_type_it() {
        assert_eq!(fold("Кишинёв"), fold("Кишинев"));
        assert_eq!(fold("ПАРТНЁРЫ"), fold("партнеры"));
    }

    #[test]
    fn query_words_keep_letters_and_digits_only() {
        assert_eq!(
            query_words("  Cilvēku   tirdzniecība "),
            vec!["cilvek", "tirdzniecib"]
        );
        assert_eq!(
            query_words("\"moldova\" AND (ES) -x *"),
            vec!["moldov", "and", "es"]
        );
        assert!(
            query_words("a b c 1").is_empty(),
            "lone letters match everything"
        );
        assert!(query_words("*** \" ( ) ^").is_empty());
        assert_eq!(
            query_words("cilve\u{304}ku"),
            vec!["cilvek"],
            "a combining mark is part of its word"
        );
        assert_eq!(query_words(&"vārds ".repeat(200)).len(), MAX_QUERY_WORDS);
        assert_eq!(query_words(&"a".repeat(1000))[0].len(), MAX_WORD_CHARS);
    }

    #[test]
    fn plain_text_drops_tags_and_decodes_entities() {
        assert_eq!(
            plain_text(
                "<p>Viens &amp; <strong>divi</strong></p>\n<ul><li>trīs &lt;4&gt;</li></ul>"
            ),
            "Viens & divi trīs <4>"
        );
    }

    #[test]
    fn text_by_block_keeps_one_line_per_block() {
        let html = "<h2>Kontakti</h2><p>Pirmā\nrindkopa &amp; <em>vēl</em>.</p>\n\
                    <ul><li>viens</li><li>divi<br>trīs</li></ul><p> </p><p>Beigas</p>";
        assert_eq!(
            text_by_block(html),
            "Kontakti\nPirmā rindkopa & vēl.\nviens\ndivi\ntrīs\nBeigas"
        );
        assert_eq!(
            plain_text(html),
            "Kontakti Pirmā rindkopa & vēl. viens divi trīs Beigas"
        );
    }

    #[test]
    fn text_by_block_reads_html_as_a_browser_lays_it_out() {
        for (html, lines) in [
            // Entities beyond XML's five, a non-breaking space among them.
            (
                "<p>2020.&nbsp;gada &lt;augusts&gt; &mdash; &#8222;x&#8220;</p>",
                "2020. gada <augusts> — „x“",
            ),
            // A nested list, and text beside a block, as the browser's editor writes it.
            ("<ul><li>a<ul><li>b</li></ul>c</li></ul>", "a\nb\nc"),
            ("pirmā<div>otrā</div>trešā", "pirmā\notrā\ntrešā"),
            // Table cells, a figure's caption.
            ("<table><tr><td>x</td><td>y</td></tr></table>", "x\ny"),
            (
                "<figure><img src=\"/a.png\" alt=\"\"><figcaption>Attēls</figcaption></figure>",
                "Attēls",
            ),
            ("", ""),
        ] {
            assert_eq!(text_by_block(html), lines, "{html}");
        }
    }

    #[test]
    fn snippets_mark_words_that_start_with_a_query_word() {
        let text = "Latvija un Lietuva sniegs atbalstu Moldovai cīņā pret cilvēku tirdzniecību.";
        let parts = snippet(text, &["cilveku".into(), "tirdzniec".into()], 200);
        let marked: Vec<&str> = parts
            .iter()
            .filter(|p| p.marked)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, vec!["cilvēku", "tirdzniecību"]);
        let whole: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(whole, text);
    }

    #[test]
    fn long_texts_are_cut_around_the_first_match() {
        let text = format!("{} Moldovai {}", "sākums ".repeat(50), "beigas ".repeat(50));
        let parts = snippet(&text, &["moldov".into()], 80);
        let whole: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert!(whole.starts_with('…') && whole.ends_with('…'));
        assert!(whole.chars().count() <= 90, "{whole}");
        assert!(parts.iter().any(|p| p.marked && p.text == "Moldovai"));
    }

    #[test]
    fn a_snippet_starts_and_ends_at_white_space_not_inside_a_word() {
        let text = format!(
            "{} Moldova's institutions in preventing trafficking, {} self-help",
            "start ".repeat(30),
            "end ".repeat(30)
        );
        let parts = snippet(&text, &["trafficking".into()], 60);
        let whole: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert!(whole.starts_with("…Moldova's "), "{whole}");
        // Cut after "self" of "self-help" by width alone: the whole word is kept.
        let text = format!(
            "{} trafficking self-help {}",
            "a ".repeat(40),
            "b ".repeat(40)
        );
        let cut = snippet(&text, &["trafficking".into()], 26);
        let whole: String = cut.iter().map(|p| p.text.as_str()).collect();
        assert!(whole.ends_with("self-help…"), "{whole}");
    }

    #[test]
    fn a_long_text_matched_near_its_start_keeps_its_opening_quote() {
        let text = format!("„Drošs darbs ārzemēs un mājās” — {}", "teksts ".repeat(50));
        // The second word, and the fifth: either way nothing before it is cut.
        for word in ["darb", "maj"] {
            let parts = snippet(&text, &[word.into()], 80);
            let whole: String = parts.iter().map(|p| p.text.as_str()).collect();
            assert!(whole.starts_with("„Drošs darbs"), "{word}: {whole}");
            assert!(whole.ends_with('…'), "{whole}");
        }
    }
}

/// Properties over any text a reader may type.
#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn query_words_are_bounded_and_plain(query in "\\PC{0,400}") {
            let words = query_words(&query);
            prop_assert!(words.len() <= MAX_QUERY_WORDS);
            for word in &words {
                prop_assert!((MIN_WORD_CHARS..=MAX_WORD_CHARS).contains(&word.len()));
                prop_assert!(word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
            }
        }
    }
}
