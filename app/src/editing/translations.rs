//! Saving an article's or event's English or Russian version: the same code for both kinds,
//! which differ only in what their four translated fields are called.

use chrono::Utc;

use super::{
    kind_service::check_writer, service, validate, ArticleFields, ItemKind, TranslationFields,
    TranslationSave, TranslationSaved,
};
use crate::{
    error::AppError,
    i18n::{Lang, Message},
    sanitize::SafeHtml,
    state::store,
    storage::{TranslatedText, TranslationWrite, User},
};

/// The id of the article or event at `slug`, as editors find it.
async fn item_id(kind: ItemKind, slug: &str) -> Result<i64, AppError> {
    let id = store()?.id_for_editing(kind, slug).await?;
    id.ok_or(AppError::NotFound)
}

pub async fn save(editor: &User, save: TranslationSave) -> Result<TranslationSaved, AppError> {
    if save.lang == Lang::Lv {
        return Err(AppError::invalid(
            "lang",
            Message::new("invalid-translation-lang"),
        ));
    }
    check_writer(save.writer.as_ref())?;
    // The same limits as the original's fields: a title, and a body of sensible size.
    let checked = validate::article_fields(&ArticleFields {
        title: save.fields.title.clone(),
        lead: save.fields.lead.clone(),
        body_html: save.fields.body_html.clone(),
        contact: save.fields.extra.clone(),
    })?;
    let text = TranslatedText {
        title: checked.title,
        lead: checked.lead,
        body_html: SafeHtml::sanitize_off_thread(checked.body_html).await?,
        extra: checked.contact,
    };
    let id = item_id(save.kind, &save.slug).await?;
    let lang = save.lang.code();
    let action = format!("translated into {lang}");
    let write = TranslationWrite {
        kind: save.kind,
        item_id: id,
        lang,
        text: &text,
        seen_version: save.fields.version,
        writer: save.writer.as_ref(),
    };
    let version = store()?
        .save_translation(write, Some(service::audit(editor, &action)))
        .await?;
    Ok(TranslationSaved {
        version,
        at: service::clock(Utc::now()),
    })
}

/// The translation into `lang` of the article or event at `slug`, as stored.
pub async fn stored(kind: ItemKind, slug: &str, lang: Lang) -> Result<TranslationFields, AppError> {
    let id = item_id(kind, slug).await?;
    store()?
        .translations(kind, id)
        .await?
        .into_iter()
        .find(|found| found.lang == lang.code())
        .map(|found| TranslationFields {
            title: found.text.title,
            lead: found.text.lead,
            body_html: found.text.body_html,
            extra: found.text.extra,
            version: found.version,
        })
        .ok_or(AppError::NotFound)
}
