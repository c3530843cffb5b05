//! Events: creating, reading by range, page and slug.
//!
//! The trait is part of `Store`; its SQL is the generic impl below, one for both backends
//! (`SqlStore<D: Dialect>`, see `sql` and `dialect`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::sql::prelude::*;
use crate::i18n::Lang;

#[async_trait]
pub trait EventStore: Send + Sync {
    /// Stores an event under a fresh unique slug made from its title, with the audit line of
    /// the editor who created it (none for imports and demo content).
    async fn create_event(
        &self,
        event: &NewEvent,
        audit: Option<Audit<'_>>,
    ) -> Result<Event, StoreError>;

    /// Stores many events in one transaction (imports, load tests); all or none.
    async fn create_events(&self, events: &[NewEvent]) -> Result<u64, StoreError>;

    /// Published events that touch `[from, to)`, by start time: single events overlapping it,
    /// and recurring series that may have occurrences in it (expand those with
    /// `calendar::recurrence`). Looks back only as far as the longest event lasts, so the
    /// cost follows the size of the range, not of the table.
    async fn events_between(
        &self,
        lang: Lang,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Event>, StoreError>;

    /// A page of published single events before or after `now` (see `Direction`), in the
    /// categories with the given slugs (all categories when empty).
    async fn list_events(
        &self,
        lang: Lang,
        now: DateTime<Utc>,
        direction: Direction,
        categories: &[String],
        limit: i64,
        offset: i64,
    ) -> Result<EventPage, StoreError>;

    /// Every published recurring series, by first start.
    async fn recurring_events(&self, lang: Lang) -> Result<Vec<Event>, StoreError>;

    /// Every published event, by start time (for calendar feeds).
    /// Published events still going on at `after` or later (a series counts until its last
    /// occurrence ends; one without end always), by start.
    async fn published_events_ending_after(
        &self,
        lang: Lang,
        after: DateTime<Utc>,
    ) -> Result<Vec<Event>, StoreError>;

    async fn published_event(&self, lang: Lang, slug: &str) -> Result<Option<Event>, StoreError>;

    /// An event in any state but trashed, for editors.
    async fn event_for_editing(&self, slug: &str) -> Result<Option<Event>, StoreError>;

    /// The same, by id.
    async fn event_by_id_for_editing(&self, id: i64) -> Result<Option<Event>, StoreError>;

    /// A published event by its id (the event an article reports on).
    async fn published_event_by_id(&self, lang: Lang, id: i64)
        -> Result<Option<Event>, StoreError>;
}

#[async_trait]
impl<D: Dialect> EventStore for SqlStore<D>
where
    for<'c> &'c mut D::Connection: sqlx::Executor<'c, Database = D>,
    for<'q> D::Arguments<'q>: sqlx::IntoArguments<'q, D>,
    for<'r> &'r str: sqlx::ColumnIndex<D::Row>,
    usize: sqlx::ColumnIndex<D::Row>,
    for<'q> &'q str: sqlx::Encode<'q, D> + sqlx::Type<D>,
    i64: SqlValue<D>,
    i32: SqlValue<D>,
    bool: SqlValue<D>,
    String: SqlValue<D>,
    for<'r> DateTime<Utc>: sqlx::Decode<'r, D> + sqlx::Type<D>,
    Option<i64>: SqlValue<D>,
    Option<String>: SqlValue<D>,
    Option<D::Instant>: SqlValue<D>,
{
    async fn create_event(
        &self,
        event: &NewEvent,
        audit: Option<Audit<'_>>,
    ) -> Result<Event, StoreError> {
        let mut tx = self.begin_write().await?;
        let by = audit.map_or("", |audit| audit.actor);
        let id = Self::insert_event(&mut tx, event, by).await?;
        if let Some(audit) = audit {
            Self::audit_line(&mut tx, &ItemTables::EVENTS, id, audit).await?;
        }
        let created = Self::event_in(&mut tx, id).await?;
        tx.commit().await?;
        Ok(created)
    }

    async fn create_events(&self, events: &[NewEvent]) -> Result<u64, StoreError> {
        let mut tx = self.begin_write().await?;
        for event in events {
            Self::insert_event(&mut tx, event, "").await?;
        }
        tx.commit().await?;
        Ok(events.len() as u64)
    }

    async fn events_between(
        &self,
        lang: Lang,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Event>, StoreError> {
        let columns = event_columns(lang);
        // No single event lasts longer than the longest one stored, so nothing that
        // starts earlier than that before `from` can reach into the range.
        let longest: Option<i64> =
            sqlx::query_scalar("SELECT MAX(span_seconds) FROM events WHERE status = 'published'")
                .fetch_one(&self.pool)
                .await?;
        let earliest_start = from - chrono::Duration::seconds(longest.unwrap_or(0));
        let single = format!(
            "SELECT {columns} WHERE e.status = 'published' AND e.rrule IS NULL \
                     AND e.starts_at >= $1 AND e.starts_at < $2 AND e.ends_at >= $3 \
                     ORDER BY e.starts_at, e.id"
        );
        let mut rows: Vec<EventRow> = sqlx::query_as(&single)
            .bind(D::instant(earliest_start))
            .bind(D::instant(to))
            .bind(D::instant(from))
            .fetch_all(&self.pool)
            .await?;
        let recurring = format!(
            "SELECT {columns} WHERE e.status = 'published' AND e.rrule IS NOT NULL \
                     AND e.starts_at < $1 AND (e.series_end IS NULL OR e.series_end >= $2) \
                     ORDER BY e.starts_at, e.id"
        );
        let series: Vec<EventRow> = sqlx::query_as(&recurring)
            .bind(D::instant(to))
            .bind(D::instant(from))
            .fetch_all(&self.pool)
            .await?;
        rows.extend(series);
        let mut events: Vec<Event> = rows.into_iter().map(Into::into).collect();
        events.sort_by_key(|event| (event.starts_at, event.id));
        Ok(events)
    }

    async fn list_events(
        &self,
        lang: Lang,
        now: DateTime<Utc>,
        direction: Direction,
        categories: &[String],
        limit: i64,
        offset: i64,
    ) -> Result<EventPage, StoreError> {
        let columns = event_columns(lang);
        let (still, order) = match direction {
            Direction::Upcoming => (">=", "e.starts_at, e.id"),
            Direction::Past => ("<", "e.starts_at DESC, e.id DESC"),
        };
        let listed = |select: String| {
            let mut query = QueryBuilder::<D>::new(select);
            query
                .push(" WHERE e.status = 'published' AND e.rrule IS NULL AND e.ends_at ")
                .push(still)
                .push(" ")
                .push_bind(D::instant(now));
            push_categories(&mut query, "e.category_id", categories);
            query
        };
        let mut rows = listed(format!("SELECT {columns}"));
        rows.push(format_args!(" ORDER BY {order} LIMIT "))
            .push_bind(limit)
            .push(" OFFSET ")
            .push_bind(offset);
        let rows: Vec<EventRow> = D::fetch_built(&mut rows, &self.pool).await?;
        let mut count = listed("SELECT COUNT(*) FROM events e".into());
        let total = Self::count_built(&mut count, &self.pool).await?;
        Ok(EventPage {
            events: rows.into_iter().map(Into::into).collect(),
            total,
        })
    }

    async fn recurring_events(&self, lang: Lang) -> Result<Vec<Event>, StoreError> {
        let columns = event_columns(lang);
        let sql = format!(
            "SELECT {columns} WHERE e.status = 'published' \
                     AND e.rrule IS NOT NULL ORDER BY e.starts_at, e.id"
        );
        let rows: Vec<EventRow> = sqlx::query_as(&sql).fetch_all(&self.pool).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn published_events_ending_after(
        &self,
        lang: Lang,
        after: DateTime<Utc>,
    ) -> Result<Vec<Event>, StoreError> {
        let columns = event_columns(lang);
        let sql = format!(
            "SELECT {columns} WHERE e.status = 'published' \
                     AND (e.ends_at >= $1 OR (e.rrule IS NOT NULL \
                     AND (e.series_end IS NULL OR e.series_end >= $1))) \
                     ORDER BY e.starts_at, e.id"
        );
        let rows: Vec<EventRow> = sqlx::query_as(&sql)
            .bind(D::instant(after))
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn published_event(&self, lang: Lang, slug: &str) -> Result<Option<Event>, StoreError> {
        let columns = event_columns(lang);
        let sql = format!("SELECT {columns} WHERE e.slug = $1 AND e.status = 'published'");
        let row: Option<EventRow> = sqlx::query_as(&sql)
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(Into::into))
    }

    async fn event_for_editing(&self, slug: &str) -> Result<Option<Event>, StoreError> {
        let sql = format!("SELECT {EVENT_COLUMNS} WHERE e.slug = $1 AND e.trashed_at IS NULL");
        let row: Option<EventRow> = sqlx::query_as(&sql)
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(Into::into))
    }

    async fn event_by_id_for_editing(&self, id: i64) -> Result<Option<Event>, StoreError> {
        let sql = format!("SELECT {EVENT_COLUMNS} WHERE e.id = $1 AND e.trashed_at IS NULL");
        let row: Option<EventRow> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(Into::into))
    }

    async fn published_event_by_id(
        &self,
        lang: Lang,
        id: i64,
    ) -> Result<Option<Event>, StoreError> {
        let columns = event_columns(lang);
        let sql = format!("SELECT {columns} WHERE e.id = $1 AND e.status = 'published'");
        let row: Option<EventRow> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(Into::into))
    }
}

/// The columns an event's fields fill, for its insert and its update.
pub(super) fn event_columns_written(event: &NewEvent, category_id: Option<i64>) -> ItemColumns<'_> {
    use ColumnValue::*;
    let recurrence = event.recurrence.as_ref();
    let (search_title, search_body) = search_text(
        &ItemTables::EVENTS,
        &event.title,
        &event.summary,
        &event.location,
        event.body_html.plain_text(),
    );
    vec![
        ("title", Text(event.title.as_str().into())),
        ("summary", Text(event.summary.as_str().into())),
        ("body_html", Text(event.body_html.as_str().into())),
        ("starts_at", Instant(event.starts_at)),
        ("ends_at", Instant(event.ends_at)),
        ("all_day", Flag(event.all_day)),
        ("location", Text(event.location.as_str().into())),
        ("category_id", OptionalInteger(category_id)),
        ("status", Text(event.status.as_str().into())),
        ("rrule", OptionalText(recurrence.map(|r| r.rule.clone()))),
        (
            "exdates",
            Text(
                recurrence
                    .map(Recurrence::exdates_column)
                    .unwrap_or_default()
                    .into(),
            ),
        ),
        (
            "series_end",
            OptionalInstant(recurrence.and_then(|r| r.series_end)),
        ),
        (
            "span_seconds",
            Integer((event.ends_at - event.starts_at).num_seconds()),
        ),
        ("search_title", Text(search_title.into())),
        ("search_body", Text(search_body.into())),
    ]
}
