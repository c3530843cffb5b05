//! Editor and imported HTML is cleaned with an allow-list before it is stored; `SafeHtml`
//! is the only way to hand body HTML to the storage.

use std::sync::LazyLock;

/// HTML that went through the allow-list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafeHtml(String);

impl SafeHtml {
    /// Keeps the structure articles need (paragraphs, headings, lists, quotes, links, tables,
    /// figures and images) and drops scripts, styles, event handlers and unsafe URLs.
    pub fn sanitize(raw: &str) -> Self {
        SafeHtml(CLEANER.clean(raw).to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .add_tags(["figure", "figcaption"])
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"));
    builder
});

#[cfg(test)]
mod tests {
    use super::SafeHtml;

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

    #[test]
    fn drops_scripts_handlers_and_javascript_urls() {
        for payload in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<svg><script>alert(1)</script></svg>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "<iframe src=\"https://evil.example\"></iframe>",
        ] {
            let clean = SafeHtml::sanitize(payload);
            let lower = clean.as_str().to_lowercase();
            assert!(!lower.contains("<script"), "{payload} -> {lower}");
            assert!(!lower.contains("onerror"), "{payload} -> {lower}");
            assert!(!lower.contains("javascript:"), "{payload} -> {lower}");
            assert!(!lower.contains("<iframe"), "{payload} -> {lower}");
            assert!(!lower.contains("style="), "{payload} -> {lower}");
        }
    }
}
