use super::*;

fn site(tables: Vec<TableRows>) -> SiteExport {
    SiteExport {
        notikumi_export: FORMAT,
        tables,
    }
}

fn table(name: &str, columns: &[&str], rows: Vec<Vec<Value>>) -> TableRows {
    TableRows {
        name: name.into(),
        columns: columns.iter().map(|column| column.to_string()).collect(),
        rows,
    }
}

/// Which items of the first table of `old` (columns `id` and `status`) readers saw, once the
/// file is upgraded (`was_published` added after them), with the upgraded file.
fn seen_once_upgraded(old: &SiteExport) -> (Vec<bool>, SiteExport) {
    let new = upgraded(old).expect("upgrades").into_owned();
    assert_eq!(new.notikumi_export, FORMAT);
    let items = &new.tables[0];
    assert_eq!(items.columns, ["id", "status", "was_published"]);
    let seen = items
        .rows
        .iter()
        .map(|row| row[2].as_bool().expect("a truth value"));
    (seen.collect(), new)
}

/// The audit log's table with `lines`: each its id, action, item kind and item id.
fn audit_log(lines: &[(i64, &str, &str, i64)]) -> TableRows {
    let rows = lines
        .iter()
        .map(|&(line, action, kind, item)| {
            [action.into(), line.into(), item.into(), kind.into()].to_vec()
        })
        .collect();
    table("audit_log", &["action", "id", "item_id", "item_kind"], rows)
}

#[test]
fn tables_are_imported_references_first_whatever_the_files_order() {
    let file = site(vec![
        table("audit_log", &["id"], vec![]),
        table("articles", &["id"], vec![]),
        table("categories", &["id"], vec![]),
    ]);
    let order: Vec<&str> = tables_to_import(&file)
        .expect("valid")
        .iter()
        .map(|table| table.name.as_str())
        .collect();
    assert_eq!(order, ["categories", "articles", "audit_log"]);
}

#[test]
fn a_format_one_files_article_drafts_become_one_document_each() {
    let mut old = site(vec![table(
        "article_drafts",
        &[
            "article_id",
            "base_version",
            "body_html",
            "contact",
            "lead",
            "title",
        ],
        vec![vec![
            Value::from(7),
            Value::from(3),
            Value::from("<p>Teksts</p>"),
            Value::from("Tālrunis"),
            Value::from("Ievads"),
            Value::from("Melnraksts"),
        ]],
    )]);
    old.notikumi_export = 1;
    let new = upgraded(&old).expect("upgrades");
    let drafts = &new.tables[0];
    assert_eq!(new.notikumi_export, FORMAT);
    assert_eq!(drafts.columns, ["article_id", "base_version", "fields"]);
    assert_eq!(drafts.rows[0][..2], [Value::from(7), Value::from(3)]);
    let fields: Value =
        serde_json::from_str(drafts.rows[0][2].as_str().expect("text")).expect("JSON");
    assert_eq!(
        fields,
        serde_json::json!({
            "format": 1,
            "title": "Melnraksts",
            "lead": "Ievads",
            "body_html": "<p>Teksts</p>",
            "contact": "Tālrunis",
        })
    );
    assert!(tables_to_import(&new).is_ok());
    let mut without_text = old.clone();
    without_text.tables[0].columns[5] = "virsraksts".into();
    assert!(
        upgraded(&without_text).is_err(),
        "a draft without its title"
    );
    let mut short = old;
    short.tables[0].rows[0].pop();
    assert!(upgraded(&short).is_err(), "a row that is too short");
}

#[test]
fn a_format_four_files_events_learn_which_readers_saw() {
    let row = |id: i64, status: &str| vec![Value::from(id), Value::from(status)];
    let events = table(
        "events",
        &["id", "status"],
        vec![
            row(1, "published"),
            row(2, "draft"),
            row(3, "draft"),
            row(4, "draft"),
            row(5, "draft"),
        ],
    );
    let revisions = table(
        "event_revisions",
        &["event_id", "id", "status"],
        vec![
            vec![Value::from(3), Value::from(1), Value::from("draft")],
            vec![Value::from(4), Value::from(2), Value::from("published")],
        ],
    );
    let log = audit_log(&[
        (1, "created", "event", 2),
        (2, "published", "event", 2),
        (3, "created", "event", 3),
        (4, "published", "article", 3),
        (5, "created", "event", 4),
    ]);
    let mut old = site(vec![events, revisions, log]);
    old.notikumi_export = 4;
    let (seen, new) = seen_once_upgraded(&old);
    // Published now; hidden after the log saw it published; an editor's draft never
    // published (the "published" line is an article's); hidden after a published version
    // (its revision says so; a trip through the trash leaves no line); not made by an editor.
    assert_eq!(seen, [true, true, false, true, true]);
    assert!(tables_to_import(&new).is_ok());
}

#[test]
fn a_format_two_files_articles_learn_which_readers_saw() {
    let article = |id: i64, status: &str| vec![Value::from(id), Value::from(status)];
    let articles = table(
        "articles",
        &["id", "status"],
        vec![
            article(1, "published"),
            article(2, "draft"),
            article(3, "draft"),
            article(4, "draft"),
            article(5, "draft"),
        ],
    );
    let log = audit_log(&[
        (1, "created", "article", 1),
        (2, "created", "article", 2),
        (3, "published", "article", 2),
        (4, "created", "article", 3),
        (5, "published", "event", 3),
        (6, "changed", "article", 3),
        (7, "created", "article", 4),
        (8, "restored version 2", "article", 4),
    ]);
    let mut old = site(vec![articles, log]);
    old.notikumi_export = 2;
    let (seen, new) = seen_once_upgraded(&old);
    // Published now; hidden after the log saw it published; an editor's draft never
    // published (the "published" line is an event's); restored (a restore publishes); not
    // made by an editor (the demo, an import).
    assert_eq!(seen, [true, true, false, true, true]);
    assert!(tables_to_import(&new).is_ok());

    let mut short = old;
    short.tables[0].rows[1].pop();
    assert!(upgraded(&short).is_err(), "a row that is too short");
}

#[test]
fn a_format_three_files_translations_leave_the_copies_of_their_items_text_empty() {
    let text = |values: [&str; 5]| values.map(Value::from).to_vec();
    let events = table(
        "events",
        &["body_html", "id", "location", "summary", "title"],
        vec![text(["<p>Par</p>", "1", "Rīga", "Īsi", "Seminārs"])],
    );
    let mut event = events.rows[0].clone();
    event[1] = Value::from(1);
    // Every file has an event's status (format 5 reads it).
    event.insert(3, Value::from("published"));
    let mut columns = events.columns.clone();
    columns.insert(3, "status".into());
    // And when it was written, in which version (format 6 reads them).
    event.extend([Value::from("2020-07-01T10:00:00Z"), Value::from(1)]);
    columns.extend(["updated_at".into(), "version".into()]);
    let events = TableRows {
        columns,
        rows: vec![event],
        ..events
    };
    let translation = |lang: &str, title: &str, summary: &str| {
        let mut row = text(["<p>Par</p>", "1", "Rīga", summary, title]);
        row[1] = Value::from(1);
        row.extend([Value::from(lang), Value::from("2020-07-02T10:00:00Z")]);
        row
    };
    let translations = table(
        "event_translations",
        &[
            "body_html",
            "event_id",
            "location",
            "summary",
            "title",
            "lang",
            "updated_at",
        ],
        vec![
            translation("en", "Seminar", "Īsi"),
            translation("ru", "Семинар", "Кратко"),
        ],
    );
    let mut old = site(vec![events, translations]);
    old.notikumi_export = 3;
    let new = upgraded(&old).expect("upgrades");
    assert_eq!(new.notikumi_export, FORMAT);
    let translated = &new.tables[1];
    let at = |name: &str| translated.columns.iter().position(|c| c == name);
    let places = ["body_html", "location", "summary", "title"].map(|name| at(name).expect(name));
    let parts: Vec<Vec<&str>> = translated
        .rows
        .iter()
        .map(|row| places.map(|at| row[at].as_str().unwrap_or("?")).to_vec())
        .collect();
    assert_eq!(
        parts,
        [
            vec!["", "", "", "Seminar"],
            vec!["", "", "Кратко", "Семинар"]
        ],
        "the copies are empty, the translated parts stay"
    );
    // The event stays as it was, but for what format 5 adds.
    let mut event = new.tables[0].clone();
    let seen = event.columns.iter().position(|c| c == "was_published");
    let seen = seen.expect("readers saw it, or not");
    event.columns.remove(seen);
    let flags: Vec<Value> = event.rows.iter_mut().map(|row| row.remove(seen)).collect();
    assert_eq!(flags, [Value::Bool(true)], "published");
    assert_eq!(event, old.tables[0], "the event stays as it was");
}

#[test]
fn a_format_6_files_old_addresses_are_seen_where_an_editor_moved_a_published_item() {
    let item = |id: i64, status: &str, seen: bool| vec![id.into(), status.into(), seen.into()];
    let articles = table(
        "articles",
        &["id", "status", "was_published"],
        vec![
            item(1, "published", true),
            item(2, "draft", false),
            item(3, "published", true),
        ],
    );
    let events = table(
        "events",
        &["id", "status", "was_published"],
        vec![item(2, "draft", true)],
    );
    let address = |item: i64, kind: &str, slug: &str| vec![item.into(), kind.into(), slug.into()];
    let addresses = table(
        "previous_addresses",
        &["item_id", "kind", "slug"],
        vec![
            address(1, "article", "vecais-virsraksts"),
            address(2, "article", "jauns-raksts"),
            address(2, "event", "jauns-notikums"),
            address(3, "article", "jauns-raksts-2"),
        ],
    );
    // Editors changed the addresses of articles 1 and 2 and of event 2; article 3's followed
    // its title before its first publication.
    let changed = |kind: &str, item: i64| vec!["changed address".into(), kind.into(), item.into()];
    let log = table(
        "audit_log",
        &["action", "item_kind", "item_id"],
        vec![
            changed("article", 1),
            changed("article", 2),
            changed("event", 2),
        ],
    );
    let mut old = site(vec![articles, events, addresses, log]);
    old.notikumi_export = 6;
    let new = upgraded(&old).expect("upgrades");
    assert_eq!(new.notikumi_export, FORMAT);
    let moved = &new.tables[2];
    assert_eq!(moved.columns, ["item_id", "kind", "seen", "slug"]);
    let seen: Vec<&Value> = moved.rows.iter().map(|row| &row[2]).collect();
    // Article 2 was never published; event 2, the same id of another kind, was; no reader
    // saw article 3 at its interim address.
    let (yes, no) = (&Value::Bool(true), &Value::Bool(false));
    assert_eq!(seen, [yes, no, yes, no]);
    assert_eq!(
        new.tables[..2],
        old.tables[..2],
        "the items stay as they were"
    );
    assert_eq!(new.tables[3], old.tables[3], "the log stays as it was");
}

#[test]
fn an_old_files_empty_tables_need_no_upgrade() {
    // The export names an empty table's columns from its first row: there are none.
    for format in [1, 2, 3] {
        let mut old = site(
            ["article_drafts", "articles", "audit_log"]
                .map(|name| table(name, &[], vec![]))
                .into(),
        );
        old.notikumi_export = format;
        let new = upgraded(&old).expect("upgrades");
        assert_eq!(new.notikumi_export, FORMAT);
        assert!(new.tables.iter().all(|table| table.columns.is_empty()));
        assert!(tables_to_import(&new).is_ok());
    }
}

#[test]
fn a_file_that_is_not_an_export_of_this_format_is_refused_with_its_reason() {
    let mut newer = site(vec![]);
    newer.notikumi_export = FORMAT + 1;
    let refusals = [
        (newer, "reads format 7"),
        (
            site(vec![table("sessions", &["id"], vec![])]),
            "unknown table",
        ),
        (
            site(vec![table("users", &["id; DROP TABLE users"], vec![])]),
            "bad column name",
        ),
        (
            site(vec![table(
                "users",
                &["id", "email"],
                vec![vec![Value::from(1)]],
            )]),
            "a row of 1 values for 2 columns",
        ),
    ];
    for (file, reason) in refusals {
        let error = tables_to_import(&file).expect_err(reason).to_string();
        assert!(error.contains(reason), "{error}");
    }
}

#[test]
fn a_file_without_a_table_its_format_always_has_is_refused() {
    let with = |names: &[&str], format: u32| SiteExport {
        notikumi_export: format,
        tables: names.iter().map(|name| table(name, &[], vec![])).collect(),
    };
    let every: Vec<&str> = TABLES.iter().map(|(name, _)| *name).collect();
    for (required, format) in [(every.as_slice(), FORMAT), (ALWAYS_EXPORTED.as_slice(), 2)] {
        assert!(whole_site(&with(required, format)).is_ok());
        for left_out in required {
            let part: Vec<&str> = required.iter().copied().filter(|n| n != left_out).collect();
            let error = whole_site(&with(&part, format))
                .expect_err(left_out)
                .to_string();
            assert!(error.contains(left_out), "format {format}: {error}");
        }
        assert!(whole_site(&with(&[], format)).is_err(), "no tables at all");
    }
}

#[test]
fn instants_travel_as_rfc_3339_and_bad_ones_are_named() {
    let instant = DateTime::from_timestamp(1_596_268_800, 0).expect("valid");
    let value = instant_value(instant);
    assert_eq!(value, Value::from("2020-08-01T08:00:00Z"));
    assert_eq!(
        instant_of("events", "starts_at", &value).expect("parses"),
        Some(instant)
    );
    let error = instant_of("events", "starts_at", &Value::from("vakar"))
        .expect_err("not an instant")
        .to_string();
    assert!(error.contains("events.starts_at"), "{error}");
    assert_eq!(kind_of("events", "all_day"), Kind::Truth);
    assert_eq!(kind_of("events", "starts_at"), Kind::Instant);
    assert_eq!(kind_of("events", "title"), Kind::Plain);
}

#[test]
fn a_format_five_files_translations_learn_which_version_they_were_written_from() {
    let instant = |at: &str| Value::from(format!("2020-07-{at}:00:00Z"));
    // Article 1 was written in version 3 on the 5th; its versions 1 and 2 on the 1st and 3rd.
    // Article 2 was written on the 9th, and has no revisions.
    let articles = table(
        "articles",
        &["id", "updated_at", "version"],
        vec![
            vec![1.into(), instant("05T10"), 3.into()],
            vec![2.into(), instant("09T10"), 1.into()],
        ],
    );
    let revisions = table(
        "article_revisions",
        &["article_id", "saved_at", "version"],
        vec![
            vec![1.into(), instant("01T10"), 1.into()],
            vec![1.into(), instant("03T10"), 2.into()],
        ],
    );
    let translation =
        |article: i64, lang: &str, saved: &str| vec![article.into(), lang.into(), instant(saved)];
    let translations = table(
        "article_translations",
        &["article_id", "lang", "updated_at"],
        vec![
            translation(1, "en", "04T10"),
            translation(1, "ru", "06T10"),
            translation(2, "en", "08T10"),
        ],
    );
    let mut old = site(vec![articles, revisions, translations]);
    old.notikumi_export = 5;
    let new = upgraded(&old).expect("upgrades");
    assert_eq!(new.notikumi_export, FORMAT);
    let translated = &new.tables[2];
    assert_eq!(
        translated.columns,
        ["article_id", "lang", "source_version", "updated_at"]
    );
    let sources: Vec<&Value> = translated.rows.iter().map(|row| &row[2]).collect();
    // Between versions 2 and 3; after version 3; before its article was written at all.
    assert_eq!(sources, [&Value::from(2), &Value::from(3), &Value::Null]);
    assert!(tables_to_import(&new).is_ok());
    assert_eq!(
        new.tables[..2],
        old.tables[..2],
        "the items stay as they were"
    );
}
