//! Editing in place: the article page becomes its own editor for signed-in editors. Changes
//! are saved as a shared draft a moment after typing stops; publishing replaces what readers
//! see. Every save names the version it started from, so a save that would overwrite someone
//! else's is refused as a conflict and the editor chooses, field by field, what to keep.
//! Published versions are kept as revisions; deleting moves an article to the trash.

mod address_field;
mod article_editor;
mod article_settings;
mod autosave;
mod body_editor;
mod body_structure;
pub mod calendar_tools;
mod conflict;
mod desk;
mod drafting;
mod event_editor;
pub mod event_fields;
mod history;
mod image_upload;
mod in_place;
mod item_page;
#[cfg(feature = "ssr")]
mod kind_service;
mod kinds;
mod opened;
#[cfg(feature = "ssr")]
mod service;
mod shell;
#[cfg(feature = "ssr")]
pub(crate) mod stored_draft;
mod text_field;
mod translating;
mod translation_editor;
mod translation_source;
#[cfg(feature = "ssr")]
mod translations;
#[cfg(feature = "ssr")]
pub mod upload;
pub mod validate;
#[cfg(feature = "ssr")]
mod versions;
mod visibility;

use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};

use crate::error::AppError;
pub use desk::{AuditPage, EditorDesk, NewArticleButton};
pub use in_place::EditInPlace;
pub use item_page::{item_page_view, page_item, EditorFinds, PageItem};
pub use kinds::{
    article::{ArticleDetails, ArticleFields, EditableArticle},
    *,
};
pub use translating::{
    get_translation, save_translation, translation_editor_view, translation_source_changed,
    GetTranslation, PageLanguages, SaveTranslation, SourceChanged, StoredTranslation,
    TranslationFields, TranslationSave, TranslationSaved, TranslationSourceChanged,
    TranslationStart,
};
pub use visibility::ReadersSee;

/// The shared draft of an article (or, with `EventFields`, an event) as an editor sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftState<F = ArticleFields> {
    pub fields: F,
    /// The item version the draft was written on: a save of the draft must name it, so a
    /// change made to the item since (a move, a restore) is a conflict, never undone.
    pub base_version: i64,
    /// Counts the draft's saves; the next save must name it.
    pub draft_version: i64,
    pub saved_by: Option<String>,
    /// "29.11.2026 10:42", Riga time.
    pub saved_at: String,
    /// The item's fields at `base_version`, when the item has been written since (another
    /// editor published or restored a version): what the draft and the item as it is now
    /// both went on from, so the choice between them starts from who changed what.
    pub written_on: Option<F>,
}

/// An item of any kind opened for editing: `F` its fields, `D` what only its kind's editor
/// needs (and which kind it is, as [`shell::Editable`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditableItem<F, D> {
    pub id: i64,
    pub slug: String,
    /// The stored item's version, which saving must name.
    pub version: i64,
    /// What is saved now (for an item readers cannot see yet: what they would see).
    pub current: F,
    /// The shared draft, when someone saved one since.
    pub draft: Option<DraftState<F>>,
    /// The categories an editor may choose from.
    pub categories: Vec<crate::calendar::CategoryTag>,
    pub details: D,
    /// A mark made for this opening of the editor (one browser tab), which its saves carry
    /// (`Writer`): a draft saved with it is that editor's own text, although an answer was
    /// lost on the way and its browser names an older draft. The editor's later saves and
    /// its publication go over it instead of meeting it as someone else's.
    pub writer: String,
}

/// An article's category and visibility, as the editor sets them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSettingsSave {
    pub article_id: i64,
    pub version: i64,
    /// A category slug, or empty for none.
    pub category: String,
    pub published: bool,
}

/// After an item's settings or address are saved: its new version and its address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsSaved {
    pub version: i64,
    pub slug: String,
}

/// A save of an editor's fields (`F`: `ArticleFields`, `EventFields`): as the shared draft,
/// or published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemSave<F> {
    /// The item's id. (The other names are those an editor's page from before one save type
    /// for every kind sends; they may go once no such page can still be open.)
    #[serde(alias = "article_id", alias = "event_id")]
    pub id: i64,
    pub fields: F,
    /// The item version the editor started from.
    #[serde(alias = "version")]
    pub base_version: i64,
    /// The draft save the editor started from (0: there was no draft).
    pub draft_version: i64,
    /// The opened editor sending it; none from a page older than the mark.
    #[serde(default)]
    pub writer: Option<Writer>,
}

/// Which opened editor sent a save (`mark`, see `EditableItem::writer`) and which of its
/// saves it is (`save`: the editor numbers its saves from 1 up, in the order it makes them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Writer {
    pub mark: String,
    pub save: i64,
}

impl Writer {
    /// The editor opened with `mark`, before its first save.
    pub fn opened(mark: String) -> Self {
        Writer { mark, save: 0 }
    }

    /// Counts one more save, and answers the writer it carries.
    pub fn next_save(&mut self) -> Writer {
        self.save += 1;
        self.clone()
    }
}

/// A mark the server makes (43 URL-safe base64 characters, see `check_writer`).
#[cfg(feature = "ssr")]
fn new_mark() -> String {
    crate::auth::session::new_token()
}

/// Never called in the browser: pages are rendered on the server, and hydrating an island
/// takes the mark the server wrote into its props.
#[cfg(not(feature = "ssr"))]
fn new_mark() -> String {
    String::new()
}

pub type ArticleSave = ItemSave<ArticleFields>;

/// What a save left behind: `Saved<F>` answers the fields as stored (trimmed, the body
/// sanitised, an all-day event's times as the store keeps them), so the editor knows the
/// text at the new version exactly as another editor will fetch it. A restore answers
/// `Saved` without them: its editor loads the page again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved<F = ()> {
    pub version: i64,
    pub draft_version: i64,
    /// "10:42:05", Riga time.
    pub at: String,
    /// The fields as written: of the item at `version`, or of the draft.
    pub fields: F,
    /// The item's slug after a write of the item (none for a draft save). It may be new: an
    /// unpublished item's address follows its title until an editor chooses one.
    #[serde(default)]
    pub slug: Option<String>,
}

impl<F> Saved<F> {
    /// The answer without the fields written.
    pub fn without_fields(self) -> Saved {
        Saved {
            version: self.version,
            draft_version: self.draft_version,
            at: self.at,
            fields: (),
            slug: self.slug,
        }
    }
}

/// An uploaded image (see `upload`), as the body editor inserts it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredImage {
    pub src: String,
    pub srcset: String,
    pub width: u32,
    pub height: u32,
}

/// The catalogue messages that name a kind of item in the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindWords {
    /// The button that opens its editor.
    pub edit: &'static str,
    /// The note on one not published yet, which only editors see.
    pub unpublished: &'static str,
    /// The note on one readers saw, hidden from them since.
    pub hidden: &'static str,
    /// What the desk calls it in the trash.
    pub in_trash: &'static str,
    /// The names of its translated title, lead and extra field: an event's title is its
    /// name, its lead the summary and its extra the place; an article's extra is the contact.
    pub translated: [&'static str; 3],
}

/// An article or an event, by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRef {
    pub kind: ItemKind,
    pub id: i64,
}

/// One version in an article's or event's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionInfo {
    pub version: i64,
    pub title: String,
    pub saved_by: String,
    pub saved_at: String,
    /// The version readers see now.
    pub current: bool,
}

/// A run of text in a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    Same(String),
    Removed(String),
    Added(String),
}

/// Two versions compared field by field (plain text, word by word).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    pub older: i64,
    pub newer: i64,
    /// (the field's label as a catalogue message id, changes); the browser words the label.
    pub fields: Vec<(String, Vec<Change>)>,
}

/// An item in the trash or among drafts, for the editors' desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskItem {
    pub item: ItemRef,
    pub slug: String,
    pub title: String,
    pub when: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Desk {
    pub drafts: Vec<DeskItem>,
    pub trash: Vec<DeskItem>,
}

/// One line of the audit log, for admins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub item: String,
}

/// One page of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLog {
    pub lines: Vec<AuditLine>,
    /// Whether older lines follow on the next page.
    pub older: bool,
    /// The line the listing holds still from (its first page's newest), which the links to
    /// its other pages name: lines written meanwhile do not push its pages along.
    pub upto: Option<i64>,
}

/// Creates an unpublished article and answers its slug, to be edited in place.
#[server(input = Json, endpoint = "editing/create_article")]
pub async fn create_article() -> Result<String, AppError> {
    let editor = crate::auth::session::require_editor().await?;
    kinds::article::service::create(&editor).await
}

/// What an editor finds at an item's address where readers find nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unpublished {
    /// An item readers cannot see, with its title (its draft's, while it is new) and whether
    /// they saw it before (hidden) or not (new).
    Here { title: String, readers: ReadersSee },
    /// The item moved from there to this address (published under its title, or an editor
    /// chose another).
    MovedTo(String),
}

/// Whether an item of `kind` readers cannot see (not published yet, or hidden) is at `slug`,
/// or moved from there; `NotFound`, or `InTrash` when it was moved to the trash.
#[server(input = Json, endpoint = "editing/find_unpublished")]
pub async fn find_unpublished(kind: ItemKind, slug: String) -> Result<Unpublished, AppError> {
    crate::auth::session::require_editor().await?;
    service::unpublished_at(kind, &slug).await
}

/// Moves an article or event to the trash.
#[server(input = Json, endpoint = "editing/delete_item")]
pub async fn delete_item(item: ItemRef) -> Result<(), AppError> {
    let editor = crate::auth::session::require_editor().await?;
    service::trash(&editor, item).await
}

/// Moves an article or event to the address an editor chose; the old one leads on to it.
#[server(input = Json, endpoint = "editing/change_address")]
pub async fn change_address(
    item: ItemRef,
    version: i64,
    slug: String,
) -> Result<SettingsSaved, AppError> {
    let editor = crate::auth::session::require_editor().await?;
    service::change_address(&editor, item, version, &slug).await
}

/// Takes an article or event out of the trash, as a draft.
#[server(input = Json, endpoint = "editing/restore_item")]
pub async fn restore_item(item: ItemRef) -> Result<(), AppError> {
    let editor = crate::auth::session::require_editor().await?;
    service::restore(&editor, item).await
}

/// Every version of an article or event, newest first.
#[server(input = Json, endpoint = "editing/get_history")]
pub async fn get_history(item: ItemRef) -> Result<Vec<RevisionInfo>, AppError> {
    crate::auth::session::require_editor().await?;
    versions::history(item).await
}

/// Two versions of an article or event compared, from `older` to `newer` (an editor may
/// compare a later version to an earlier one: the changes then go back); dates and status in
/// `lang` (Latvian when not given).
#[server(input = Json, endpoint = "editing/compare_versions")]
pub async fn compare_versions(
    item: ItemRef,
    older: i64,
    newer: i64,
    lang: Option<crate::i18n::Lang>,
) -> Result<Comparison, AppError> {
    crate::auth::session::require_editor().await?;
    versions::compare(item, older, newer, lang.unwrap_or_default()).await
}

/// Makes an earlier version current again (as a new version; nothing is lost).
#[server(input = Json, endpoint = "editing/restore_version")]
pub async fn restore_version(
    item: ItemRef,
    version: i64,
    expected_version: i64,
) -> Result<Saved, AppError> {
    let editor = crate::auth::session::require_editor().await?;
    versions::restore(&editor, item, version, expected_version).await
}

/// Drafts and the trash.
#[server(input = Json, endpoint = "editing/get_desk")]
pub async fn get_desk() -> Result<Desk, AppError> {
    crate::auth::session::require_editor().await?;
    service::desk().await
}

/// Lines of the audit log on one of its pages.
pub const AUDIT_LINES_PER_PAGE: u32 = 50;

/// One page of the audit log, newest first, for admins; as it stood at line `upto` (see
/// [`AuditLog::upto`]), else as it is now.
#[server(input = Json, endpoint = "editing/get_audit_log")]
pub async fn get_audit_log(page: u32, upto: Option<i64>) -> Result<AuditLog, AppError> {
    crate::auth::session::require_admin().await?;
    service::audit_log(page, upto).await
}

/// Creates an unpublished event at 10:00 on `day` and answers its slug.
#[server(input = Json, endpoint = "editing/create_event")]
pub async fn create_event(day: chrono::NaiveDate) -> Result<String, AppError> {
    let editor = crate::auth::session::require_editor().await?;
    kinds::event::service::create_on(&editor, day).await
}

/// Moves a single event to another day, keeping its times.
#[server(input = Json, endpoint = "editing/move_event")]
pub async fn move_event(slug: String, day: chrono::NaiveDate) -> Result<(), AppError> {
    let editor = crate::auth::session::require_editor().await?;
    kinds::event::service::move_to(&editor, &slug, day).await
}

/// Changes an article's category and whether readers see it.
#[server(input = Json, endpoint = "editing/update_article_settings")]
pub async fn update_article_settings(save: ArticleSettingsSave) -> Result<SettingsSaved, AppError> {
    let editor = crate::auth::session::require_editor().await?;
    kinds::article::service::update_settings(&editor, save).await
}

#[cfg(test)]
mod tests {
    use super::{event_fields::EventSave, ArticleSave, ItemSave};

    /// A page opened before one save type for every kind still saves: the names it sends
    /// are understood.
    #[test]
    fn saves_in_the_names_of_before_are_understood() {
        let fields = r#"{ "title": "T", "lead": "", "body_html": "", "contact": "" }"#;
        let article: ArticleSave = serde_json::from_str(&format!(
            r#"{{ "article_id": 7, "fields": {fields}, "base_version": 3, "draft_version": 2 }}"#
        ))
        .expect("an article save as it was sent");
        assert_eq!(
            (article.id, article.base_version, article.draft_version),
            (7, 3, 2)
        );
        let fields =
            serde_json::to_string(&super::event_fields::EventFields::default()).expect("fields");
        let event: EventSave = serde_json::from_str(&format!(
            r#"{{ "event_id": 9, "version": 4, "draft_version": 0, "fields": {fields} }}"#
        ))
        .expect("an event save as it was sent");
        assert_eq!((event.id, event.base_version), (9, 4));
        let today: ItemSave<super::ArticleFields> = serde_json::from_str(&format!(
            r#"{{ "id": 7, "fields": {}, "base_version": 3, "draft_version": 2 }}"#,
            serde_json::to_string(&article.fields).expect("fields")
        ))
        .expect("a save as sent now");
        assert_eq!(today, article);
    }
}
