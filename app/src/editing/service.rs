//! What the editing server functions that are not a kind's own do once the caller is known to
//! be an editor: the trash, the desk, the audit log, and how times and audit lines are worded.

use chrono::Utc;

use super::{validate, AuditLine, Desk, DeskItem, ItemKind, ItemRef, SettingsSaved};
use crate::{
    error::AppError,
    state::store,
    storage::{Audience, Audit, DeskPlace, ItemAt, TrashMove, User},
    timezone,
};

/// When a save happened, as the editing bar says it: "10:42:05", Riga time.
pub(super) fn clock(at: chrono::DateTime<Utc>) -> String {
    timezone::local(at).format("%H:%M:%S").to_string()
}

pub(super) fn stamp(at: chrono::DateTime<Utc>) -> String {
    timezone::local(at).format("%d.%m.%Y %H:%M").to_string()
}

/// The audit line of an editing write by `editor`; the store writes it with the write.
pub(super) fn audit<'a>(editor: &'a User, action: &'a str) -> Audit<'a> {
    Audit {
        actor: &editor.email,
        action,
    }
}

/// `find` at `slug`; when nothing is there, `find` where the item of `kind` that was at `slug`
/// is now: it moved since the editor's page was opened (another editor published it under
/// its title, or chose another address).
pub(super) async fn where_it_is_now<T, Found>(
    kind: ItemKind,
    slug: &str,
    find: impl Fn(String) -> Found,
) -> Result<T, AppError>
where
    Found: std::future::Future<Output = Result<T, AppError>>,
{
    match find(slug.to_string()).await {
        Err(AppError::NotFound) => {
            let moved = store()?.moved_item(kind, slug, Audience::Editors).await?;
            find(moved.ok_or(AppError::NotFound)?).await
        }
        found => found,
    }
}

/// What an editor finds of the item of `kind` at `slug`, where readers find nothing: one
/// not published yet or hidden from them, or the address it moved to; `InTrash` or
/// `NotFound` otherwise.
pub async fn unpublished_at(kind: ItemKind, slug: &str) -> Result<super::Unpublished, AppError> {
    let store = store()?;
    // Readers find a published item (a published event's page at a day it does not have
    // says not found); editors do not find it unpublished there either.
    if let Some(found) = store.item_at(kind, slug, Audience::Editors).await? {
        if found.readers.published {
            return Err(AppError::NotFound);
        }
        let (title, readers) = (found.title, found.readers);
        return Ok(super::Unpublished::Here { title, readers });
    }
    if let Some(now) = store.moved_item(kind, slug, Audience::Editors).await? {
        return Ok(super::Unpublished::MovedTo(now));
    }
    told_if_trashed(kind, ItemAt::Slug(slug), Err(AppError::NotFound)).await
}

/// `written`, a write of the item of `kind` at `at` (its id, or the address the editor's
/// page found it at); when it was refused as not found because the item was moved to the
/// trash meanwhile, the editor is told that (and where to restore it) instead.
pub(super) async fn told_if_trashed<T>(
    kind: ItemKind,
    at: ItemAt<'_>,
    written: Result<T, AppError>,
) -> Result<T, AppError> {
    match written {
        Err(AppError::NotFound) if store()?.in_trash(kind, at).await? => Err(AppError::InTrash),
        written => written,
    }
}

/// Moves an article or event to the trash.
pub async fn trash(editor: &User, item: ItemRef) -> Result<(), AppError> {
    Ok(store()?
        .move_trash(
            item.kind,
            item.id,
            TrashMove::Into,
            audit(editor, "deleted"),
        )
        .await?)
}

/// Moves an item to the address `slug` an editor chose, if it is still at `version`.
pub async fn change_address(
    editor: &User,
    item: ItemRef,
    version: i64,
    slug: &str,
) -> Result<SettingsSaved, AppError> {
    let slug = validate::slug(slug)?;
    let action = audit(editor, "changed address");
    let version = store()?
        .change_address(item.kind, item.id, version, &slug, action)
        .await
        .map_err(AppError::from);
    let version = told_if_trashed(item.kind, ItemAt::Id(item.id), version).await?;
    Ok(SettingsSaved { version, slug })
}

/// Takes an article or event out of the trash, as a draft.
pub async fn restore(editor: &User, item: ItemRef) -> Result<(), AppError> {
    Ok(store()?
        .move_trash(
            item.kind,
            item.id,
            TrashMove::OutOf,
            audit(editor, "restored"),
        )
        .await?)
}

pub async fn desk() -> Result<Desk, AppError> {
    let mut desk = Desk {
        drafts: Vec::new(),
        trash: Vec::new(),
    };
    // One read, newest first in each list.
    for entry in store()?.desk().await? {
        let item = DeskItem {
            item: ItemRef {
                kind: entry.kind,
                id: entry.id,
            },
            slug: entry.slug,
            title: entry.title,
            when: stamp(entry.at),
        };
        match entry.place {
            DeskPlace::Draft => desk.drafts.push(item),
            DeskPlace::Trash => desk.trash.push(item),
        }
    }
    Ok(desk)
}

/// Page `page` of the audit log, as it stood at line `upto` (the newest line of its first
/// page; none for the log as it is now).
pub async fn audit_log(page: u32, upto: Option<i64>) -> Result<super::AuditLog, AppError> {
    let paging = crate::components::Paging::new(page, super::AUDIT_LINES_PER_PAGE);
    let store = store()?;
    // A listing without its line holds still from the log's newest: on the first page that
    // is its own first line; begun on another (an old bookmark), it is looked up.
    let upto = match upto {
        None if page > 1 => store
            .audit_log(1, 0, None)
            .await?
            .first()
            .map(|entry| entry.id),
        upto => upto,
    };
    // One line more than a page holds tells whether there is an older page.
    let mut entries = store
        .audit_log(paging.limit() + 1, paging.offset(), upto)
        .await?;
    // A page past the last is none, as the news list's is; the first page of an empty log
    // says it is empty.
    if entries.is_empty() && page > 1 {
        return Err(AppError::NotFound);
    }
    let upto = upto.or(entries.first().map(|entry| entry.id));
    let per_page = super::AUDIT_LINES_PER_PAGE as usize;
    let older = entries.len() > per_page;
    entries.truncate(per_page);
    let lines = entries
        .into_iter()
        .map(|entry| AuditLine {
            at: stamp(entry.at),
            actor: entry.actor,
            action: entry.action,
            item: entry.item_title,
        })
        .collect();
    Ok(super::AuditLog { lines, older, upto })
}
