//! Saving an article's or event's English or Russian version.

use chrono::Utc;

use super::{
    service, validate, ArticleFields, ItemKind, TranslationFields, TranslationSave,
    TranslationSaved,
};
use crate::{
    error::AppError,
    i18n::{Lang, Message},
    sanitize::SafeHtml,
    state::store,
    storage::{ArticleText, EventText, User},
    timezone,
};

pub async fn save(editor: &User, save: TranslationSave) -> Result<TranslationSaved, AppError> {
    if save.lang == Lang::Lv {
        return Err(AppError::invalid(
            "lang",
            Message::new("invalid-translation-lang"),
        ));
    }
    // The same limits as the original's fields: a title, and a body of sensible size.
    let checked = validate::article_fields(&ArticleFields {
        title: save.fields.title.clone(),
        lead: save.fields.lead.clone(),
        body_html: save.fields.body_html.clone(),
        contact: save.fields.extra.clone(),
    })?;
    let body_html = SafeHtml::sanitize_off_thread(checked.body_html.clone())
        .await?
        .as_str()
        .to_string();
    let store = store()?;
    let lang = save.lang.code();
    let action = format!("translated into {lang}");
    let audit = Some(service::audit(editor, &action));
    let version = match save.kind {
        ItemKind::Article => {
            let article = store
                .article_for_editing(&save.slug)
                .await?
                .ok_or(AppError::NotFound)?;
            let text = ArticleText {
                title: checked.title.clone(),
                lead: checked.lead,
                body_html,
                contact: checked.contact,
            };
            store
                .save_article_translation(article.id, lang, &text, save.fields.version, audit)
                .await?
        }
        ItemKind::Event => {
            let event = store
                .event_for_editing(&save.slug)
                .await?
                .ok_or(AppError::NotFound)?;
            let text = EventText {
                title: checked.title.clone(),
                summary: checked.lead,
                body_html,
                location: checked.contact,
            };
            store
                .save_event_translation(event.id, lang, &text, save.fields.version, audit)
                .await?
        }
    };
    Ok(TranslationSaved {
        version,
        at: timezone::local(Utc::now()).format("%H:%M:%S").to_string(),
    })
}

/// The translation into `lang` of the article or event at `slug`, as stored.
pub async fn stored(kind: ItemKind, slug: &str, lang: Lang) -> Result<TranslationFields, AppError> {
    let store = store()?;
    let missing = || AppError::NotFound;
    let found = match kind {
        ItemKind::Article => {
            let article = store.article_for_editing(slug).await?.ok_or_else(missing)?;
            store
                .article_translations(article.id)
                .await?
                .into_iter()
                .find(|found| found.lang == lang.code())
                .map(|found| TranslationFields {
                    title: found.text.title,
                    lead: found.text.lead,
                    body_html: found.text.body_html,
                    extra: found.text.contact,
                    version: found.version,
                })
        }
        ItemKind::Event => {
            let event = store.event_for_editing(slug).await?.ok_or_else(missing)?;
            store
                .event_translations(event.id)
                .await?
                .into_iter()
                .find(|found| found.lang == lang.code())
                .map(|found| TranslationFields {
                    title: found.text.title,
                    lead: found.text.summary,
                    body_html: found.text.body_html,
                    extra: found.text.location,
                    version: found.version,
                })
        }
    };
    found.ok_or_else(missing)
}
