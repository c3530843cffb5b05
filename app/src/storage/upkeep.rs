//! Upkeep of what is stored: bodies cleaned under an older allow-list, cleaned again and kept.
//!
//! Raising `sanitize::SANITIZER_VERSION` leaves every body stored before to be cleaned again
//! each time its row is read (`sanitize::for_render`), on the thread reading it. The server
//! stores them cleaned once instead (`sanitize::clean_stored_bodies`), a batch at a time,
//! with `Store::stale_bodies` and `Store::store_cleaned` (in `store.rs`); their statements
//! are here.

use super::sql::prelude::*;
use crate::editing::ItemKind;

/// A body stored under another sanitizer version than this one: an item's own (`lang`
/// empty) or its translation's into `lang`, as it was at `version` of that row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleBody {
    pub kind: ItemKind,
    pub id: i64,
    pub lang: String,
    pub version: i64,
    pub body_html: String,
}

#[derive(sqlx::FromRow)]
pub(super) struct StaleBodyRow {
    kind: String,
    id: i64,
    lang: String,
    version: i64,
    body_html: String,
}

impl StaleBodyRow {
    /// The body as the re-cleaning takes it; none for a kind this build does not know.
    pub(super) fn into_body(self) -> Option<StaleBody> {
        let kind = ItemKind::ALL
            .into_iter()
            .find(|&kind| ItemTables::of(kind).kind == self.kind)?;
        Some(StaleBody {
            kind,
            id: self.id,
            lang: self.lang,
            version: self.version,
            body_html: self.body_html,
        })
    }
}

/// The statement that reads up to `$2` `StaleBodyRow`s of every kind's items and
/// translations stored under another sanitizer version than `$1`.
pub(super) fn stale_bodies_statement() -> String {
    let selects: Vec<String> = ItemKind::ALL
        .iter()
        .flat_map(|&kind| {
            let ItemTables {
                kind: name,
                items,
                key,
                translations,
                columns,
                ..
            } = ItemTables::of(kind);
            let body = columns[2];
            [
                format!(
                    "SELECT '{name}' AS kind, id, '' AS lang, version, {body} AS body_html \
                     FROM {items} WHERE sanitizer_version <> $1"
                ),
                format!(
                    "SELECT '{name}', {key}, lang, version, {body} FROM {translations} \
                     WHERE sanitizer_version <> $1 AND {body} <> ''"
                ),
            ]
        })
        .collect();
    format!("{} LIMIT $2", selects.join(" UNION ALL "))
}

/// The statement that stores `stale`'s body cleaned: binds `$1` the body, `$2` the sanitizer
/// version, `$3` the item, `$4` the row's version as read and `$5` the language (empty for
/// an item's own body); it changes nothing where the row was written since.
pub(super) fn store_cleaned_statement(stale: &StaleBody) -> String {
    let ItemTables {
        items,
        key,
        translations,
        columns,
        ..
    } = ItemTables::of(stale.kind);
    let body = columns[2];
    if stale.lang.is_empty() {
        format!(
            "UPDATE {items} SET {body} = $1, sanitizer_version = $2 \
             WHERE id = $3 AND version = $4 AND $5 = ''"
        )
    } else {
        format!(
            "UPDATE {translations} SET {body} = $1, sanitizer_version = $2 \
             WHERE {key} = $3 AND version = $4 AND lang = $5"
        )
    }
}
