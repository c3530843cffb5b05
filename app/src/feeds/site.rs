//! What search engines and feed readers fetch: `/robots.txt`, the sitemap (every published
//! article and event, and every month page that has events, in each language the page exists
//! in, with `hreflang` alternates) and `/feed.xml` (an Atom feed of the newest 50 articles;
//! `/en/feed.xml` and `/ru/feed.xml` carry their translations).
//!
//! The sitemap is an index, `/sitemap.xml`, of parts `/sitemaps/1.xml`, `/sitemaps/2.xml`, …
//! of at most 50,000 addresses each, the protocol's limit: a portal with decades of events
//! outgrows one file, and a search engine ignores a file over the limit.

use std::collections::{BTreeSet, HashSet};

use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
use axum::{
    extract::{Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};
use chrono::{DateTime, Days, Utc};
use quick_xml::escape::escape;

use super::storage_failure;
use crate::{
    calendar::{last_day_covered, recurrence, YearMonth},
    i18n::{tr, Lang},
    state::AppState,
    storage::{self, Store, StoreError},
    timezone,
};

/// Articles in `/feed.xml`.
const FEED_ARTICLES: i64 = 50;

/// Addresses in one part of the sitemap (sitemaps.org's limit).
const URLS_PER_PART: usize = 50_000;

/// How far ahead of today a series without end puts month pages into the sitemap.
const SITEMAP_YEARS_AHEAD: u64 = 2;

pub async fn robots(State(state): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!(
            "User-agent: *\nAllow: /\nSitemap: {}/sitemap.xml\n",
            state.public_url
        ),
    )
        .into_response()
}

/// The months (in Riga) in which `event` has an occurrence, up to `horizon`.
fn event_months(event: &storage::Event, horizon: DateTime<Utc>) -> Vec<YearMonth> {
    let mut months = Vec::new();
    let mut add_span = |start: DateTime<Utc>, end: DateTime<Utc>| {
        let (start, end) = (timezone::local(start), timezone::local(end));
        let mut month = YearMonth::of(start.date());
        let last = YearMonth::of(last_day_covered(start, end));
        while month <= last {
            months.push(month);
            month = month.next();
        }
    };
    match &event.recurrence {
        None => add_span(event.starts_at, event.ends_at),
        Some(series) => {
            let duration = event.ends_at - event.starts_at;
            let until = series.series_end.unwrap_or(horizon).min(horizon);
            // A month has at most 31 daily occurrences; this bounds the expansion.
            let limit = 400 * 12 * (SITEMAP_YEARS_AHEAD as usize + 30);
            match recurrence::occurrences(
                timezone::local(event.starts_at),
                &series.rule,
                &series.exdates,
                duration,
                event.starts_at,
                until,
                limit,
            ) {
                Ok(starts) => starts
                    .into_iter()
                    .for_each(|start| add_span(start, start + duration)),
                Err(error) => tracing::warn!(slug = %event.slug, %error, "sitemap skips a series"),
            }
        }
    }
    months
}

/// A page of the sitemap: its Latvian path and the languages it is written in.
#[derive(Debug, PartialEq, Eq)]
struct SitemapPage {
    path: String,
    langs: Vec<Lang>,
}

impl SitemapPage {
    /// A page of the interface, which every language has.
    fn everywhere(path: String) -> Self {
        SitemapPage {
            path,
            langs: Lang::ALL.to_vec(),
        }
    }
}

/// The items at `slugs` as sitemap pages under `section` (`/news`, `/events`): in Latvian,
/// and in English and Russian where `translated` names them.
fn item_pages(
    section: &str,
    slugs: &[String],
    translated: &[(Lang, HashSet<String>)],
) -> Vec<SitemapPage> {
    slugs
        .iter()
        .map(|slug| SitemapPage {
            path: format!("{section}/{slug}"),
            langs: std::iter::once(Lang::Lv)
                .chain(
                    translated
                        .iter()
                        .filter(|(_, done)| done.contains(slug))
                        .map(|(lang, _)| *lang),
                )
                .collect(),
        })
        .collect()
}

/// Every page the sitemap lists, in order: articles and events in the languages they are
/// translated into, the rest in all three.
async fn sitemap_pages(store: &dyn Store) -> Result<Vec<SitemapPage>, StoreError> {
    let mut pages: Vec<SitemapPage> = ["/", "/calendar", "/news"]
        .map(|path| SitemapPage::everywhere(path.to_string()))
        .into();
    let mut article_slugs = Vec::new();
    loop {
        let page = store
            .published_articles(Lang::Lv, &[], 1_000, article_slugs.len() as i64)
            .await?;
        if page.articles.is_empty() {
            break;
        }
        article_slugs.extend(page.articles.into_iter().map(|article| article.slug));
    }
    let first_day = chrono::NaiveDate::from_ymd_opt(*crate::calendar::YEARS.start(), 1, 1)
        .expect("the calendar's first year has a first of January");
    let events = store
        .published_events_ending_after(Lang::Lv, timezone::start_of_day(first_day))
        .await?;
    let event_slugs: Vec<String> = events.iter().map(|event| event.slug.clone()).collect();
    let (mut translated_articles, mut translated_events) = (Vec::new(), Vec::new());
    for lang in [Lang::En, Lang::Ru] {
        let (articles, events) = store.translated_slugs(lang.code()).await?;
        translated_articles.push((lang, articles.into_iter().collect()));
        translated_events.push((lang, events.into_iter().collect()));
    }
    pages.extend(item_pages("/news", &article_slugs, &translated_articles));
    pages.extend(item_pages("/events", &event_slugs, &translated_events));
    let horizon = timezone::start_of_day(timezone::today() + Days::new(366 * SITEMAP_YEARS_AHEAD));
    let mut months = BTreeSet::new();
    for event in &events {
        months.extend(event_months(event, horizon));
    }
    pages.extend(
        months
            .into_iter()
            .map(|month| SitemapPage::everywhere(month.path())),
    );
    Ok(pages)
}

/// The sitemap's `<url>` entries of `page`: one per language, each naming the others.
fn sitemap_entries(page: &SitemapPage, site_url: &str) -> Vec<String> {
    let url = |lang: Lang| escape(format!("{site_url}{}", lang.href(&page.path))).into_owned();
    let mut alternates = String::new();
    if page.langs.len() > 1 {
        for lang in &page.langs {
            alternates.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                lang.code(),
                url(*lang)
            ));
        }
        alternates.push_str(&format!(
            "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n",
            url(Lang::Lv)
        ));
    }
    page.langs
        .iter()
        .map(|lang| {
            format!(
                "  <url>\n    <loc>{}</loc>\n{alternates}  </url>\n",
                url(*lang)
            )
        })
        .collect()
}

/// Every `<url>` entry of the sitemap, in order.
async fn sitemap_urls(state: &AppState) -> Result<Vec<String>, StoreError> {
    Ok(sitemap_pages(state.store.as_ref())
        .await?
        .iter()
        .flat_map(|page| sitemap_entries(page, &state.public_url))
        .collect())
}

/// How many parts `urls` addresses fill (one, empty, for a site without content).
fn part_count(urls: usize) -> usize {
    urls.div_ceil(URLS_PER_PART).max(1)
}

fn xml_response(xml: String) -> Response {
    (
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        xml,
    )
        .into_response()
}

/// `/sitemap.xml`: the index of the sitemap's parts.
pub async fn sitemap_index(State(state): State<AppState>) -> Response {
    let urls = match sitemap_urls(&state).await {
        Ok(urls) => urls,
        Err(error) => return storage_failure(error, Lang::Lv),
    };
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for part in 1..=part_count(urls.len()) {
        xml.push_str(&format!(
            "  <sitemap>\n    <loc>{}/sitemaps/{part}.xml</loc>\n  </sitemap>\n",
            escape(state.public_url.as_str())
        ));
    }
    xml.push_str("</sitemapindex>\n");
    xml_response(xml)
}

/// `/sitemaps/{n}.xml`: the `n`th 50,000 addresses, counting from 1.
pub async fn sitemap_part(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let wanted = file
        .strip_suffix(".xml")
        .and_then(|number| number.parse::<usize>().ok())
        .filter(|number| *number >= 1);
    let urls = match sitemap_urls(&state).await {
        Ok(urls) => urls,
        Err(error) => return storage_failure(error, Lang::Lv),
    };
    let Some(part) = wanted.filter(|part| *part <= part_count(urls.len())) else {
        return (StatusCode::NOT_FOUND, tr(Lang::Lv, "error-not-found-text")).into_response();
    };
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for url in urls
        .iter()
        .skip((part - 1) * URLS_PER_PART)
        .take(URLS_PER_PART)
    {
        xml.push_str(url);
    }
    xml.push_str("</urlset>\n");
    xml_response(xml)
}

/// Text as XML 1.0 allows it: the control characters it forbids (a vertical tab pasted from
/// a word processor) would make the whole feed unreadable, so they are dropped.
fn xml_text(value: &str) -> String {
    value
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || !(c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}')
        })
        .collect()
}

/// Text in `lang`, marked as such when it is not the feed's language.
fn text_in(value: &str, lang: Lang, feed_lang: Lang) -> Text {
    Text {
        lang: (lang != feed_lang).then(|| lang.code().to_string()),
        ..Text::plain(xml_text(value))
    }
}

/// An entry's permanent id, one per language's feed: it stays when the article's address or
/// the site's scheme changes, so feed readers do not show the article again as a new one. An
/// RFC 4151 `tag:` names the site by its domain; a site served from an IP address or a port
/// of its own has no domain a `tag:` may name, and gets a name-based UUID of the same parts.
fn entry_id(article: &storage::Article, feed_lang: Lang, site_url: &str) -> String {
    let created = article.created_at.format("%Y-%m-%d");
    let site = super::SiteName::of(site_url);
    let lang = match feed_lang {
        Lang::Lv => String::new(),
        other => format!("-{}", other.code()),
    };
    let specific = format!("{created}:article-{}{lang}", article.id);
    if site.domain && site.port.is_none() {
        format!("tag:{site},{specific}")
    } else {
        let name = format!("{site},{specific}");
        let id = uuid::Uuid::new_v3(&uuid::Uuid::NAMESPACE_URL, name.as_bytes());
        format!("urn:uuid:{id}")
    }
}

/// `article` as an entry of the feed in `feed_lang` (its text, or some parts of it, may be in
/// Latvian).
fn atom_entry(article: &storage::Article, feed_lang: Lang, site_url: &str) -> Entry {
    let langs = article.part_langs;
    let url = format!(
        "{site_url}{}",
        feed_lang.href(&crate::paths::article(&article.slug))
    );
    Entry {
        title: text_in(&article.title, langs.title, feed_lang),
        id: entry_id(article, feed_lang, site_url),
        updated: article.updated_at.max(article.published_at).fixed_offset(),
        published: Some(article.published_at.fixed_offset()),
        links: vec![Link {
            href: url,
            rel: "alternate".into(),
            mime_type: Some("text/html".into()),
            ..Link::default()
        }],
        summary: (!article.lead.is_empty()).then(|| text_in(&article.lead, langs.lead, feed_lang)),
        content: Some(Content {
            value: Some(xml_text(&article.body_html)),
            content_type: Some("html".into()),
            lang: (langs.body != feed_lang).then(|| langs.body.code().to_string()),
            ..Content::default()
        }),
        ..Entry::default()
    }
}

/// `/feed.xml`, `/en/feed.xml`, `/ru/feed.xml`.
pub async fn atom_feed(State(state): State<AppState>, lang: Lang) -> Response {
    // Each article in `lang` where it has that translation.
    let articles = match state
        .store
        .published_articles(lang, &[], FEED_ARTICLES, 0)
        .await
    {
        Ok(page) => page.articles,
        Err(error) => return storage_failure(error, lang),
    };
    let site_url = &state.public_url;
    let entries: Vec<Entry> = articles
        .iter()
        .map(|article| atom_entry(article, lang, site_url))
        .collect();
    let updated = entries
        .iter()
        .map(|entry| entry.updated)
        .max()
        .unwrap_or_else(|| Utc::now().fixed_offset());
    let feed = Feed {
        title: Text::plain(tr(lang, "feed-title")),
        id: format!("{site_url}{}", lang.href("/news")),
        updated,
        authors: vec![Person {
            name: "Notikumi".into(),
            uri: Some(format!("{site_url}/")),
            ..Person::default()
        }],
        links: vec![
            Link {
                href: format!("{site_url}{}", lang.href("/feed.xml")),
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Link::default()
            },
            Link {
                href: format!("{site_url}{}", lang.href("/news")),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Link::default()
            },
        ],
        lang: Some(lang.code().into()),
        entries,
        ..Feed::default()
    };
    (
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        feed.to_string(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{Category, Recurrence, Status};
    use crate::test_dates::utc;
    use chrono::Datelike;

    fn event(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> storage::Event {
        storage::Event {
            id: 1,
            slug: "e".into(),
            title: "E".into(),
            summary: String::new(),
            body_html: String::new(),
            starts_at,
            ends_at,
            all_day: false,
            location: String::new(),
            category: None::<Category>,
            recurrence: None,
            status: Status::Published,
            was_published: true,
            trashed_at: None,
            version: 1,
            created_at: starts_at,
            updated_at: starts_at,
            part_langs: Default::default(),
        }
    }

    #[test]
    fn an_entry_has_a_permanent_id_and_only_characters_xml_allows() {
        let published = utc(2021, 5, 3, 7, 0);
        let article = storage::Article {
            id: 7,
            slug: "zina".into(),
            title: "Ziņa\u{b}ar vertikālu tabulāciju\u{8}".into(),
            lead: "Ievads\u{1}".into(),
            body_html: "<p>Teksts\u{c}</p>".into(),
            contact: String::new(),
            published_at: published,
            category: None,
            event_id: None,
            status: Status::Published,
            was_published: true,
            trashed_at: None,
            version: 1,
            created_at: published,
            updated_at: published,
            part_langs: Default::default(),
        };
        let english = atom_entry(&article, Lang::En, "https://x.lv");
        assert_eq!(english.id, "tag:x.lv,2021-05-03:article-7-en");
        let entry = atom_entry(&article, Lang::Lv, "https://x.lv");
        assert_eq!(entry.id, "tag:x.lv,2021-05-03:article-7");
        // No `tag:` can name an IP address or a port; each site's ids are still its own.
        let ids: Vec<_> = [
            "http://127.0.0.1:3000",
            "http://127.0.0.1:3001",
            "https://x.lv:8443",
        ]
        .map(|site| atom_entry(&article, Lang::Lv, site).id)
        .to_vec();
        for id in &ids {
            assert!(id.starts_with("urn:uuid:"), "{id}");
        }
        assert_eq!(
            ids.iter().collect::<std::collections::HashSet<_>>().len(),
            3,
            "{ids:?}"
        );
        assert_eq!(
            atom_entry(&article, Lang::Lv, "http://127.0.0.1:3000").id,
            ids[0],
            "the same each time"
        );
        let feed = Feed {
            entries: vec![entry],
            ..Feed::default()
        }
        .to_string();
        assert!(feed.contains("Ziņaar vertikālu tabulāciju"), "{feed}");
        assert!(
            !feed
                .chars()
                .any(|c| c < ' ' && !matches!(c, '\t' | '\n' | '\r')),
            "{feed:?}"
        );
    }

    #[test]
    fn the_sitemap_is_cut_into_parts_of_at_most_fifty_thousand_addresses() {
        assert_eq!(part_count(0), 1);
        assert_eq!(part_count(URLS_PER_PART), 1);
        assert_eq!(part_count(URLS_PER_PART + 1), 2);
        assert_eq!(part_count(3 * URLS_PER_PART), 3);
    }

    #[test]
    fn a_page_has_one_entry_per_language_naming_the_others() {
        let page = SitemapPage {
            path: "/news/a".into(),
            langs: vec![Lang::Lv, Lang::En],
        };
        let entries = sitemap_entries(&page, "https://x.lv");
        assert_eq!(entries.len(), 2);
        for entry in &entries {
            assert!(entry.contains(r#"hreflang="en" href="https://x.lv/en/news/a""#));
            assert!(entry.contains(r#"hreflang="x-default" href="https://x.lv/news/a""#));
        }
    }

    #[test]
    fn an_event_lists_every_month_it_touches() {
        let months = event_months(
            &event(utc(2020, 7, 30, 7, 0), utc(2020, 9, 2, 7, 0)),
            utc(2030, 1, 1, 0, 0),
        );
        let paths: Vec<String> = months.iter().map(|m| m.path()).collect();
        assert_eq!(
            paths,
            vec![
                "/calendar/2020/07",
                "/calendar/2020/08",
                "/calendar/2020/09"
            ]
        );
    }

    #[test]
    fn a_series_lists_its_occurrence_months_up_to_the_horizon() {
        let mut yearly = event(utc(2018, 10, 18, 7, 0), utc(2018, 10, 18, 9, 0));
        yearly.recurrence = Some(Recurrence {
            rule: "FREQ=YEARLY".into(),
            exdates: Vec::new(),
            series_end: None,
        });
        let months = event_months(&yearly, utc(2021, 1, 1, 0, 0));
        let paths: Vec<String> = months.iter().map(|m| m.path()).collect();
        assert_eq!(
            paths,
            vec![
                "/calendar/2018/10",
                "/calendar/2019/10",
                "/calendar/2020/10"
            ]
        );
        assert_eq!(months[0].year, 2018);
        assert!(months
            .iter()
            .all(|m| m.month == 10 && m.first_day().month() == 10));
    }
}
