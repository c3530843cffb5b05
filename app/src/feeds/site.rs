//! What search engines and feed readers fetch: `/robots.txt`, `/sitemap.xml` (every
//! published article and event, and every month page that has events) and `/feed.xml`
//! (an Atom feed of the newest 50 articles).

use std::collections::BTreeSet;

use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
use axum::{
    extract::State,
    http::header,
    response::{IntoResponse, Response},
};
use chrono::{DateTime, Days, Utc};
use quick_xml::escape::escape;

use super::storage_failure;
use crate::{
    calendar::{last_day_covered, recurrence, YearMonth},
    state::AppState,
    storage::{self, Store, StoreError},
    timezone,
};

/// Articles in `/feed.xml`.
const FEED_ARTICLES: i64 = 50;

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

/// Every URL the sitemap lists, in order.
async fn sitemap_urls(store: &dyn Store, site_url: &str) -> Result<Vec<String>, StoreError> {
    let mut urls = vec![
        format!("{site_url}/"),
        format!("{site_url}/calendar"),
        format!("{site_url}/news"),
    ];
    let mut offset = 0;
    loop {
        let page = store.published_articles(&[], 1_000, offset).await?;
        if page.articles.is_empty() {
            break;
        }
        offset += page.articles.len() as i64;
        urls.extend(
            page.articles
                .iter()
                .map(|article| format!("{site_url}/news/{}", article.slug)),
        );
    }
    let horizon = timezone::start_of_day(timezone::today() + Days::new(366 * SITEMAP_YEARS_AHEAD));
    let mut months = BTreeSet::new();
    for event in store.published_events().await? {
        urls.push(format!("{site_url}/events/{}", event.slug));
        months.extend(event_months(&event, horizon));
    }
    urls.extend(
        months
            .into_iter()
            .map(|month| format!("{site_url}{}", month.path())),
    );
    Ok(urls)
}

pub async fn sitemap(State(state): State<AppState>) -> Response {
    let urls = match sitemap_urls(state.store.as_ref(), &state.public_url).await {
        Ok(urls) => urls,
        Err(error) => return storage_failure(error),
    };
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in urls {
        xml.push_str(&format!("  <url><loc>{}</loc></url>\n", escape(&url)));
    }
    xml.push_str("</urlset>\n");
    (
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        xml,
    )
        .into_response()
}

fn atom_entry(article: &storage::Article, site_url: &str) -> Entry {
    let url = format!("{site_url}/news/{}", article.slug);
    Entry {
        title: Text::plain(article.title.clone()),
        id: url.clone(),
        updated: article.updated_at.max(article.published_at).fixed_offset(),
        published: Some(article.published_at.fixed_offset()),
        links: vec![Link {
            href: url,
            rel: "alternate".into(),
            mime_type: Some("text/html".into()),
            ..Link::default()
        }],
        summary: (!article.lead.is_empty()).then(|| Text::plain(article.lead.clone())),
        content: Some(Content {
            value: Some(article.body_html.clone()),
            content_type: Some("html".into()),
            ..Content::default()
        }),
        ..Entry::default()
    }
}

pub async fn atom_feed(State(state): State<AppState>) -> Response {
    let page = match state.store.published_articles(&[], FEED_ARTICLES, 0).await {
        Ok(page) => page,
        Err(error) => return storage_failure(error),
    };
    let site_url = &state.public_url;
    let entries: Vec<Entry> = page
        .articles
        .iter()
        .map(|article| atom_entry(article, site_url))
        .collect();
    let updated = entries
        .iter()
        .map(|entry| entry.updated)
        .max()
        .unwrap_or_else(|| Utc::now().fixed_offset());
    let feed = Feed {
        title: Text::plain("Notikumi — jaunumi"),
        id: format!("{site_url}/news"),
        updated,
        authors: vec![Person {
            name: "Notikumi".into(),
            uri: Some(format!("{site_url}/")),
            ..Person::default()
        }],
        links: vec![
            Link {
                href: format!("{site_url}/feed.xml"),
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Link::default()
            },
            Link {
                href: format!("{site_url}/news"),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Link::default()
            },
        ],
        lang: Some("lv".into()),
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
    use chrono::{Datelike, TimeZone};

    fn utc(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .expect("valid")
    }

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
            version: 1,
            created_at: starts_at,
            updated_at: starts_at,
        }
    }

    #[test]
    fn an_event_lists_every_month_it_touches() {
        let months = event_months(
            &event(utc(2020, 7, 30, 7), utc(2020, 9, 2, 7)),
            utc(2030, 1, 1, 0),
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
        let mut yearly = event(utc(2018, 10, 18, 7), utc(2018, 10, 18, 9));
        yearly.recurrence = Some(Recurrence {
            rule: "FREQ=YEARLY".into(),
            exdates: Vec::new(),
            series_end: None,
        });
        let months = event_months(&yearly, utc(2021, 1, 1, 0));
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
