//! Saving an article's or event's English or Russian version: the same code for both kinds,
//! which differ in what their four translated fields are called and in the rules they are
//! checked by (each kind's own, `KindService::translation_checked`).

use super::{
    kind_service::{check_writer, images_described, KindService, KindTask},
    kinds::for_kind,
    service, ItemKind, ItemRef, SourceChanged, StoredTranslation, TranslationFields,
    TranslationSave, TranslationSaved,
};
use crate::{
    error::AppError,
    i18n::{Lang, Message, PartLangs},
    sanitize::SafeHtml,
    state::store,
    storage::{Audience, ItemAt, TranslatedText, TranslationWrite, User},
};

/// The id of the article or event at `slug`, as editors find it: where it is now, if it moved
/// while its translator was at work.
async fn item_id(kind: ItemKind, slug: &str) -> Result<i64, AppError> {
    service::where_it_is_now(kind, slug, |slug| async move {
        let found = store()?.item_at(kind, &slug, Audience::Editors).await?;
        found.map(|item| item.id).ok_or(AppError::NotFound)
    })
    .await
}

pub async fn save(editor: &User, save: TranslationSave) -> Result<TranslationSaved, AppError> {
    if save.lang == Lang::Lv {
        return Err(AppError::invalid(
            "lang",
            Message::new("invalid-translation-lang"),
        ));
    }
    check_writer(save.writer.as_ref())?;
    // A version with every part left in Latvian would count as one in that language (its
    // alternate link, the sitemap) with no word of it.
    if let Some(langs) = save.part_langs {
        if [langs.title, langs.lead, langs.body, langs.extra] == [Lang::Lv; 4] {
            return Err(AppError::invalid(
                "title",
                Message::new("invalid-translation-untranslated"),
            ));
        }
    }
    // The same checks as the original's fields, and the same rule on images as a publication:
    // a translation is what that language's readers see at once.
    let TranslationFields {
        title,
        lead,
        body_html,
        extra,
        version: seen_version,
    } = save.fields;
    // A body left in Latvian is stored empty, as the other parts left are (below), and is
    // not sanitised for nothing.
    let body_html = if save.part_langs.is_some_and(|langs| langs.body == Lang::Lv) {
        String::new()
    } else {
        body_html
    };
    let text = TranslatedText {
        title,
        lead,
        body_html,
        extra,
    };
    let mut checked = for_kind(save.kind, Checked(text))
        .await
        .map_err(as_translation_field)?;
    let body_html = SafeHtml::from_editor(std::mem::take(&mut checked.body_html)).await?;
    images_described("body", body_html.as_str())?;
    let mut text = checked.with_body(body_html);
    // A part the translator left as the Latvian text is stored empty: it follows that text.
    if let Some(langs) = save.part_langs {
        let parts = [
            (langs.title, &mut text.title),
            (langs.lead, &mut text.lead),
            (langs.extra, &mut text.extra),
        ];
        for (_, value) in parts.into_iter().filter(|(lang, _)| *lang == Lang::Lv) {
            value.clear();
        }
    }
    let found = item_id(save.kind, &save.slug).await;
    let id = service::told_if_trashed(save.kind, ItemAt::Slug(&save.slug), found).await?;
    let lang = save.lang.code();
    let action = format!("translated into {lang}");
    let write = TranslationWrite {
        kind: save.kind,
        item_id: id,
        lang,
        text: &text,
        seen_version,
        writer: save.writer.as_ref(),
        source_version: save.source_version,
    };
    let saved = store()?
        .save_translation(write, Some(service::audit(editor, &action)))
        .await
        .map_err(AppError::from);
    // Moved to the trash since it was found: said as such.
    let saved = service::told_if_trashed(save.kind, ItemAt::Id(id), saved).await?;
    Ok(TranslationSaved {
        version: saved.version,
        at: service::clock(saved.updated_at),
    })
}

/// A translation's text checked by its kind's rules.
struct Checked(TranslatedText);

impl KindTask for Checked {
    type Output = Result<TranslatedText, AppError>;
    async fn run<K: KindService>(self) -> Self::Output {
        K::translation_checked(self.0)
    }
}

/// A problem with one of the original's fields, named as the translation editor names it: the
/// second text (an article's lead, an event's summary) `lead`, the line (a contact line, a
/// place) `extra`.
fn as_translation_field(error: AppError) -> AppError {
    match error {
        AppError::Validation { field, message } => {
            let field = match field.as_str() {
                "summary" => "lead".to_string(),
                "contact" | "location" => "extra".to_string(),
                _ => field,
            };
            AppError::Validation { field, message }
        }
        other => other,
    }
}

/// The translation into `lang` of the article or event at `slug`, as stored, its body cleaned
/// again (it goes into an editor's page as HTML, and an older allow-list may have stored it).
pub async fn stored(kind: ItemKind, slug: &str, lang: Lang) -> Result<StoredTranslation, AppError> {
    let id = item_id(kind, slug).await?;
    let found = store()?
        .translations(kind, id)
        .await?
        .into_iter()
        .find(|found| found.lang == lang.code())
        .ok_or(AppError::NotFound)?;
    let text = TranslationFields {
        title: found.text.title,
        lead: found.text.lead,
        body_html: SafeHtml::sanitize_off_thread(found.text.body_html)
            .await?
            .into_string(),
        extra: found.text.extra,
        version: found.version,
    };
    // (Always read with the text; were it not, every part would be the translation's.)
    let part_langs = found
        .part_langs
        .unwrap_or_else(|| PartLangs::from_codes(&[lang.code(); 4].join(",")));
    Ok(StoredTranslation { text, part_langs })
}

/// Whether the Latvian text the translation of the item at `slug` into `lang` translates
/// changed since it was written from it (`Store::translation_behind`).
pub async fn source_changed(
    kind: ItemKind,
    slug: &str,
    lang: Lang,
) -> Result<Option<SourceChanged>, AppError> {
    let id = item_id(kind, slug).await?;
    let behind = store()?.translation_behind(kind, id, lang.code()).await?;
    Ok(behind.map(|behind| SourceChanged {
        item: ItemRef { kind, id },
        since: behind.since,
        now: behind.now,
        parts: behind.changed,
    }))
}
