//! The server side of editing, written once for every kind of item: opening an item for its
//! editor, saving the shared draft, publishing, comparing two versions and restoring one.
//!
//! A kind supplies a [`KindService`]: its fields, how they are checked, how a version of them
//! is stored, and how a comparison words them. `kinds::for_kind` finds a kind's service for
//! the server functions that name an item by [`super::ItemRef`].

use std::future::Future;

use super::{
    conflict::{ItemCategories, Part},
    service::{told_if_trashed, where_it_is_now},
    shell::Editable,
    stored_draft::{self, StoredShape},
    EditableItem, ItemRef, ItemSave, Saved, Writer,
};
use crate::{
    calendar::occurrences::category_tags,
    error::AppError,
    i18n::{Lang, Message},
    sanitize::{images_have_alt_text, SafeHtml},
    search::text::text_by_block,
    state::store,
    storage::{DraftRule, ItemAt, ItemTables, TranslatedText, User},
};

/// What a kind of editable item supplies to the editing core on the server.
pub(super) trait KindService: Send + Sync + 'static {
    /// The editor's fields, as the browser sends them.
    type Fields: Clone + PartialEq + Send + Sync + 'static;
    /// How its drafts are stored; `Draft::KIND` is the kind.
    type Draft: StoredShape<Fields = Self::Fields>;
    /// What only its editor needs (`ArticleDetails`, `EventDetails`), which is also the
    /// kind's descriptor in the browser.
    type Details: Editable<Fields = Self::Fields>;
    /// A version ready to be stored: the fields checked, the body sanitised, and what the form
    /// does not hold (an article's attachments, an event's series rule) kept from the item.
    type Version: Send;
    /// Its tables, for the statements every kind shares (`storage/tables.rs`).
    const TABLES: &'static ItemTables;

    /// The item at `slug` as stored now (unpublished ones too, not trashed ones), for its
    /// editor.
    fn for_editing(
        slug: &str,
    ) -> impl Future<Output = Result<ForEditing<Self::Fields, Self::Details>, AppError>> + Send;

    /// `fields` checked as a save would check them (so problems show while typing), but not
    /// yet sanitised; a problem answers 422 naming the field.
    fn validated(fields: Self::Fields) -> Result<Self::Fields, AppError>;

    /// The body's HTML in `fields`, which the server sanitises.
    fn body_mut(fields: &mut Self::Fields) -> &mut String;

    /// A translation's `text` checked as the kind's own text is, trimmed; a problem answers
    /// 422 naming the kind's field.
    fn translation_checked(text: TranslatedText) -> Result<TranslatedText, AppError>;

    /// `fields` as the next version of item `id`, seen by readers as `visibility` says.
    fn version_of(
        id: i64,
        fields: Self::Fields,
        visibility: Visibility,
    ) -> impl Future<Output = Result<Self::Version, AppError>> + Send;

    /// The body readers will see once `version` is written, when it is published.
    fn published_body(version: &Self::Version) -> Option<&str>;

    /// How the audit log words saving `version` from the editor.
    fn save_action(version: &Self::Version) -> &'static str;

    /// Writes `version` as the newest version of item `id` if it is still at
    /// `expected_version`, settling the shared draft by `draft`, with the audit line `action`,
    /// all in one transaction.
    fn write(
        editor: &User,
        id: i64,
        version: Self::Version,
        expected_version: i64,
        draft: DraftRule<'_>,
        action: &str,
    ) -> impl Future<Output = Result<Saved<Self::Fields>, AppError>> + Send;

    /// The fields of version `version` of item `id`: its current one or a revision.
    fn fields_at(
        id: i64,
        version: i64,
    ) -> impl Future<Output = Result<Self::Fields, AppError>> + Send;
}

/// Whether a write shows its item to readers as the editor chose, or as they see it now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Visibility {
    /// A publication from the editor: an article goes to readers; an event as its form says.
    AsChosen,
    /// A restore brings back a version's text, not whether readers see it: an item hidden
    /// from them stays hidden, a published one stays published.
    AsNow,
}

/// An item as stored now, as a kind reads it for its editor; [`editable`] adds what every kind
/// adds (the shared draft, the categories).
pub(super) struct ForEditing<F, D> {
    pub id: i64,
    pub slug: String,
    pub version: i64,
    pub current: F,
    pub details: D,
}

/// The item at `slug` with its shared draft, for its editor.
pub(super) async fn editable<K: KindService>(
    slug: &str,
) -> Result<EditableItem<K::Fields, K::Details>, AppError> {
    let kind = <K::Draft as StoredShape>::KIND;
    let item = where_it_is_now(
        kind,
        slug,
        |slug| async move { K::for_editing(&slug).await },
    )
    .await?;
    Ok(EditableItem {
        writer: super::new_mark(),
        draft: opened_draft::<K>(item.id, item.version).await?,
        categories: category_tags(store()?.as_ref()).await?,
        id: item.id,
        slug: item.slug,
        version: item.version,
        current: item.current,
        details: item.details,
    })
}

/// The shared draft of item `id`, its body cleaned again: a draft keeps no note of the
/// allow-list that cleaned it, and its body goes into an editor's page as HTML. Written on
/// an older version than the item's `version` (a draft stored before drafts had to go on
/// from the item as it is, or kept by a restore), it comes with that version's fields.
async fn opened_draft<K: KindService>(
    id: i64,
    version: i64,
) -> Result<Option<super::DraftState<K::Fields>>, AppError> {
    let Some(mut draft) = stored_draft::opened::<K::Draft>(id).await? else {
        return Ok(None);
    };
    draft.fields = with_clean_body::<K>(draft.fields, BodyFrom::Store).await?;
    if draft.base_version != version {
        let written_on = K::fields_at(id, draft.base_version).await;
        // Without them (a version no longer kept) the choice starts from the draft's parts.
        draft.written_on = match written_on {
            Ok(fields) => Some(with_clean_body::<K>(fields, BodyFrom::Store).await?),
            Err(_) => None,
        };
    }
    Ok(Some(draft))
}

/// Something to do with the service of whichever kind an `ItemRef` names.
pub(super) trait KindTask: Send {
    type Output;
    fn run<K: KindService>(self) -> impl Future<Output = Self::Output> + Send;
}

/// `fields` from an editor, validated, with the body sanitised off the request threads.
async fn checked<K: KindService>(fields: K::Fields) -> Result<K::Fields, AppError> {
    with_clean_body::<K>(K::validated(fields)?, BodyFrom::Editor).await
}

/// Where a body comes from: an editor's is checked before it is parsed
/// ([`SafeHtml::from_editor`]); a stored one is cleaned as it is.
enum BodyFrom {
    Editor,
    Store,
}

/// `fields` with the body sanitised off the request threads.
async fn with_clean_body<K: KindService>(
    mut fields: K::Fields,
    from: BodyFrom,
) -> Result<K::Fields, AppError> {
    let body = std::mem::take(K::body_mut(&mut fields));
    let clean = match from {
        BodyFrom::Editor => SafeHtml::from_editor(body).await?,
        BodyFrom::Store => SafeHtml::sanitize_off_thread(body).await?,
    };
    *K::body_mut(&mut fields) = clean.into_string();
    Ok(fields)
}

/// Saves the shared draft; readers still see what was published. It is checked like a
/// publication, so problems show while typing.
pub(super) async fn save_draft<K: KindService>(
    editor: &User,
    save: ItemSave<K::Fields>,
) -> Result<Saved<K::Fields>, AppError> {
    check_writer(save.writer.as_ref())?;
    let item = item_of::<K>(&save);
    let fields = checked::<K>(save.fields).await?;
    let saved = stored_draft::save::<K::Draft>(editor, ItemSave { fields, ..save }).await;
    told_if_trashed(item.kind, ItemAt::Id(item.id), saved).await
}

/// The item an editor's `save` is for.
fn item_of<K: KindService>(save: &ItemSave<K::Fields>) -> ItemRef {
    ItemRef {
        kind: <K::Draft as StoredShape>::KIND,
        id: save.id,
    }
}

/// Writes the editor's fields over the item (published, for a kind whose fields do not say
/// otherwise), keeping the version they replace, and discards the draft they came from.
pub(super) async fn publish<K: KindService>(
    editor: &User,
    save: ItemSave<K::Fields>,
) -> Result<Saved<K::Fields>, AppError> {
    check_writer(save.writer.as_ref())?;
    let item = item_of::<K>(&save);
    let written = written::<K>(editor, save).await;
    told_if_trashed(item.kind, ItemAt::Id(item.id), written).await
}

/// [`publish`], once the writer's mark is checked.
async fn written<K: KindService>(
    editor: &User,
    save: ItemSave<K::Fields>,
) -> Result<Saved<K::Fields>, AppError> {
    let version = K::version_of(save.id, save.fields, Visibility::AsChosen).await?;
    // Checked on the body as it will be stored.
    if let Some(body) = K::published_body(&version) {
        images_described("body", body)?;
    }
    let action = K::save_action(&version);
    // Publishing over a draft someone else saved after this editor's last look would lose
    // it: the store refuses that in the publishing transaction.
    let draft = DraftRule::Publishes {
        seen: save.draft_version,
        writer: save.writer.as_ref(),
    };
    K::write(editor, save.id, version, save.base_version, draft, action).await
}

/// Refuses a body readers would see with an image that has no text for those who cannot see
/// it, naming `field` (the body, or the setting that would show it).
pub(super) fn images_described(field: &str, body_html: &str) -> Result<(), AppError> {
    if images_have_alt_text(body_html) {
        Ok(())
    } else {
        Err(AppError::invalid(field, Message::new("invalid-alt-text")))
    }
}

/// Refuses a save whose opened editor's mark (`ItemSave::writer`) no editor could have been
/// given (the server makes them as `new_token` does: 43 URL-safe base64 characters), or whose
/// number is not one an editor counts, rather than storing it.
pub(super) fn check_writer(writer: Option<&Writer>) -> Result<(), AppError> {
    let Some(writer) = writer else {
        return Ok(());
    };
    let made_here = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if writer.mark.len() == 43 && writer.mark.chars().all(made_here) && writer.save > 0 {
        Ok(())
    } else {
        Err(AppError::BadRequest(
            "writer: not a mark this server made".to_string(),
        ))
    }
}

/// Makes version `version` of item `id` current again, as a new version; not from the shared
/// draft, so a draft another editor saved stays theirs.
pub(super) async fn restore<K: KindService>(
    editor: &User,
    id: i64,
    version: i64,
    expected_version: i64,
) -> Result<Saved, AppError> {
    let kind = <K::Draft as StoredShape>::KIND;
    let restored = async {
        let fields = K::fields_at(id, version).await?;
        let restored = K::version_of(id, fields, Visibility::AsNow).await?;
        // An older version may come from before the rule: readers get none of it either.
        if let Some(body) = K::published_body(&restored) {
            images_described("body", body)?;
        }
        // Named as the history names it: by its place among the versions of the text.
        let listed = store()?.versions(kind, id).await?;
        let place = listed
            .iter()
            .filter(|listed| listed.version <= version)
            .count();
        let action = format!("restored version {place}");
        K::write(
            editor,
            id,
            restored,
            expected_version,
            DraftRule::Keeps,
            &action,
        )
        .await
        .map(Saved::without_fields)
    };
    told_if_trashed(kind, ItemAt::Id(id), restored.await).await
}

/// (label, older text, newer text) for each field of versions `older` and `newer`.
pub(super) async fn compared<K: KindService>(
    id: i64,
    older: i64,
    newer: i64,
    lang: Lang,
) -> Result<Vec<(Message, String, String)>, AppError> {
    let categories = category_tags(store()?.as_ref()).await?;
    let (older, newer) = (
        K::fields_at(id, older).await?,
        K::fields_at(id, newer).await?,
    );
    // Long bodies become text block by block: off the request threads, like their diff.
    crate::cpu::run(move || {
        // Each part as the conflict view shows it, which names a category from its context.
        let owner = leptos::prelude::Owner::new();
        owner.with(|| {
            leptos::prelude::provide_context(ItemCategories(categories));
            let parts = K::Details::parts();
            let shown = |part: &Part<K::Fields>, fields| {
                let shown = (part.show)(fields, lang);
                match part.html {
                    true => text_by_block(&shown),
                    false => shown,
                }
            };
            parts
                .iter()
                .map(|part| {
                    let label = Message::new(part.label);
                    (label, shown(part, &older), shown(part, &newer))
                })
                .collect()
        })
    })
    .await
}
