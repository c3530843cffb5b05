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
fn a_file_that_is_not_an_export_of_this_format_is_refused_with_its_reason() {
    let mut newer = site(vec![]);
    newer.notikumi_export = FORMAT + 1;
    let refusals = [
        (newer, "format 3"),
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
