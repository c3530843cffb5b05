//! Counting what hostile requests got back, and failing on what broke the rules.

use super::*;

/// Requests sent so far, the answers that broke the rules, and refusals that said nothing.
#[derive(Default)]
pub(super) struct Tally {
    pub(super) sent: usize,
    server_errors: usize,
    problems: Vec<String>,
    silent: Vec<String>,
}

impl Tally {
    /// Sends `request` (described by `what`) and checks the answer: no 5xx, no injected markup
    /// in a page, no redirect off the site. A 4xx with an empty body is noted, not failed.
    pub(super) async fn send(&mut self, site: &Site, what: &str, request: Request<Body>) -> Answer {
        self.sent += 1;
        let answer = site.send(request).await;
        let (status, what, body) = (answer.status, shorten(what), &answer.body);
        let header = |name| {
            answer
                .headers
                .get(name)
                .map(|value| value.to_str().unwrap_or("?"))
        };
        let html = header(header::CONTENT_TYPE).is_some_and(|kind| kind.starts_with("text/html"));
        let off_site =
            |to: &&str| !to.starts_with('/') || to.starts_with("//") || to.contains('\\');
        if status.is_server_error() {
            self.server_errors += 1;
            self.problems
                .push(format!("{status} for {what}: {}", shorten(body)));
        }
        if status.is_client_error() && body.trim().is_empty() {
            self.silent.push(format!("{status} for {what}"));
        }
        if html && (body.contains("<script>alert(1)") || body.contains("<img src=x")) {
            self.problems
                .push(format!("{status} page shows the markup of {what}"));
        }
        if let Some(to) = header(header::LOCATION).filter(off_site) {
            self.problems
                .push(format!("{status} redirects to {to} for {what}"));
        }
        answer
    }

    /// Sends an editor's request; one that is refused must leave the edited items as they were.
    pub(super) async fn send_edit(
        &mut self,
        site: &Site,
        items: (i64, i64),
        what: &str,
        request: Request<Body>,
    ) -> Answer {
        let before = snapshot(site, items).await;
        let answer = self.send(site, what, request).await;
        if answer.status.is_client_error() && snapshot(site, items).await != before {
            let status = answer.status;
            self.problems
                .push(format!("{status} changed the database: {}", shorten(what)));
        }
        answer
    }

    pub(super) fn finish(self, group: &str) {
        println!(
            "hostile {group}: {} requests sent, {} answered 5xx, {} refused with an empty body",
            self.sent,
            self.server_errors,
            self.silent.len()
        );
        for silent in self.silent.iter().take(5) {
            println!("  for example {silent}");
        }
        assert!(
            self.problems.is_empty(),
            "{} problems:\n{}",
            self.problems.len(),
            self.problems.join("\n")
        );
    }
}

/// The editors' desk (unpublished articles, the trash), with every article on it in full.
async fn desk_in_full(site: &Site) -> String {
    let store = &site.store;
    let desk = store.desk().await.expect("desk");
    let mut articles = Vec::new();
    for entry in &desk {
        if entry.kind == app::editing::ItemKind::Article {
            articles.push(store.article(entry.id).await.expect("article on the desk"));
        }
    }
    format!("{desk:?} {articles:?}")
}

/// What an editor can change, as stored: the audit log, what readers see, the drafts and the
/// trash, and the edited article's and event's drafts.
async fn snapshot(site: &Site, (article, event): (i64, i64)) -> String {
    let store = &site.store;
    format!(
        "{:?}",
        (
            store.audit_log(1000, 0, None).await.expect("audit log"),
            store
                .published_articles(app::i18n::Lang::Lv, &[], 1000, 0)
                .await
                .expect("articles"),
            store
                .published_events_ending_after(app::i18n::Lang::Lv, chrono::DateTime::UNIX_EPOCH)
                .await
                .expect("events"),
            desk_in_full(site).await,
            store
                .draft(app::editing::ItemKind::Article, article)
                .await
                .expect("article draft"),
            store
                .draft(app::editing::ItemKind::Event, event)
                .await
                .expect("event draft"),
        )
    )
}
