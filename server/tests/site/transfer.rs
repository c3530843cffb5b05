//! `notikumi export` and `import` (`app::storage::transfer`): a site moved from one kind of
//! database to the other and back comes back row for row, and works where it lands: its
//! editors sign in with their passwords, its pages show the last published text, its
//! history, drafts and translations are there.

use app::editing::{
    event_fields::{EditableEvent, EventFields, EventSave},
    ChangeAddress, EditableArticle, GetEditableArticle, GetEditableEvent, ItemKind, ItemRef,
    PublishArticle, SaveDraft, SaveEvent, SaveEventDraft, Saved, SettingsSaved,
};
use http::StatusCode;

use crate::{
    common::{fresh_database_on, on_postgres, PASSWORD},
    racing::{article_save, ask, call, newsroom, open, LAUNCH, WEBINAR},
};

/// Every import here goes into a new database, as `notikumi import` does.
const NOTHING_YET: app::storage::transfer::Receiving = app::storage::transfer::Receiving::Nothing;

/// A demo article the other journeys leave alone.
const INSPECTORS: &str = "darba-inspektori-macas-atpazit-darba-ekspluataciju";

/// `site` as SQLite keeps it: instants in whole seconds (PostgreSQL keeps microseconds).
fn in_whole_seconds(
    site: &app::storage::transfer::SiteExport,
) -> app::storage::transfer::SiteExport {
    let mut site = site.clone();
    for value in site
        .tables
        .iter_mut()
        .flat_map(|table| table.rows.iter_mut().flatten())
    {
        if let serde_json::Value::String(text) = value {
            let fraction = text.len() > 20
                && text.ends_with('Z')
                && chrono::DateTime::parse_from_rfc3339(text).is_ok()
                && text.as_bytes().get(19) == Some(&b'.');
            if fraction {
                *text = format!("{}Z", &text[..19]);
            }
        }
    }
    site
}

fn rows_of(site: &app::storage::transfer::SiteExport, table: &str) -> usize {
    site.tables
        .iter()
        .find(|found| found.name == table)
        .map_or(0, |found| found.rows.len())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_site_moves_to_the_other_database_and_back_unchanged() {
    let (site, editors) = newsroom().await;
    let title = "Pārcelts kopā ar vietni";
    let before = open(&site, &editors[0]).await;
    let _: Saved<_> = ask(
        &site,
        &PublishArticle {
            save: article_save(&before, title, "Teksts, kas pārceļas"),
        },
        &editors[0],
    )
    .await;
    let drafted = call(
        &SaveDraft {
            save: article_save(&open(&site, &editors[1]).await, "Melnraksts", "Vēl top"),
        },
        &editors[1],
    )
    .send(&site)
    .await;
    assert_eq!(drafted.status, StatusCode::OK, "{}", drafted.body);
    // An event saved (a revision) and then drafted on.
    let event_save = |event: &EditableEvent, location: &str| EventSave {
        id: event.id,
        base_version: event.version,
        draft_version: 0,
        writer: crate::saves::next_save_of(&event.writer),
        fields: EventFields {
            location: location.into(),
            ..event.current.clone()
        },
    };
    let webinar = || GetEditableEvent {
        slug: WEBINAR.into(),
    };
    let event: EditableEvent = ask(&site, &webinar(), &editors[0]).await;
    let _: Saved<_> = ask(
        &site,
        &SaveEvent {
            save: event_save(&event, "Zāle 7"),
        },
        &editors[0],
    )
    .await;
    let event: EditableEvent = ask(&site, &webinar(), &editors[1]).await;
    let _: Saved<_> = ask(
        &site,
        &SaveEventDraft {
            save: event_save(&event, "Zāle 8"),
        },
        &editors[1],
    )
    .await;

    // An article moved to a new address, whose old one leads on.
    let inspectors = GetEditableArticle {
        slug: INSPECTORS.into(),
    };
    let inspectors: EditableArticle = ask(&site, &inspectors, &editors[0]).await;
    let moving = ChangeAddress {
        item: ItemRef {
            kind: ItemKind::Article,
            id: inspectors.id,
        },
        version: inspectors.version,
        slug: "darba-inspektoru-macibas".into(),
    };
    let _: SettingsSaved = ask(&site, &moving, &editors[0]).await;

    let exported = site.store.export_site().await.expect("the site exports");
    // Every table that travels has rows to travel, so every column is compared below.
    assert_eq!(exported.tables.len(), 13);
    for table in &exported.tables {
        assert!(!table.rows.is_empty(), "{} has no rows", table.name);
    }
    assert_eq!(
        (rows_of(&exported, "users"), rows_of(&exported, "articles")),
        (2, 16)
    );
    let as_json = serde_json::to_string(&exported).expect("serialises");
    assert!(as_json.contains(title));
    assert!(!as_json.contains(PASSWORD), "hashes only, never a password");

    // To the other kind of database, which then holds the very same rows (to the second, when
    // SQLite is one of the two) …
    let (url, path) = fresh_database_on(!on_postgres()).await;
    let moved = site.another_site_on(url, path).await;
    moved
        .store
        .import_site(&exported, NOTHING_YET)
        .await
        .expect("the export imports");
    let there = moved.store.export_site().await.expect("exports again");
    assert_eq!(there, in_whole_seconds(&exported));
    // … and works: the page, the editor's password, the draft, new rows after the old ids.
    let (status, page) = moved.get(&app::paths::article(LAUNCH)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(title));
    let (status, _) = moved.get(&app::paths::article(INSPECTORS)).await;
    assert_eq!(
        status,
        StatusCode::PERMANENT_REDIRECT,
        "the old address came along"
    );
    let signed_in = moved
        .sign_in_from([10, 0, 0, 1], "anna@example.lv", PASSWORD)
        .await;
    let cookie = signed_in
        .session_cookie()
        .expect("the editor signs in as before");
    let reopened = open(&moved, &cookie).await;
    assert_eq!(
        reopened
            .draft
            .as_ref()
            .map(|draft| draft.fields.title.as_str()),
        Some("Melnraksts"),
        "the draft in progress came along"
    );
    let _: Saved<_> = ask(
        &moved,
        &PublishArticle {
            save: article_save(&reopened, "Pēc pārcelšanas", "Jauns teksts"),
        },
        &cookie,
    )
    .await;

    // Importing into a site that has content is refused, and changes nothing.
    let refused = moved
        .store
        .import_site(&exported, NOTHING_YET)
        .await
        .expect_err("a site with content refuses an import")
        .to_string();
    assert!(refused.contains("already holds"), "{refused}");
    let (_, page) = moved.get(&app::paths::article(LAUNCH)).await;
    assert!(page.contains("Pēc pārcelšanas"));

    // And back to the first kind: the same rows again.
    let (url, path) = fresh_database_on(on_postgres()).await;
    let back = site.another_site_on(url, path).await;
    // A file with a fraction where a whole number belongs is refused on either backend,
    // naming the column, and leaves the site empty (the whole file imports next).
    let mut broken = there.clone();
    let events = broken
        .tables
        .iter_mut()
        .find(|table| table.name == "events" && !table.rows.is_empty())
        .expect("events travel");
    let version = events.columns.iter().position(|column| column == "version");
    events.rows[0][version.expect("a version column")] = serde_json::json!(1.5);
    let refused = back
        .store
        .import_site(&broken, NOTHING_YET)
        .await
        .expect_err("refused");
    let refused = refused.to_string();
    assert!(
        refused.contains("events.version") && refused.contains("1.5"),
        "{refused}"
    );
    back.store
        .import_site(&there, NOTHING_YET)
        .await
        .expect("imports back");
    assert_eq!(back.store.export_site().await.expect("exports"), there);
}

/// `file` with `column` of the first row of `table` set to `value`.
fn with_value(
    file: &app::storage::transfer::SiteExport,
    table: &str,
    column: &str,
    value: serde_json::Value,
) -> app::storage::transfer::SiteExport {
    let mut file = file.clone();
    let table = file
        .tables
        .iter_mut()
        .find(|found| found.name == table && !found.rows.is_empty())
        .expect("a table with rows");
    let at = table.columns.iter().position(|found| found == column);
    table.rows[0][at.expect("the column")] = value;
    file
}

/// A file is taken only as the site would have stored it, on either backend: its bodies are
/// cleaned by this version's allow-list whatever it says cleaned them, and a value of the
/// wrong type, a colour that is no colour or a row the database refuses is named (table,
/// column or row) and leaves the database empty.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_cleans_bodies_and_names_what_it_refuses() {
    let (site, _) = newsroom().await;
    let exported = site.store.export_site().await.expect("the site exports");
    let (url, path) = fresh_database_on(on_postgres()).await;
    let target = site.another_site_on(url, path).await;

    let article = |file: &app::storage::transfer::SiteExport, column: &str| {
        let table = file
            .tables
            .iter()
            .find(|t| t.name == "articles")
            .expect("articles");
        let at = table
            .columns
            .iter()
            .position(|c| c == column)
            .expect(column);
        table.rows[0][at].clone()
    };
    let refusals = [
        (
            with_value(&exported, "events", "version", serde_json::json!("two")),
            "events.version",
        ),
        (
            with_value(&exported, "articles", "title", serde_json::json!(7)),
            "articles.title",
        ),
        (
            with_value(
                &exported,
                "categories",
                "colour",
                serde_json::json!("red; x: y"),
            ),
            "categories, row 1: colour",
        ),
        (
            with_value(
                &exported,
                "attachments",
                "href",
                serde_json::json!("javascript:x"),
            ),
            "attachments, row 1: href",
        ),
        (
            // Two articles at one address.
            with_value(&exported, "articles", "slug", {
                let second = exported
                    .tables
                    .iter()
                    .find(|t| t.name == "articles")
                    .expect("articles");
                let at = second
                    .columns
                    .iter()
                    .position(|c| c == "slug")
                    .expect("slug");
                second.rows[1][at].clone()
            }),
            "articles, row 2 (id ",
        ),
    ];
    for (file, named) in refusals {
        let refused = target
            .store
            .import_site(&file, NOTHING_YET)
            .await
            .expect_err(named)
            .to_string();
        assert!(refused.contains(named), "{named}: {refused}");
    }

    let slug = article(&exported, "slug");
    let slug = slug.as_str().expect("a slug");
    let hostile = with_value(
        &exported,
        "articles",
        "body_html",
        serde_json::json!(
            "<p>Teksts paliek.</p><meta http-equiv=\"refresh\" content=\"0;url=https://x.example\">\
             <form action=\"https://x.example\"><input name=\"parole\"></form>"
        ),
    );
    target
        .store
        .import_site(&hostile, NOTHING_YET)
        .await
        .expect("the file imports once nothing is wrong with it");
    let (status, page) = target.get(&app::paths::article(slug)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Teksts paliek."), "{page}");
    assert!(
        !page.contains("http-equiv") && !page.contains("parole"),
        "the body is cleaned: {page}"
    );
}
