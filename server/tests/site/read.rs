//! Reading a page as its reader would: the heading, links, lists and text of its main content,
//! found with `scraper` by role, name and text rather than by substrings of the HTML.

use scraper::{ElementRef, Html, Selector};

pub struct Page {
    html: Html,
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|error| panic!("selector {css:?}: {error}"))
}

/// An element's text as shown: runs of white space as one space, none at the ends.
pub fn text_of(element: ElementRef<'_>) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Page {
    pub fn parse(html: &str) -> Self {
        Page {
            html: Html::parse_document(html),
        }
    }

    fn all(&self, css: &str) -> Vec<ElementRef<'_>> {
        self.html.select(&selector(css)).collect()
    }

    /// The language the page says it is in (`<html lang>`).
    pub fn lang(&self) -> String {
        self.attr("html", "lang").unwrap_or_default()
    }

    /// The document's title.
    pub fn title(&self) -> String {
        self.all("title")
            .first()
            .map(|title| text_of(*title))
            .unwrap_or_default()
    }

    /// The page's level-1 heading and the language its text is marked as (its own `lang`).
    pub fn heading(&self) -> (String, Option<String>) {
        let headings = self.all("h1");
        assert_eq!(headings.len(), 1, "a page has one level-1 heading");
        let heading = headings[0];
        (
            text_of(heading),
            heading.value().attr("lang").map(str::to_string),
        )
    }

    /// How many elements match `css`.
    pub fn count(&self, css: &str) -> usize {
        self.all(css).len()
    }

    /// The value of `attribute` on the first element matching `css`.
    pub fn attr(&self, css: &str, attribute: &str) -> Option<String> {
        self.all(css)
            .first()
            .and_then(|element| element.value().attr(attribute))
            .map(str::to_string)
    }

    /// Every value of `attribute` on the elements matching `css`, in page order.
    pub fn attrs(&self, css: &str, attribute: &str) -> Vec<String> {
        self.all(css)
            .into_iter()
            .filter_map(|element| element.value().attr(attribute).map(str::to_string))
            .collect()
    }

    /// The main content's text as shown.
    pub fn main_text(&self) -> String {
        self.all("main")
            .first()
            .map(|main| text_of(*main))
            .unwrap_or_default()
    }

    /// Whether the main content shows `text`.
    pub fn shows(&self, text: &str) -> bool {
        self.main_text().contains(text)
    }

    /// Every link's name (its text, or its `aria-label`) and target, in page order.
    pub fn links(&self) -> Vec<(String, String)> {
        self.all("a[href]")
            .into_iter()
            .map(|link| {
                let name = link
                    .value()
                    .attr("aria-label")
                    .map(str::to_string)
                    .unwrap_or_else(|| text_of(link));
                (
                    name,
                    link.value().attr("href").unwrap_or_default().to_string(),
                )
            })
            .collect()
    }

    /// Whether some link goes to `href`.
    pub fn links_to(&self, href: &str) -> bool {
        self.links().iter().any(|(_, target)| target == href)
    }

    /// The target of the first link whose name contains `name`.
    pub fn link_named(&self, name: &str) -> Option<String> {
        self.links()
            .into_iter()
            .find(|(shown, _)| shown.contains(name))
            .map(|(_, href)| href)
    }

    /// The region (a section, aside or nav) named by the heading that says `heading`
    /// (`aria-labelledby`): its links' names and targets.
    pub fn links_under(&self, heading: &str) -> Vec<(String, String)> {
        let Some(region) = self.all("[aria-labelledby]").into_iter().find(|region| {
            let id = region.value().attr("aria-labelledby").unwrap_or_default();
            self.all(&format!("[id='{id}']"))
                .first()
                .is_some_and(|named| text_of(*named) == heading)
        }) else {
            return Vec::new();
        };
        region
            .select(&selector("a[href]"))
            .map(|link| {
                (
                    text_of(link),
                    link.value().attr("href").unwrap_or_default().to_string(),
                )
            })
            .collect()
    }

    /// Every other language version the page names (`<link rel="alternate" hreflang>`):
    /// its language code and address.
    pub fn alternates(&self) -> Vec<(String, String)> {
        self.all("link[rel='alternate'][hreflang]")
            .into_iter()
            .map(|link| {
                let value = |name| link.value().attr(name).unwrap_or_default().to_string();
                (value("hreflang"), value("href"))
            })
            .collect()
    }

    /// The language (`lang`) the first element matching `css` that shows `text` is marked
    /// with.
    pub fn lang_of(&self, css: &str, text: &str) -> Option<String> {
        self.all(css)
            .into_iter()
            .find(|element| text_of(*element).contains(text))
            .and_then(|element| element.value().attr("lang").map(str::to_string))
    }

    /// Whether the page shows `text` anywhere in its body (header and footer included).
    pub fn says(&self, text: &str) -> bool {
        self.all("body")
            .first()
            .is_some_and(|body| text_of(*body).contains(text))
    }
}
