//! Translating an article or event in place: what the translation editor and the server
//! exchange, and the server functions it calls (their work is in `translations`).

use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::translations;
use super::{new_mark, translation_editor, ItemKind, ItemRef, Writer};
use crate::error::AppError;

/// The translatable text of an article or event. For an event `lead` is its summary and
/// `extra` its location; for an article `extra` is the contact line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslationFields {
    pub title: String,
    pub lead: String,
    /// HTML from the editor; sanitised on the server.
    pub body_html: String,
    pub extra: String,
    /// The stored translation this text starts from (0: there is none yet). A save over a
    /// newer one is refused, so nobody's translation is overwritten unseen.
    #[serde(default)]
    pub version: i64,
}

/// A translation saved: its new version and the time, for the editor bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslationSaved {
    pub version: i64,
    pub at: String,
}

/// A translation of the item at `slug` into `lang` (English or Russian).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslationSave {
    pub kind: ItemKind,
    pub slug: String,
    pub lang: crate::i18n::Lang,
    pub fields: TranslationFields,
    /// The translation editor sending it (`TranslationStart::writer`); none from a page
    /// older than the mark.
    #[serde(default)]
    pub writer: Option<Writer>,
    /// The language each part is in: a part `Lv` is the Latvian text the translator started
    /// from and left, stored empty so it follows the Latvian text (the server does not know
    /// what the translator started from). None from a page older than this.
    #[serde(default)]
    pub part_langs: Option<crate::i18n::PartLangs>,
    /// The item version whose Latvian text the translator had before them: the page's, or
    /// the newer one a note showed them the changes of (`SourceChanged::now`). None from a
    /// page older than this.
    #[serde(default)]
    pub source_version: Option<i64>,
}

/// Where a translation editor starts: the text the page shows (the translation, or the
/// Latvian text to translate), and a mark for this opening of the editor, as
/// `EditableItem::writer` is for the other editors. Pages rendered for an editor carry it;
/// no reader's page does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslationStart {
    pub text: TranslationFields,
    pub writer: String,
    /// The language each part of `text` is in: Latvian where there is no translation of it.
    pub part_langs: crate::i18n::PartLangs,
    /// The item's version the page shows, whose Latvian text the translator has before them.
    pub source_version: i64,
}

/// What an article's or event's page knows of its languages: the language of each part it
/// shows, the languages the item exists in, and the versions a translator on the page starts
/// from. Every kind of page carries it (flattened, so the fields travel as they always did).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageLanguages {
    /// The language of each part shown: the reader's, when the item has a translation into
    /// it that translated the part, else Latvian.
    #[serde(default)]
    pub part_langs: crate::i18n::PartLangs,
    /// The version of the translation shown (0: the page shows the Latvian original), which
    /// a translator's save starts from.
    pub translation_version: i64,
    /// The item's own version, whose Latvian text a translator on this page has before them
    /// (`TranslationStart::source_version`).
    #[serde(default)]
    pub version: i64,
    /// The languages the item exists in (Latvian first).
    pub languages: Vec<crate::i18n::Lang>,
}

impl PageLanguages {
    /// Where a translation editor on this page starts: `text` as the page shows it, with a
    /// new mark.
    pub fn translation_start(&self, text: TranslationFields) -> TranslationStart {
        TranslationStart {
            text: TranslationFields {
                version: self.translation_version,
                ..text
            },
            writer: new_mark(),
            part_langs: self.part_langs,
            source_version: self.version,
        }
    }

    /// The absolute address of the item's page at `path` for a reader of `lang`: in their
    /// language where the item has it, else the Latvian page.
    pub fn canonical_url(&self, public_url: &str, lang: crate::i18n::Lang, path: &str) -> String {
        format!(
            "{public_url}{}",
            lang.canonical_among(&self.languages).href(path)
        )
    }

    /// The languages of the `kind` item `item_id`, stored at `version` and shown with its
    /// parts in `part_langs`, for a reader of `lang`.
    #[cfg(feature = "ssr")]
    pub async fn of(
        store: &dyn crate::storage::Store,
        (kind, item_id, version): (ItemKind, i64, i64),
        part_langs: crate::i18n::PartLangs,
        lang: crate::i18n::Lang,
    ) -> Result<Self, AppError> {
        let translations = store.translation_versions(kind, item_id).await?;
        let (languages, translation_version) =
            crate::storage::Translation::languages_and_version(&translations, lang);
        Ok(PageLanguages {
            part_langs,
            translation_version,
            version,
            languages,
        })
    }
}

/// The translation editor, split off like the other editors.
#[cfg_attr(feature = "editors", lazy)]
pub async fn translation_editor_view(
    kind: ItemKind,
    slug: String,
    lang: crate::i18n::Lang,
    start: TranslationStart,
    on_leave: Callback<()>,
) -> AnyView {
    view! { <translation_editor::TranslationEditor kind slug lang start on_leave/> }.into_any()
}

/// Adds or replaces an article's or event's translation; a 409 when someone else saved a
/// newer one since `save.fields.version`.
#[server(input = Json, endpoint = "editing/save_translation")]
pub async fn save_translation(save: TranslationSave) -> Result<TranslationSaved, AppError> {
    let editor = crate::auth::session::require_editor().await?;
    translations::save(&editor, save).await
}

/// A translation as stored, as a conflict's other side shows it: its text (the Latvian text
/// where its translator left it) and each part's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredTranslation {
    pub text: TranslationFields,
    pub part_langs: crate::i18n::PartLangs,
}

/// The stored translation of the item at `slug` into `lang`, for a translator whose save
/// met a newer one.
#[server(input = Json, endpoint = "editing/get_translation")]
pub async fn get_translation(
    kind: ItemKind,
    slug: String,
    lang: crate::i18n::Lang,
) -> Result<StoredTranslation, AppError> {
    crate::auth::session::require_editor().await?;
    translations::stored(kind, &slug, lang).await
}

/// The Latvian text changed since a translation was written from it: the versions to compare
/// (as the item's history numbers them) and which parts changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceChanged {
    pub item: ItemRef,
    /// The version whose text the translation was written from.
    pub since: i64,
    /// The item's version now.
    pub now: i64,
    /// Which parts' Latvian text changed: title, lead, body, extra (`TranslationFields`).
    pub parts: [bool; 4],
}

/// Whether the Latvian text of what the translation of the item at `slug` into `lang`
/// translates changed since it was written, for its translator.
#[server(input = Json, endpoint = "editing/translation_source_changed")]
pub async fn translation_source_changed(
    kind: ItemKind,
    slug: String,
    lang: crate::i18n::Lang,
) -> Result<Option<SourceChanged>, AppError> {
    crate::auth::session::require_editor().await?;
    translations::source_changed(kind, &slug, lang).await
}
