//! Checks on what editors send, made on the server; each failure names its field so the
//! editor can show it where it belongs.

use super::ArticleFields;
use crate::error::AppError;

/// Longest title, in characters.
pub const MAX_TITLE: usize = 300;
/// Longest lead, in characters.
pub const MAX_LEAD: usize = 2_000;
/// Largest body, in bytes of HTML.
pub const MAX_BODY_BYTES: usize = 200_000;

fn invalid(field: &str, message: &str) -> AppError {
    AppError::Validation {
        field: field.to_string(),
        message: message.to_string(),
    }
}

/// The fields trimmed, or the first problem found.
pub fn article_fields(fields: &ArticleFields) -> Result<ArticleFields, AppError> {
    let title = fields.title.trim();
    if title.is_empty() {
        return Err(invalid("title", "Virsraksts nedrīkst būt tukšs."));
    }
    if title.chars().count() > MAX_TITLE {
        return Err(invalid(
            "title",
            &format!("Virsraksts nedrīkst būt garāks par {MAX_TITLE} zīmēm."),
        ));
    }
    if fields.lead.trim().chars().count() > MAX_LEAD {
        return Err(invalid(
            "lead",
            &format!("Ievads nedrīkst būt garāks par {MAX_LEAD} zīmēm."),
        ));
    }
    if fields.body_html.len() > MAX_BODY_BYTES {
        return Err(invalid(
            "body",
            &format!(
                "Teksts ir par garu ({} kB; atļauti {} kB).",
                fields.body_html.len() / 1000,
                MAX_BODY_BYTES / 1000
            ),
        ));
    }
    Ok(ArticleFields {
        title: title.to_string(),
        lead: fields.lead.trim().to_string(),
        body_html: fields.body_html.clone(),
        contact: fields.contact.trim().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(title: &str, body: &str) -> ArticleFields {
        ArticleFields {
            title: title.into(),
            lead: " Ievads ".into(),
            body_html: body.into(),
            contact: String::new(),
        }
    }

    fn field_of(result: Result<ArticleFields, AppError>) -> String {
        match result {
            Err(AppError::Validation { field, .. }) => field,
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn a_title_is_required_and_bounded() {
        assert_eq!(
            field_of(article_fields(&fields("   ", "<p>x</p>"))),
            "title"
        );
        assert_eq!(
            field_of(article_fields(&fields(&"ā".repeat(MAX_TITLE + 1), ""))),
            "title"
        );
    }

    #[test]
    fn bodies_over_the_limit_are_refused() {
        let body = "<p>".to_string() + &"a".repeat(MAX_BODY_BYTES) + "</p>";
        assert_eq!(
            field_of(article_fields(&fields("Virsraksts", &body))),
            "body"
        );
    }

    #[test]
    fn good_fields_come_back_trimmed() {
        let checked = article_fields(&fields(" Virsraksts ", "<p>x</p>")).expect("valid");
        assert_eq!(checked.title, "Virsraksts");
        assert_eq!(checked.lead, "Ievads");
    }
}
