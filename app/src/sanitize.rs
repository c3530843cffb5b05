//! Editor and imported HTML is cleaned with an allow-list before it is stored; `SafeHtml`
//! is the only way to hand body HTML to the storage.

use std::sync::{LazyLock, OnceLock};

mod stored;
mod structure;

pub use stored::clean_stored_bodies;
pub use structure::BLOCKS;

/// The version of the allow-list below and of the body's shape (`structure`). Raise it
/// whenever either changes: bodies stored under an older version are cleaned again each time
/// their row is read (`for_render`) until the server, once started, has stored them cleaned
/// ([`clean_stored_bodies`]).
pub const SANITIZER_VERSION: i32 = 3;

/// Body HTML as stored, ready to render: cleaned again unless this version stored it.
pub fn for_render(body_html: &str, stored_with: i32) -> String {
    if stored_with == SANITIZER_VERSION {
        body_html.to_string()
    } else {
        SafeHtml::sanitize(body_html).html
    }
}

/// HTML that went through the allow-list.
#[derive(Debug, Clone)]
pub struct SafeHtml {
    html: String,
    /// Its plain text, read once. Sanitising an editor's body reads it in the same job off
    /// the request threads, so an article's or event's search text costs the write that
    /// stores it no parse (a translation's is folded from the stored rows, `fold_selected`).
    text: OnceLock<String>,
}

/// Two are the same HTML; the text follows from it.
impl PartialEq for SafeHtml {
    fn eq(&self, other: &Self) -> bool {
        self.html == other.html
    }
}

impl Eq for SafeHtml {}

impl SafeHtml {
    /// Keeps the structure articles need (paragraphs, headings, lists, quotes, links, tables,
    /// figures and images) and drops scripts, styles, event handlers and unsafe URLs.
    ///
    /// The HTML parser can rebuild mis-nested markup (a link inside a table inside a link)
    /// differently when it reads its own output, so the cleaning repeats until nothing changes
    /// (twice at most in practice): stored HTML then cleans to itself.
    pub fn sanitize(raw: &str) -> Self {
        let mut clean = clean_once(raw);
        for _ in 0..MAX_EXTRA_PASSES {
            let again = clean_once(&clean);
            if again == clean {
                break;
            }
            clean = again;
        }
        SafeHtml {
            html: clean,
            text: OnceLock::new(),
        }
    }

    /// `sanitize` off the threads that answer requests: a body of up to 200 kB takes real
    /// CPU time to parse, so it runs in `cpu`.
    pub async fn sanitize_off_thread(raw: String) -> Result<Self, crate::error::AppError> {
        crate::cpu::run(move || {
            let clean = Self::sanitize(&raw);
            clean.plain_text();
            clean
        })
        .await
    }

    /// `sanitize_off_thread` for what an editor sends. A body nested deeper than
    /// [`MAX_NESTING`] is refused first, naming the body: the HTML parser takes such nests in
    /// a time growing with the square of their depth (seconds for 200 kB of lists in lists).
    /// What is stored already is cleaned as it is (`sanitize_off_thread`).
    pub async fn from_editor(raw: String) -> Result<Self, crate::error::AppError> {
        if nested_deeper_than(&raw, MAX_NESTING) {
            let message =
                crate::i18n::Message::new("invalid-body-nesting").number("max", MAX_NESTING as i64);
            return Err(crate::error::AppError::invalid("body", message));
        }
        Self::sanitize_off_thread(raw).await
    }

    pub fn as_str(&self) -> &str {
        &self.html
    }

    /// Its text, blocks joined by spaces (what search folds), read once.
    pub fn plain_text(&self) -> &str {
        self.text
            .get_or_init(|| crate::search::text::plain_text(&self.html))
    }

    /// The clean HTML, for a field that holds it as a string (an editor's fields).
    pub fn into_string(self) -> String {
        self.html
    }
}

/// One pass of the allow-list, then the body's shape (`structure`): text in blocks, items in
/// lists, no empty paragraphs, items or headings.
fn clean_once(html: &str) -> String {
    structure::tidy(&CLEANER.clean(html).to_string())
}

/// How deep an editor's body may nest its elements: lists in lists, quotes in quotes. Text
/// written by people stays within a handful of levels.
pub const MAX_NESTING: usize = 100;

/// Elements that hold nothing, or whose end the parser supplies when the next one starts
/// (`<li>a<li>b`): their start tags do not nest.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "colgroup", "dd", "dt", "embed", "hr", "img", "input", "li",
    "link", "meta", "optgroup", "option", "p", "rb", "rp", "rt", "rtc", "source", "tbody", "td",
    "tfoot", "th", "thead", "tr", "track", "wbr",
];

/// Whether `html`'s elements nest deeper than `max`, read from its tags alone in one pass,
/// without parsing. A start tag opens an element (the self-closing slash means nothing to the
/// parser on others than those in `NOT_NESTING`); an end tag closes the innermost open element
/// only when it names it. What a browser writes (an editor's body) is well formed, so this
/// follows the parser there; on malformed HTML, and on `<` in comments, it counts deeper than
/// the parser would, never shallower, so it errs towards refusing.
fn nested_deeper_than(html: &str, max: usize) -> bool {
    let mut open: Vec<String> = Vec::new();
    for tag in html.split('<').skip(1) {
        let (closing, tag) = match tag.strip_prefix('/') {
            Some(tag) => (true, tag),
            None => (false, tag),
        };
        let name_end = tag
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag.len());
        let name = tag[..name_end].to_ascii_lowercase();
        if !name.starts_with(|c: char| c.is_ascii_alphabetic())
            || NOT_NESTING.contains(&name.as_str())
        {
            continue;
        }
        if !closing {
            open.push(name);
            if open.len() > max {
                return true;
            }
        } else if open.last() == Some(&name) {
            open.pop();
        }
    }
    false
}

/// Cleanings after the first, until the HTML no longer changes.
const MAX_EXTRA_PASSES: usize = 3;

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .add_tags(["figure", "figcaption"])
        // Pasted office text wraps words in spans that mean nothing once their style is gone.
        .rm_tags(["span"])
        // Responsive images: the browser picks a width from `srcset` and loads it lazily.
        .add_tag_attributes("img", ["srcset", "sizes", "loading", "decoding"])
        // ammonia checks `src` but not the URLs inside `srcset`: allow only site paths and
        // http(s) there.
        .attribute_filter(|element, attribute, value| {
            if element == "img" && attribute == "srcset" && !srcset_is_safe(value) {
                None
            } else {
                Some(value.into())
            }
        })
        .url_schemes(crate::paths::LINK_SCHEMES.into_iter().collect())
        .link_rel(Some("noopener noreferrer"));
    builder
});

/// Whether every candidate of a `srcset` is a site path or an http(s) URL.
fn srcset_is_safe(srcset: &str) -> bool {
    srcset.split(',').all(|candidate| {
        is_site_or_web_url(candidate.split_whitespace().next().unwrap_or_default())
    })
}

/// Whether `url` is a path on this site (not `//host`, which leaves it) or an http(s) URL:
/// the only addresses stored content may lead to (image candidates, attachments).
pub fn is_site_or_web_url(url: &str) -> bool {
    (url.starts_with('/') && !url.starts_with("//"))
        || url.starts_with("https://")
        || url.starts_with("http://")
}

/// Whether every image in (sanitised) HTML has a description (`alt`) for readers who cannot
/// see it. Relies on the sanitiser's output, which always quotes attributes.
pub fn images_have_alt_text(html: &str) -> bool {
    html.split("<img").skip(1).all(|rest| {
        let tag = rest.split('>').next().unwrap_or_default();
        tag.split("alt=\"")
            .nth(1)
            .and_then(|value| value.split('"').next())
            .is_some_and(|alt| !alt.trim().is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::{for_render, images_have_alt_text, SafeHtml, SANITIZER_VERSION};

    #[test]
    fn responsive_images_keep_srcset_and_need_alt_text() {
        let clean = SafeHtml::sanitize(
            "<figure><img src=\"/media/a-960.jpg\" srcset=\"/media/a-480.jpg 480w, /media/a-960.jpg 960w\" \
             sizes=\"100vw\" loading=\"lazy\" alt=\"Dalībnieki\" width=\"960\" height=\"640\"></figure>",
        );
        assert!(clean.as_str().contains("srcset=\"/media/a-480.jpg 480w"));
        assert!(clean.as_str().contains("loading=\"lazy\""));
        assert!(images_have_alt_text(clean.as_str()));
        assert!(!images_have_alt_text(
            SafeHtml::sanitize("<img src=\"/media/a.jpg\">").as_str()
        ));
        assert!(!images_have_alt_text(
            SafeHtml::sanitize("<img src=\"/media/a.jpg\" alt=\" \">").as_str()
        ));
        assert!(images_have_alt_text("<p>Bez attēliem</p>"));
    }

    #[test]
    fn a_block_inside_a_paragraph_leaves_no_empty_paragraphs() {
        let clean = SafeHtml::sanitize("<p>Ievads</p><p><ul><li>Viens</li></ul></p><p><br></p>");
        assert_eq!(
            clean.as_str(),
            "<p>Ievads</p><ul><li>Viens</li></ul><p><br></p>",
            "the typed empty line stays"
        );
        assert_eq!(SafeHtml::sanitize("<p></p>").as_str(), "");
        let titled = "<p><a href=\"/news/x\" title=\"&lt;p&gt;&lt;/p&gt;\">x</a></p>";
        assert!(
            SafeHtml::sanitize(titled)
                .as_str()
                .contains("&lt;p&gt;&lt;/p&gt;"),
            "an empty paragraph written in an attribute's text is text"
        );
    }

    #[test]
    fn keeps_article_structure() {
        let html = "<h2>Virsraksts</h2><p>Teksts ar <strong>treknu</strong> un \
                    <a href=\"https://example.lv/x\">saiti</a>.</p><ul><li>viens</li></ul>";
        let clean = SafeHtml::sanitize(html);
        assert!(clean.as_str().contains("<h2>Virsraksts</h2>"));
        assert!(clean.as_str().contains("<strong>treknu</strong>"));
        assert!(clean.as_str().contains("<ul><li>viens</li></ul>"));
        assert!(clean.as_str().contains("href=\"https://example.lv/x\""));
    }

    /// Real-world XSS payloads (script tags, `javascript:` and `data:` links, event-handler
    /// attributes, SVG and MathML tricks, style and CSS expressions, broken markup).
    const PAYLOADS: &[&str] = &[
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" onerror=\"alert(1)\"/>",
        "<body onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"  javascript:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=alert(1)>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<style>@import 'https://evil.example/x.css';</style>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<input autofocus onfocus=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<img src=\"x\" srcset=\"javascript:alert(1)\">",
        "<a href=\"#\" onclick=\"alert(1)\">x</a>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<template><script>alert(1)</script></template>",
        "\"><script>alert(1)</script>",
    ];

    #[test]
    fn no_xss_payload_survives() {
        for payload in PAYLOADS {
            let clean = SafeHtml::sanitize(payload);
            let lower = clean.as_str().to_lowercase();
            for forbidden in [
                "<script",
                "javascript:",
                "vbscript:",
                "data:text",
                "onerror",
                "onload",
                "onclick",
                "onfocus",
                "ontoggle",
                "<iframe",
                "<object",
                "<embed",
                "<style",
                "style=",
                "<form",
                "<input",
                "<meta",
                "<base",
                "<svg",
                "<math",
                "expression(",
            ] {
                assert!(
                    !lower.contains(forbidden),
                    "{payload:?} left {forbidden:?} in {lower:?}"
                );
            }
        }
    }

    #[test]
    fn bodies_from_older_versions_are_cleaned_again() {
        let stored = "<p>Teksts</p><script>alert(1)</script>";
        assert_eq!(for_render(stored, 0), "<p>Teksts</p>");
        let current = SafeHtml::sanitize("<p>Teksts</p>");
        assert_eq!(
            for_render(current.as_str(), SANITIZER_VERSION),
            "<p>Teksts</p>"
        );
    }

    #[test]
    fn pasted_office_text_keeps_its_words_without_their_wrappers() {
        let pasted = "<h1><span class=\"Title\">Ziņojums</span></h1>\
                      <p><span style=\"font-size:11pt\">Teksts <b>ar</b> vārdiem</span></p>";
        assert_eq!(
            SafeHtml::sanitize(pasted).as_str(),
            "<h2>Ziņojums</h2><p>Teksts <b>ar</b> vārdiem</p>"
        );
    }

    #[test]
    fn nesting_is_read_from_the_tags() {
        use super::nested_deeper_than;
        let lists = "<p>Teksts</p><ul><li>Viens<ul><li>Divi</li></ul></li></ul>";
        assert!(nested_deeper_than(lists, 1) && !nested_deeper_than(lists, 2));
        let unclosed = "<ul><li>a<li>b<li>c</ul><p>x<p>y";
        assert!(
            !nested_deeper_than(unclosed, 1),
            "items and paragraphs close themselves"
        );
        assert!(!nested_deeper_than(
            "<p>1 < 2, <br/> <img src=\"/a.jpg\"></p>",
            0
        ));
        let deep = format!("{}x{}", "<ul><li>".repeat(300), "</li></ul>".repeat(300));
        assert!(nested_deeper_than(&deep, 299) && !nested_deeper_than(&deep, 300));
        // End tags that close nothing open, and self-closing slashes, do not hide a nest.
        assert!(nested_deeper_than(&"<div></b>".repeat(200), 100));
        assert!(nested_deeper_than(&"<div/>".repeat(200), 100));
        assert!(nested_deeper_than(&"<b><div></b>".repeat(100), 100));
    }

    #[tokio::test]
    async fn an_editors_body_nested_too_deep_is_refused_naming_the_body() {
        let deep = format!(
            "{}x{}",
            "<blockquote>".repeat(101),
            "</blockquote>".repeat(101)
        );
        let refused = SafeHtml::from_editor(deep).await;
        assert!(
            matches!(&refused, Err(crate::error::AppError::Validation { field, .. }) if field == "body"),
            "{refused:?}"
        );
        let fine = format!(
            "{}x{}",
            "<blockquote>".repeat(100),
            "</blockquote>".repeat(100)
        );
        assert!(SafeHtml::from_editor(fine).await.is_ok());
    }

    #[test]
    fn links_get_safe_rel_attributes() {
        let clean = SafeHtml::sanitize("<a href=\"https://example.lv\">x</a>");
        assert!(clean.as_str().contains("rel=\"noopener noreferrer\""));
    }
}

/// Properties over generated HTML: nothing that runs survives, and cleaning is idempotent.
#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::SafeHtml;

    /// HTML-like text built from pieces hostile input is made of.
    fn hostile_html() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("<script>alert(1)</script>".to_string()),
            Just("<img src=x onerror=alert(1)>".to_string()),
            Just("<a href=\"javascript:alert(1)\">x</a>".to_string()),
            Just("<a href=\"JaVaScRiPt:alert(1)\">x</a>".to_string()),
            Just("<img srcset=\"javascript:alert(1) 1x\">".to_string()),
            Just("<svg onload=alert(1)>".to_string()),
            Just("<iframe src=//evil.example>".to_string()),
            Just("<style>body{}</style>".to_string()),
            Just("<p style=\"x:expression(1)\">".to_string()),
            Just("<!--".to_string()),
            Just("]]>".to_string()),
            "[<>/=\"' a-zA-Zāčēģīķļņšūž0-9&;:()]{0,40}",
            "<(p|b|i|ul|li|h2|a|img|figure|table|td)( [a-z]{1,8}=\"[^\"]{0,20}\")?>",
        ];
        prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn nothing_executable_survives_and_cleaning_twice_changes_nothing(raw in hostile_html()) {
            let clean = SafeHtml::sanitize(&raw);
            // Text keeps its `<` escaped, so every raw `<` left starts a real tag.
            for tag in clean.as_str().split('<').skip(1) {
                let tag = tag.split('>').next().unwrap_or_default().to_lowercase();
                let name = tag.split([' ', '/']).find(|part| !part.is_empty()).unwrap_or_default();
                prop_assert!(
                    !["script", "iframe", "style", "svg", "object", "embed"].contains(&name),
                    "<{tag}> survived"
                );
                prop_assert!(!tag.contains("javascript:"), "<{tag}> survived");
                prop_assert!(!tag.contains("style="), "<{tag}> survived");
                prop_assert!(
                    !tag.split_whitespace().any(|attribute| attribute.starts_with("on")),
                    "<{tag}> has an event handler"
                );
            }
            let again = SafeHtml::sanitize(clean.as_str());
            prop_assert_eq!(again.as_str(), clean.as_str());
        }
    }
}
