//! The `<head>` tags every page carries: title, description, canonical URL and OpenGraph.
//! Absolute URLs need the public base URL, which only the server's configuration knows; the
//! app shares it once into the hydrated page.

use leptos::{prelude::*, server::SharedValue};
use leptos_meta::{Link, Meta, Title};

use crate::i18n::Lang;

/// The public base URL (`NOTIKUMI_PUBLIC_URL`), without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteUrl(pub String);

/// Puts the public base URL into context: read from configuration on the server, and from
/// the server's serialised copy while hydrating.
pub fn provide_site_url() {
    let url = SharedValue::new(configured_public_url).into_inner();
    provide_context(SiteUrl(url));
}

/// Empty while the router lists its routes at start-up, when no request (and no state) exists.
#[cfg(feature = "ssr")]
fn configured_public_url() -> String {
    use_context::<crate::state::AppState>()
        .map(|state| state.public_url)
        .unwrap_or_default()
}

/// Never called while hydrating (the server's value is used); the app is not rendered on the
/// client otherwise.
#[cfg(not(feature = "ssr"))]
fn configured_public_url() -> String {
    String::new()
}

/// An absolute URL for a site path.
pub fn absolute_url(path: &str) -> String {
    let site = use_context::<SiteUrl>()
        .map(|site| site.0)
        .unwrap_or_default();
    format!("{site}{path}")
}

/// Title, description, canonical link and OpenGraph tags for the page at `path`.
#[component]
pub fn PageMeta(
    #[prop(into)] title: String,
    #[prop(into)] description: String,
    /// Site path of the canonical page, with any query that belongs to it (`/news?page=2`).
    #[prop(into)]
    path: String,
    /// OpenGraph type.
    #[prop(default = "website")]
    kind: &'static str,
    /// Keeps search engines away (empty calendar periods, search results).
    #[prop(optional)]
    noindex: bool,
    /// The schema.org type of the page's JSON-LD (`WebPage`, `CollectionPage`, `WebSite`),
    /// or `None` where the page writes its own (articles, events).
    #[prop(default = Some("WebPage"))]
    schema: Option<&'static str>,
    /// The languages the page's content exists in, for an article or event (their other
    /// language versions show the Latvian text); every language otherwise.
    #[prop(optional, into)]
    languages: Option<Vec<Lang>>,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let languages = languages.unwrap_or_else(|| Lang::ALL.to_vec());
    let text_lang = lang.canonical_among(&languages);
    let url = absolute_url(&text_lang.href(&path));
    let json_ld = schema.map(|schema| structured_data(schema, lang, &title, &description, &url));
    // The same page in every language, and Latvian for readers whose language is none of them.
    let alternates = languages
        .into_iter()
        .map(|other| (other.code(), absolute_url(&other.href(&path))))
        .chain([("x-default", absolute_url(&path))])
        .map(|(code, href)| view! { <Link rel="alternate" hreflang=code href=href/> })
        .collect_view();
    let og_locale = match text_lang {
        Lang::Lv => "lv_LV",
        Lang::En => "en_GB",
        Lang::Ru => "ru_RU",
    };
    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=description.clone()/>
        <Link rel="canonical" href=url.clone()/>
        {alternates}
        <Meta property="og:type" content=kind/>
        <Meta property="og:site_name" content="Notikumi"/>
        <Meta property="og:title" content=title/>
        <Meta property="og:description" content=description/>
        <Meta property="og:url" content=url/>
        <Meta property="og:locale" content=og_locale/>
        {noindex.then(|| view! { <Meta name="robots" content="noindex"/> })}
        {json_ld.map(|json| view! { <script type="application/ld+json" inner_html=json></script> })}
    }
}

/// schema.org data for a page of the site; the front page (`WebSite`) also tells search
/// engines how to search it. `<` is escaped so no text can close the script element.
fn structured_data(schema: &str, lang: Lang, title: &str, description: &str, url: &str) -> String {
    let site = url.trim_end_matches('/');
    let mut data = serde_json::json!({
        "@context": "https://schema.org",
        "@type": schema,
        "name": title,
        "description": description,
        "url": url,
        "inLanguage": lang.code(),
    });
    if schema == "WebSite" {
        data["potentialAction"] = serde_json::json!({
            "@type": "SearchAction",
            "target": format!("{site}/search?q={{search_term_string}}"),
            "query-input": "required name=search_term_string",
        });
    }
    data.to_string().replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::structured_data;

    #[test]
    fn structured_data_names_the_page_and_cannot_close_its_script() {
        let json = structured_data(
            "WebSite",
            crate::i18n::Lang::Lv,
            "Sākums",
            "</script><script>alert(1)</script>",
            "https://notikumi.example.lv/",
        );
        assert!(!json.contains("</script>"));
        let parsed: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(parsed["@type"], "WebSite");
        assert_eq!(
            parsed["potentialAction"]["target"],
            "https://notikumi.example.lv/search?q={search_term_string}"
        );
    }
}
