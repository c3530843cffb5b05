//! What the SQL modules use, in one list: each brings it in with `use super::sql::prelude::*`.

pub(in crate::storage) use super::super::articles::article_columns_written;
pub(in crate::storage) use super::super::changes::{ContentChanges, ContentWrite};
pub(in crate::storage) use super::super::dialect::{Dialect, SqlValue};
pub(in crate::storage) use super::super::events::event_columns_written;
pub(in crate::storage) use super::super::item_write::{
    self, ColumnValue, ItemColumns, Outcome, VersionedWrite,
};
pub(in crate::storage) use super::super::rows::{
    article_columns, articles_from, draft_columns, event_columns, push_categories,
    push_category_slugs, AddressRow, ArticleRow, AttachmentRow, CategoryRow, CredentialsRow,
    DeskRow, DraftRow, EventRevisionRow, EventRow, FailuresRow, FoundRow, RevisionRow,
    SavedDraftRow, SearchRow, StoredDraftRow, TranslationRow, UnsearchedRow, UserRow, VersionRow,
    ARTICLE_COLUMNS, EVENT_COLUMNS, EVENT_REVISION_COLUMNS,
};
pub(in crate::storage) use super::super::search::{fold_selected, search_text, translations_of};
pub(in crate::storage) use super::super::tables::{own_write, ItemTables};
pub(in crate::storage) use super::super::*;
pub(in crate::storage) use super::SqlStore;
pub(in crate::storage) use crate::i18n::Lang;
pub(in crate::storage) use crate::sanitize::SafeHtml;
pub(in crate::storage) use async_trait::async_trait;
pub(in crate::storage) use chrono::{DateTime, Utc};
pub(in crate::storage) use sqlx::QueryBuilder;
pub(in crate::storage) use std::borrow::Cow;
