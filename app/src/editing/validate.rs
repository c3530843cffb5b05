//! Checks on what editors send, made on the server; each failure names its field so the
//! editor can show it where it belongs.

use super::ArticleFields;
use crate::{error::AppError, i18n::Message};

/// Longest title, in characters.
pub const MAX_TITLE: usize = 300;
/// Longest lead, in characters.
pub const MAX_LEAD: usize = 2_000;
/// Largest body, in bytes of HTML.
pub const MAX_BODY_BYTES: usize = 200_000;
/// Longest contact line (an article's) or place (an event's), in characters.
pub const MAX_LINE: usize = 500;
/// Longest event summary, in characters.
pub const MAX_SUMMARY: usize = MAX_LEAD;

fn invalid(field: &str, message: Message) -> AppError {
    AppError::invalid(field, message)
}

/// `value` without control characters but line breaks and tabs, trimmed: typed text as it is
/// stored. A NUL, say, pasted from elsewhere, is no text to show; PostgreSQL refuses it in
/// text, so it could not move there either.
pub fn plain_text(value: &str) -> String {
    let kept = |c: &char| !c.is_control() || matches!(c, '\n' | '\t');
    value
        .trim()
        .chars()
        .filter(kept)
        .collect::<String>()
        .trim()
        .to_string()
}

/// `value`, trimmed, if it has at most `max` characters; otherwise the message `id` on `field`.
pub fn at_most<'a>(field: &str, id: &str, max: usize, value: &'a str) -> Result<&'a str, AppError> {
    let value = value.trim();
    if value.chars().count() > max {
        return Err(invalid(field, Message::new(id).number("max", max as i64)));
    }
    Ok(value)
}

/// A title as one line: the line breaks typed into its field (Enter in the title's box) become
/// spaces, as every place that shows a title (a feed's `<title>`, the page's heading) would
/// show them anyway, and the ends are trimmed.
pub fn one_line(value: &str) -> String {
    let lines = value
        .lines()
        .map(plain_text)
        .filter(|line| !line.is_empty());
    lines.collect::<Vec<_>>().join(" ")
}

/// The body's size against the limit, in kilobytes, as the message `id` says it.
pub fn body_too_long(id: &str, body_html: &str) -> AppError {
    invalid(
        "body",
        Message::new(id)
            .number("size", (body_html.len() / 1000) as i64)
            .number("max", (MAX_BODY_BYTES / 1000) as i64),
    )
}

/// The fields trimmed, or the first problem found.
pub fn article_fields(fields: &ArticleFields) -> Result<ArticleFields, AppError> {
    let title = one_line(&fields.title);
    if title.is_empty() {
        return Err(invalid("title", Message::new("invalid-title-empty")));
    }
    if title.chars().count() > MAX_TITLE {
        return Err(invalid(
            "title",
            Message::new("invalid-title-long").number("max", MAX_TITLE as i64),
        ));
    }
    let lead = at_most("lead", "invalid-lead-long", MAX_LEAD, &fields.lead)?;
    let contact = at_most("contact", "invalid-contact-long", MAX_LINE, &fields.contact)?;
    if fields.body_html.len() > MAX_BODY_BYTES {
        return Err(body_too_long("invalid-body-long", &fields.body_html));
    }
    Ok(ArticleFields {
        title,
        lead: plain_text(lead),
        body_html: fields.body_html.clone(),
        contact: plain_text(contact),
    })
}

/// A hand-chosen address, folded the way a title's is ("Ā B" becomes `a-b`, a long one cut at
/// a word): lower-case Latin letters, digits and single hyphens. Four digits alone are a year of the news
/// archive, so they are not an article's address.
#[cfg(feature = "ssr")]
pub fn slug(value: &str) -> Result<String, AppError> {
    let slug = crate::storage::slugs::slug_for(value, "");
    if slug.is_empty() {
        return Err(invalid("slug", Message::new("invalid-slug-empty")));
    }
    if crate::storage::slugs::is_year(&slug) {
        return Err(invalid("slug", Message::new("invalid-slug-year")));
    }
    Ok(slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn addresses_are_folded_plain_and_never_a_year() {
        for (typed, folded) in [
            (" Jauna-Adrese-2 ", "jauna-adrese-2"),
            ("Ā B", "a-b"),
            ("garumzīme-ā", "garumzime-a"),
            ("-sākums", "sakums"),
            ("beigas-", "beigas"),
            ("a--b", "a-b"),
            ("Ziņas: 2020/08", "zinas-2020-08"),
        ] {
            assert_eq!(slug(typed).expect(typed), folded);
        }
        let refused = |typed: &str| match slug(typed) {
            Err(AppError::Validation { message, .. }) => message.id,
            other => panic!("{typed}: {other:?}"),
        };
        assert_eq!(refused(""), "invalid-slug-empty");
        assert_eq!(refused(" – ? "), "invalid-slug-empty");
        assert_eq!(refused("2018"), "invalid-slug-year");
        let long = slug(&"garš vārds ".repeat(10)).expect("cut");
        assert!(long.len() <= 80 && long.ends_with("vards"), "{long}");
    }

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
    fn control_characters_pasted_into_text_are_not_kept() {
        let checked = article_fields(&ArticleFields {
            lead: "Ievads\u{0} ar\u{7} zvanu.\nOtrā rinda.".into(),
            contact: "\u{1b}[31mTālrunis\u{0}".into(),
            ..fields("Treš\u{0}ā\r\nrinda\u{85}", "<p>Teksts</p>")
        })
        .expect("valid once cleaned");
        assert_eq!(checked.title, "Trešā rinda");
        assert_eq!(checked.lead, "Ievads ar zvanu.\nOtrā rinda.");
        assert_eq!(checked.contact, "[31mTālrunis");
    }

    #[test]
    fn a_title_typed_over_several_lines_is_stored_as_one() {
        let checked = article_fields(&fields(" Divas\r\nrindas \n\n ", "<p>x</p>"));
        assert_eq!(checked.expect("valid").title, "Divas rindas");
        assert_eq!(
            field_of(article_fields(&fields("\n \n", "<p>x</p>"))),
            "title"
        );
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
