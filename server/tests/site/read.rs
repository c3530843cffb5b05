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

    /// The text of each element matching `css`, as shown, in page order.
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.all(css).into_iter().map(text_of).collect()
    }

    /// Whether the main content shows `text`.
    pub fn shows(&self, text: &str) -> bool {
        self.main_text().contains(text)
    }

    /// Every link's name (its text, or its `aria-label`) and target, in page order.
    pub fn links(&self) -> Vec<(String, String)> {
        self.all("a[href]").into_iter().map(named_link).collect()
    }

    /// The links marked as the page the reader is on (`aria-current="page"`): names and
    /// targets.
    pub fn current_links(&self) -> Vec<(String, String)> {
        self.all("a[href][aria-current='page']")
            .into_iter()
            .map(named_link)
            .collect()
    }

    /// The links in the region labelled `label` (`aria-label`, as on a nav): names and
    /// targets; none if the page has no such region.
    pub fn links_in(&self, label: &str) -> Vec<(String, String)> {
        self.all("[aria-label]")
            .into_iter()
            .find(|region| region.value().attr("aria-label") == Some(label))
            .map(links_of)
            .unwrap_or_default()
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
    /// (`aria-labelledby`).
    fn region_under(&self, heading: &str) -> Option<ElementRef<'_>> {
        self.all("[aria-labelledby]").into_iter().find(|region| {
            let id = region.value().attr("aria-labelledby").unwrap_or_default();
            self.all(&format!("[id='{id}']"))
                .first()
                .is_some_and(|named| text_of(*named) == heading)
        })
    }

    /// The region named by the heading that says `heading` (`aria-labelledby`): its links'
    /// names and targets.
    pub fn links_under(&self, heading: &str) -> Vec<(String, String)> {
        self.region_under(heading).map(links_of).unwrap_or_default()
    }

    /// The text of the region named by the heading that says `heading` (`aria-labelledby`),
    /// as shown; empty if there is no such region.
    pub fn text_under(&self, heading: &str) -> String {
        self.region_under(heading).map(text_of).unwrap_or_default()
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

    /// The labels of the ticked checkboxes and chosen radio buttons, in page order.
    pub fn ticked(&self) -> Vec<String> {
        self.all("input[type='checkbox'][checked], input[type='radio'][checked]")
            .into_iter()
            .map(|input| {
                let id = input.value().id().unwrap_or_default();
                self.all(&format!("label[for='{id}']"))
                    .first()
                    .map(|label| text_of(*label))
                    .or_else(|| input.value().attr("aria-label").map(str::to_string))
                    .unwrap_or_default()
            })
            .collect()
    }

    /// The page's structured data for search engines: each JSON-LD block, parsed.
    pub fn structured_data(&self) -> Vec<serde_json::Value> {
        self.all("script[type='application/ld+json']")
            .into_iter()
            .map(|script| {
                let json = script.text().collect::<String>();
                serde_json::from_str(&json)
                    .unwrap_or_else(|error| panic!("JSON-LD {json:?}: {error}"))
            })
            .collect()
    }
}

/// The names and targets of the links inside `region`.
fn links_of(region: ElementRef<'_>) -> Vec<(String, String)> {
    region
        .select(&selector("a[href]"))
        .map(named_link)
        .collect()
}

/// A link's (or a link-like control's) name, its `aria-label` or else its text, and its
/// target (empty for a control without `href`).
fn named_link(link: ElementRef<'_>) -> (String, String) {
    let name = link
        .value()
        .attr("aria-label")
        .map(str::to_string)
        .unwrap_or_else(|| text_of(link));
    let href = link.value().attr("href").unwrap_or_default().to_string();
    (name, href)
}
