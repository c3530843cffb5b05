//! What an import takes from a file only as the site itself would have stored it: a file may
//! come from an older version, another site or a text editor, and what it holds reaches
//! readers' pages. Every body is cleaned by this version's allow-list (and marked so); a
//! category's colour, which goes into a `style` attribute, must be a colour; an attachment's
//! address must lead to the site or to the web.

use serde_json::Value;

use super::{refused, SiteExport, TableRows};
use crate::{
    sanitize::{SafeHtml, SANITIZER_VERSION},
    storage::StoreError,
};

/// Refuses a file whose category colours or attachment addresses the site would not have
/// made, naming the first such row.
pub(super) fn values_fit(site: &SiteExport) -> Result<(), StoreError> {
    for table in &site.tables {
        match table.name.as_str() {
            "categories" => each_value(table, "colour", is_colour, "not a colour like #205080")?,
            "attachments" => each_value(
                table,
                "href",
                is_site_or_web_address,
                "not an address on the site or an http(s) one",
            )?,
            _ => {}
        }
    }
    Ok(())
}

/// `site` with every body (`body_html`, in every table that has one) cleaned by this
/// version's allow-list. Drafts keep theirs in their `fields` document, which is cleaned when
/// an editor opens it.
pub(super) fn cleaned(mut site: SiteExport) -> SiteExport {
    for table in &mut site.tables {
        clean_bodies(table);
    }
    site
}

/// Cleans every `body_html` of `table` and marks the rows as cleaned by this version.
fn clean_bodies(table: &mut TableRows) {
    let Some(body) = table.columns.iter().position(|c| c == "body_html") else {
        return;
    };
    let version = table.columns.iter().position(|c| c == "sanitizer_version");
    for row in &mut table.rows {
        if let Some(Value::String(html)) = row.get_mut(body) {
            *html = SafeHtml::sanitize(html).into_string();
        }
        if let Some(version) = version.and_then(|at| row.get_mut(at)) {
            *version = Value::from(SANITIZER_VERSION);
        }
    }
}

/// Refuses the first row of `table` whose `column` is text that `fits` does not accept.
fn each_value(
    table: &TableRows,
    column: &str,
    fits: fn(&str) -> bool,
    expected: &str,
) -> Result<(), StoreError> {
    let Some(at) = table.columns.iter().position(|c| c == column) else {
        return Ok(());
    };
    for (number, row) in table.rows.iter().enumerate() {
        if let Some(Value::String(text)) = row.get(at) {
            if !fits(text) {
                return Err(refused(format!(
                    "{}, row {}: {column} {text:?} is {expected}",
                    table.name,
                    number + 1
                )));
            }
        }
    }
    Ok(())
}

/// `#` and three or six hexadecimal digits.
fn is_colour(text: &str) -> bool {
    text.strip_prefix('#').is_some_and(|digits| {
        matches!(digits.len(), 3 | 6) && digits.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// A path on the site or an http(s) URL (as the sanitiser allows in `srcset`), with nothing
/// that ends an attribute.
fn is_site_or_web_address(text: &str) -> bool {
    crate::sanitize::is_site_or_web_url(text)
        && !text.chars().any(|c| c.is_whitespace() || c == '"')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(name: &str, columns: &[&str], rows: Vec<Vec<Value>>) -> TableRows {
        TableRows {
            name: name.into(),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows,
        }
    }

    fn site(tables: Vec<TableRows>) -> SiteExport {
        SiteExport {
            notikumi_export: super::super::FORMAT,
            tables,
        }
    }

    #[test]
    fn bodies_are_cleaned_by_this_allow_list_and_marked_so() {
        let articles = table(
            "articles",
            &["body_html", "id", "sanitizer_version"],
            vec![vec![
                Value::from("<p>Teksts<img src=x onerror=alert(1)></p><meta http-equiv=refresh content=\"0;url=https://x.example\">"),
                Value::from(1),
                Value::from(SANITIZER_VERSION),
            ]],
        );
        let revisions = table(
            "article_revisions",
            &["body_html", "id"],
            vec![vec![
                Value::from("<p>Vecs<script>alert(2)</script></p>"),
                Value::from(1),
            ]],
        );
        let site = cleaned(site(vec![articles, revisions]));
        assert_eq!(
            site.tables[0].rows[0],
            [
                Value::from("<p>Teksts<img src=\"x\"></p>"),
                Value::from(1),
                Value::from(SANITIZER_VERSION)
            ]
        );
        assert_eq!(site.tables[1].rows[0][0], Value::from("<p>Vecs</p>"));
    }

    #[test]
    fn colours_and_attachment_addresses_must_be_what_the_site_makes() {
        let categories = |colour: &str| {
            table(
                "categories",
                &["colour", "id"],
                vec![
                    vec![Value::from("#205080"), Value::from(1)],
                    vec![Value::from(colour), Value::from(2)],
                ],
            )
        };
        assert!(values_fit(&site(vec![categories("#abc")])).is_ok());
        let refused = values_fit(&site(vec![categories(
            "red; background: url(https://x.example)",
        )]));
        assert!(
            matches!(&refused, Err(StoreError::Transfer(why)) if why.starts_with("categories, row 2: colour")),
            "{refused:?}"
        );
        let attachment = |href: &str| {
            site(vec![table(
                "attachments",
                &["href", "id"],
                vec![vec![Value::from(href), Value::from(1)]],
            )])
        };
        for fine in ["/media/a.pdf", "https://x.example/a.pdf"] {
            assert!(values_fit(&attachment(fine)).is_ok(), "{fine}");
        }
        for hostile in [
            "javascript:alert(1)",
            "//x.example/a",
            "data:text/html,x",
            "/a\" onclick=\"x",
        ] {
            assert!(values_fit(&attachment(hostile)).is_err(), "{hostile}");
        }
    }
}
