//! What the editing server functions that are not a kind's own do once the caller is known to
//! be an editor: the trash, the desk, the audit log, and how times and audit lines are worded.

use chrono::Utc;

use super::{AuditLine, Desk, DeskItem, ItemKind, ItemRef};
use crate::{
    error::AppError,
    state::store,
    storage::{Article, Audit, TrashMove, User},
    timezone,
};

/// Audit log lines per page.
const AUDIT_PAGE: u32 = 50;

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
    let store = store()?;
    // Each item on the desk is listed with the time that put it there.
    let on_desk = |kind, id, slug, title, at| DeskItem {
        item: ItemRef { kind, id },
        slug,
        title,
        when: stamp(at),
    };
    let article = |article: Article, at| {
        let Article {
            id, slug, title, ..
        } = article;
        (at, on_desk(ItemKind::Article, id, slug, title, at))
    };
    let drafts = store.draft_articles().await?.into_iter().map(|draft| {
        let at = draft.updated_at;
        article(draft, at).1
    });
    let trashed_articles = store.trashed_articles().await?.into_iter();
    let mut trash: Vec<_> = trashed_articles
        .map(|trashed| {
            let at = trashed.trashed_at.unwrap_or(trashed.updated_at);
            article(trashed, at)
        })
        .collect();
    trash.extend(store.trashed_events().await?.into_iter().map(|event| {
        let at = event.trashed_at.unwrap_or(event.updated_at);
        (
            at,
            on_desk(ItemKind::Event, event.id, event.slug, event.title, at),
        )
    }));
    trash.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    Ok(Desk {
        drafts: drafts.collect(),
        trash: trash.into_iter().map(|(_, item)| item).collect(),
    })
}

pub async fn audit_log(page: u32) -> Result<Vec<AuditLine>, AppError> {
    let paging = crate::components::Paging::new(page, AUDIT_PAGE);
    Ok(store()?
        .audit_log(paging.limit(), paging.offset())
        .await?
        .into_iter()
        .map(|entry| AuditLine {
            at: stamp(entry.at),
            actor: entry.actor,
            action: entry.action,
            item: entry.item_title,
        })
        .collect())
}
