//! The audit log's pages hold still while editors work on: lines written after its first
//! page was read do not push its other pages along, so no line shows twice or never.

use app::{
    sanitize::SafeHtml,
    storage::{Audit, NewArticle, Status},
};

use super::*;
use crate::{
    racing::{audit_page, newsroom},
    read::Page,
};

/// Creates article `n`, logged as Anna's.
async fn created(site: &Site, n: usize) {
    let article = NewArticle {
        title: format!("Ziņa {n}"),
        lead: "Ievads.".to_string(),
        body_html: SafeHtml::sanitize("<p>Teksts.</p>"),
        contact: String::new(),
        published_at: chrono::Utc::now(),
        category: None,
        event: None,
        attachments: Vec::new(),
        status: Status::Draft,
    };
    let audit = Audit {
        actor: "anna@example.lv",
        action: "created",
    };
    site.store
        .create_article(&article, Some(audit))
        .await
        .expect("stored");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_audit_logs_pages_hold_still_while_lines_are_written() {
    let (site, [_, janis]) = newsroom().await;
    for n in 1..=60 {
        created(&site, n).await;
    }
    let first = audit_page(&site, &janis, 1, None).await;
    assert!(first.older, "more than a page");
    assert_eq!(first.lines[0].item, "Ziņa 60", "newest first");
    let upto = first.upto;
    assert!(upto.is_some(), "the listing names where it starts");
    let last_shown = first.lines.last().map(|line| line.item.clone());

    // Two more lines, written while the first page is read.
    created(&site, 61).await;
    created(&site, 62).await;
    let second = audit_page(&site, &janis, 2, upto).await;
    let shown_first: Vec<&str> = first.lines.iter().map(|line| line.item.as_str()).collect();
    assert!(
        second
            .lines
            .iter()
            .all(|line| !shown_first.contains(&line.item.as_str())),
        "no line of the first page again"
    );
    let number = |item: &str| item.trim_start_matches("Ziņa ").parse::<usize>().ok();
    assert_eq!(
        second.lines.first().and_then(|line| number(&line.item)),
        last_shown.as_deref().and_then(number).map(|n| n - 1),
        "the second page goes on where the first stopped"
    );
    // Read as the log is now, the second page would begin with the first's last lines.
    let drifted = audit_page(&site, &janis, 2, None).await;
    assert_eq!(
        drifted.lines.first().map(|line| &line.item),
        first.lines.get(48).map(|line| &line.item)
    );
    // A listing that starts on page 2 (an old bookmark) holds still from the newest line,
    // so its link back to page 1 shows the lines before its own.
    let newest = audit_page(&site, &janis, 1, None).await;
    assert_eq!(drifted.upto, newest.upto);
    assert_eq!(newest.lines[0].item, "Ziņa 62");

    // The page's link to the next page carries where its listing started.
    let page = site.get_as("/editor/audit", &janis).await;
    let upto = Page::parse(&page.body)
        .link_named("Nākamā lapa")
        .expect("a link to the next page");
    assert!(upto.starts_with("/editor/audit?page=2&upto="), "{upto}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_empty_audit_log_says_so_and_a_page_past_its_last_is_not_found() {
    let (site, [_, janis]) = newsroom().await;
    let empty = site.get_as("/editor/audit", &janis).await;
    assert_eq!(empty.status, StatusCode::OK);
    let empty = Page::parse(&empty.body);
    assert!(empty.says("Žurnālā vēl nav nevienas darbības"));
    assert_eq!(empty.count("table"), 0, "no empty table");
    assert_eq!(empty.link_named("Nākamā lapa"), None);

    created(&site, 1).await;
    let first = Page::parse(&site.get_as("/editor/audit", &janis).await.body);
    assert_eq!(first.count("tbody tr"), 1);
    assert!(!first.says("Žurnālā vēl nav nevienas darbības"));
    for address in [
        "/editor/audit?page=2",
        "/editor/audit?page=99999",
        "/editor/audit?page=0",
        "/editor/audit?page=viens",
    ] {
        let past = site.get_as(address, &janis).await;
        assert_eq!(past.status, StatusCode::NOT_FOUND, "{address}");
        let past = Page::parse(&past.body);
        assert!(past.says("Lapa nav atrasta"), "{address}");
        assert_eq!(past.link_named("Iepriekšējā lapa"), None, "{address}");
    }
}
