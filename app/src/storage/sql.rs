//! The one implementation of `Store` over SQL, shared by both backends.
//!
//! The SQL here is the dialect both SQLite and PostgreSQL understand (`$n` parameters,
//! `RETURNING`, `ON CONFLICT … DO NOTHING`); what differs comes in as macro arguments: the
//! sqlx database type and how an instant is bound. A macro rather than generics over
//! `sqlx::Database`, because the executor bounds those need do not survive `async_trait`'s
//! `Send` requirements.

/// Implements `Store` for a backend struct with a `pool` field. `$db` is the sqlx database,
/// `$instant` turns a `DateTime<Utc>` into the value the backend binds.
macro_rules! impl_store {
    ($store:ident, $db:ty, $instant:path, $begin_write:literal) => {
        impl $store {
            /// Category ids by slug, failing on an unknown slug.
            async fn category_id(
                conn: &mut <$db as sqlx::Database>::Connection,
                slug: Option<&str>,
            ) -> Result<Option<i64>, StoreError> {
                let Some(slug) = slug else { return Ok(None) };
                sqlx::query_scalar("SELECT id FROM categories WHERE slug = $1")
                    .bind(slug)
                    .fetch_optional(&mut *conn)
                    .await?
                    .map(Some)
                    .ok_or_else(|| StoreError::UnknownCategory(slug.to_string()))
            }

            /// Inserts one event under the first free slug made from its title.
            async fn insert_event(
                conn: &mut <$db as sqlx::Database>::Connection,
                event: &NewEvent,
            ) -> Result<i64, StoreError> {
                let category_id = Self::category_id(conn, event.category.as_deref()).await?;
                let now = $instant(Utc::now());
                let base = slugs::slug_for(&event.title, "notikums");
                let recurrence = event.recurrence.as_ref();
                let span = (event.ends_at - event.starts_at).num_seconds();
                let (search_title, search_body) = search_text(
                    &event.title,
                    &[&event.summary, &event.location],
                    event.body_html.as_str(),
                );
                for attempt in 1.. {
                    let inserted: Option<i64> = sqlx::query_scalar(
                        "INSERT INTO events (slug, title, summary, body_html, starts_at, ends_at, \
                         all_day, location, category_id, status, created_at, updated_at, rrule, \
                         exdates, series_end, span_seconds, search_title, search_body, \
                         sanitizer_version) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13, \
                         $14, $15, $16, $17, $18) ON CONFLICT (slug) DO NOTHING RETURNING id",
                    )
                    .bind(slugs::candidate(&base, attempt))
                    .bind(&event.title)
                    .bind(&event.summary)
                    .bind(event.body_html.as_str())
                    .bind($instant(event.starts_at))
                    .bind($instant(event.ends_at))
                    .bind(event.all_day)
                    .bind(&event.location)
                    .bind(category_id)
                    .bind(event.status.as_str())
                    .bind(now)
                    .bind(recurrence.map(|r| r.rule.clone()))
                    .bind(recurrence.map(Recurrence::exdates_column).unwrap_or_default())
                    .bind(recurrence.and_then(|r| r.series_end).map($instant))
                    .bind(span)
                    .bind(&search_title)
                    .bind(&search_body)
                    .bind($crate::sanitize::SANITIZER_VERSION)
                    .fetch_optional(&mut *conn)
                    .await?;
                    if let Some(id) = inserted {
                        return Ok(id);
                    }
                }
                unreachable!("slug candidates are endless")
            }

            /// The id of the event with `slug`, failing on an unknown slug.
            async fn event_id(
                conn: &mut <$db as sqlx::Database>::Connection,
                slug: Option<&str>,
            ) -> Result<Option<i64>, StoreError> {
                let Some(slug) = slug else { return Ok(None) };
                sqlx::query_scalar("SELECT id FROM events WHERE slug = $1")
                    .bind(slug)
                    .fetch_optional(&mut *conn)
                    .await?
                    .map(Some)
                    .ok_or_else(|| StoreError::UnknownEvent(slug.to_string()))
            }

            /// Makes `attachments` the article's attachments, in order.
            async fn replace_attachments(
                conn: &mut <$db as sqlx::Database>::Connection,
                article_id: i64,
                attachments: &[Attachment],
            ) -> Result<(), StoreError> {
                sqlx::query("DELETE FROM attachments WHERE article_id = $1")
                    .bind(article_id)
                    .execute(&mut *conn)
                    .await?;
                for (position, attachment) in (0_i32..).zip(attachments) {
                    sqlx::query(
                        "INSERT INTO attachments \
                         (article_id, position, title, href, media_type, size_bytes) \
                         VALUES ($1, $2, $3, $4, $5, $6)",
                    )
                    .bind(article_id)
                    .bind(position)
                    .bind(&attachment.title)
                    .bind(&attachment.href)
                    .bind(&attachment.media_type)
                    .bind(attachment.size_bytes)
                    .execute(&mut *conn)
                    .await?;
                }
                Ok(())
            }

            /// Inserts one article under the first free slug made from its title.
            async fn insert_article(
                conn: &mut <$db as sqlx::Database>::Connection,
                article: &NewArticle,
            ) -> Result<i64, StoreError> {
                let category_id = Self::category_id(conn, article.category.as_deref()).await?;
                let event_id = Self::event_id(conn, article.event.as_deref()).await?;
                let now = $instant(Utc::now());
                let base = slugs::slug_for(&article.title, "raksts");
                let (search_title, search_body) =
                    search_text(&article.title, &[&article.lead], article.body_html.as_str());
                for attempt in 1.. {
                    let inserted: Option<i64> = sqlx::query_scalar(
                        "INSERT INTO articles (slug, title, lead, body_html, contact, \
                         published_at, category_id, status, created_at, updated_at, \
                         search_title, search_body, sanitizer_version, event_id) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12, $13) \
                         ON CONFLICT (slug) DO NOTHING RETURNING id",
                    )
                    .bind(slugs::candidate(&base, attempt))
                    .bind(&article.title)
                    .bind(&article.lead)
                    .bind(article.body_html.as_str())
                    .bind(&article.contact)
                    .bind($instant(article.published_at))
                    .bind(category_id)
                    .bind(article.status.as_str())
                    .bind(now)
                    .bind(&search_title)
                    .bind(&search_body)
                    .bind($crate::sanitize::SANITIZER_VERSION)
                    .bind(event_id)
                    .fetch_optional(&mut *conn)
                    .await?;
                    if let Some(id) = inserted {
                        Self::replace_attachments(conn, id, &article.attachments).await?;
                        return Ok(id);
                    }
                }
                unreachable!("slug candidates are endless")
            }

            /// Why an update guarded by `expected_version` changed nothing: the row is gone, or
            /// someone else saved a newer version.
            async fn stale_write(
                conn: &mut <$db as sqlx::Database>::Connection,
                table: &'static str,
                id: i64,
                expected_version: i64,
            ) -> Result<StoreError, StoreError> {
                let sql = format!("SELECT version FROM {table} WHERE id = $1");
                let stored: Option<i64> =
                    sqlx::query_scalar(&sql).bind(id).fetch_optional(&mut *conn).await?;
                Ok(match stored {
                    None => StoreError::NotFound,
                    Some(stored) => StoreError::Conflict {
                        expected: expected_version,
                        stored,
                    },
                })
            }

            /// Translations of one kind of item, with the item's slug, as rows of type `R`
            /// (the kind's four text columns by their own names): of one item in every
            /// language, or of the items at some slugs in one language, in one query.
            async fn read_translations<R>(
                &self,
                table: &ItemTables,
                of: TranslationsOf<'_>,
            ) -> Result<Vec<R>, StoreError>
            where
                R: for<'r> sqlx::FromRow<'r, <$db as sqlx::Database>::Row> + Send + Unpin,
            {
                let ItemTables { translations: name, key: item, items: parent, columns, .. } = table;
                let texts = columns.map(|column| format!("t.{column}")).join(", ");
                let select = format!(
                    "SELECT p.slug, t.lang, {texts}, t.version, t.updated_at FROM {name} t \
                     JOIN {parent} p ON p.id = t.{item}"
                );
                let rows = match of {
                    TranslationsOf::Item(id) => {
                        sqlx::query_as(&format!("{select} WHERE p.id = $1 ORDER BY t.lang"))
                            .bind(id)
                            .fetch_all(&self.pool)
                            .await?
                    }
                    TranslationsOf::Slugs { lang, slugs } => {
                        // A whole feed's slugs can be more than a statement may bind.
                        let mut rows = Vec::new();
                        for slugs in slugs.chunks(MAX_SLUGS_BOUND) {
                            let sql = format!(
                                "{select} WHERE t.lang = $1{}",
                                in_slugs("(p.slug", 2, slugs.len())
                            );
                            let mut query = sqlx::query_as(&sql).bind(lang);
                            for slug in slugs {
                                query = query.bind(slug);
                            }
                            rows.extend(query.fetch_all(&self.pool).await?);
                        }
                        rows
                    }
                };
                Ok(rows)
            }

            /// The slugs of the published items translated into `lang`.
            async fn published_translated(
                &self,
                table: &ItemTables,
                lang: &str,
            ) -> Result<Vec<String>, StoreError> {
                let ItemTables { translations: name, key: item, items: parent, .. } = table;
                let sql = format!(
                    "SELECT p.slug FROM {name} t JOIN {parent} p ON p.id = t.{item} \
                     WHERE t.lang = $1 AND p.status = 'published'"
                );
                Ok(sqlx::query_scalar(&sql).bind(lang).fetch_all(&self.pool).await?)
            }

            /// Adds (`seen_version` 0) or replaces (the one at `seen_version`) a translation in
            /// one statement, so two editors cannot both win; answers the new version.
            #[allow(clippy::too_many_arguments)]
            async fn save_translation(
                &self,
                table: &ItemTables,
                item_id: i64,
                lang: &str,
                fields: [&str; 4],
                search: (String, String),
                seen_version: i64,
                audit: Option<Audit<'_>>,
            ) -> Result<i64, StoreError> {
                let ItemTables { translations: name, key: item, items: parent, columns, .. } = table;
                let [c1, c2, c3, c4] = columns;
                // Each shape is one statement, so two translators cannot both win: the first
                // save inserts (only if there is none yet), later ones update only the version
                // their translator saw.
                let sql = if seen_version == 0 {
                    format!(
                        "INSERT INTO {name} \
                         ({item}, lang, {c1}, {c2}, {c3}, {c4}, updated_at, version, \
                         search_title, search_body) \
                         SELECT id, $2, $3, $4, $5, $6, $7, 1, $9, $10 FROM {parent} \
                         WHERE id = $1 AND CAST($8 AS BIGINT) = 0 \
                         ON CONFLICT ({item}, lang) DO NOTHING RETURNING version"
                    )
                } else {
                    format!(
                        "UPDATE {name} SET {c1} = $3, {c2} = $4, {c3} = $5, {c4} = $6, \
                         updated_at = $7, version = version + 1, search_title = $9, \
                         search_body = $10 WHERE {item} = $1 AND lang = $2 AND version = $8 RETURNING version"
                    )
                };
                let mut query = sqlx::query_scalar(&sql).bind(item_id).bind(lang);
                for field in fields {
                    query = query.bind(field);
                }
                let mut tx = self.begin_write().await?;
                let saved: Option<i64> = query
                    .bind($instant(Utc::now()))
                    .bind(seen_version)
                    .bind(search.0)
                    .bind(search.1)
                    .fetch_optional(&mut *tx)
                    .await?;
                if let Some(version) = saved {
                    if let Some(audit) = audit {
                        Self::audit_line(&mut tx, table, item_id, audit).await?;
                    }
                    tx.commit().await?;
                    return Ok(version);
                }
                let sql = format!("SELECT version FROM {name} WHERE {item} = $1 AND lang = $2");
                let stored: Option<i64> = sqlx::query_scalar(&sql)
                    .bind(item_id)
                    .bind(lang)
                    .fetch_optional(&mut *tx)
                    .await?;
                Err(match stored {
                    Some(stored) => StoreError::Conflict {
                        expected: seen_version,
                        stored,
                    },
                    // The translation the translator saw is gone.
                    None if seen_version > 0 => StoreError::Conflict {
                        expected: seen_version,
                        stored: 0,
                    },
                    // Nothing stored and nothing inserted: the item itself is gone.
                    None => StoreError::NotFound,
                })
            }

            /// Begins a transaction that will write (`$begin_write`).
            async fn begin_write(&self) -> Result<sqlx::Transaction<'static, $db>, StoreError> {
                Ok(self.pool.begin_with($begin_write).await?)
            }

            /// Writes `audit`'s line for item `id`, named by its title as it stands in this
            /// transaction.
            async fn audit_line(
                conn: &mut <$db as sqlx::Database>::Connection,
                tables: &ItemTables,
                id: i64,
                audit: Audit<'_>,
            ) -> Result<(), StoreError> {
                let sql = format!(
                    "INSERT INTO audit_log (at, actor, action, item_kind, item_id, item_title) \
                     SELECT $1, $2, $3, $4, id, title FROM {} WHERE id = $5",
                    tables.items
                );
                sqlx::query(&sql)
                    .bind($instant(Utc::now()))
                    .bind(audit.actor)
                    .bind(audit.action)
                    .bind(tables.kind)
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
                Ok(())
            }

            /// Keeps the version of item `id` that a write from `expected_version` replaces as
            /// a revision (the item's `columns`, with who saved it and when). On PostgreSQL a
            /// second write from the same version waits here for the first to commit and then
            /// finds that revision taken: `DO NOTHING` lets its update meet the newer version
            /// and answer a conflict, where the unique key would have been an error.
            async fn keep_revision(
                conn: &mut <$db as sqlx::Database>::Connection,
                tables: &ItemTables,
                id: i64,
                expected_version: i64,
                columns: &str,
            ) -> Result<(), StoreError> {
                let ItemTables { items, key, revisions, .. } = tables;
                let sql = format!(
                    "INSERT INTO {revisions} ({key}, version, {columns}, saved_by, saved_at) \
                     SELECT id, version, {columns}, updated_by, updated_at FROM {items} \
                     WHERE id = $1 AND version = $2 ON CONFLICT DO NOTHING"
                );
                sqlx::query(&sql)
                    .bind(id)
                    .bind(expected_version)
                    .execute(&mut *conn)
                    .await?;
                Ok(())
            }

            /// Settles item `id`'s shared draft after a write that replaced its fields from
            /// `expected_version` (see `DraftRule`).
            async fn settle_draft(
                conn: &mut <$db as sqlx::Database>::Connection,
                tables: &ItemTables,
                id: i64,
                rule: DraftRule,
                expected_version: i64,
            ) -> Result<(), StoreError> {
                let DraftRule::Publishes(seen) = rule else {
                    return Ok(());
                };
                let sql = format!(
                    "DELETE FROM {} WHERE {} = $1 RETURNING draft_version",
                    tables.drafts, tables.key
                );
                let removed: Option<i64> =
                    sqlx::query_scalar(&sql).bind(id).fetch_optional(&mut *conn).await?;
                if removed.unwrap_or(0) == seen {
                    Ok(())
                } else {
                    Err(StoreError::NewerDraft {
                        item_version: expected_version,
                    })
                }
            }

            /// Saves item `id`'s shared draft (`columns` set to `values`) if it is still at
            /// `seen` (0: none yet), in one transaction with the audit line of a save that
            /// starts it. Answers the draft's new `draft_version` and when it was saved.
            #[allow(clippy::too_many_arguments)]
            async fn save_draft(
                &self,
                tables: &ItemTables,
                id: i64,
                columns: &[&str],
                values: &[&str],
                base_version: i64,
                seen: i64,
                user_id: i64,
                audit: Audit<'_>,
            ) -> Result<(i64, DateTime<Utc>), StoreError> {
                let ItemTables { items, key, drafts, .. } = tables;
                // $1 the item, $2 its version, $3 the editor, $4 the time, $5 the draft seen,
                // then the values.
                let sql = if seen == 0 {
                    let names = columns.join(", ");
                    let params: Vec<String> =
                        (0..columns.len()).map(|n| format!("${}", n + 6)).collect();
                    format!(
                        "INSERT INTO {drafts} ({key}, {names}, base_version, draft_version, \
                         saved_by, saved_at) SELECT id, {}, $2, 1, $3, $4 FROM {items} \
                         WHERE id = $1 AND CAST($5 AS BIGINT) = 0 \
                         ON CONFLICT ({key}) DO NOTHING RETURNING draft_version, saved_at",
                        params.join(", ")
                    )
                } else {
                    let sets: Vec<String> = columns
                        .iter()
                        .enumerate()
                        .map(|(n, column)| format!("{column} = ${}", n + 6))
                        .collect();
                    format!(
                        "UPDATE {drafts} SET {}, base_version = $2, saved_by = $3, \
                         saved_at = $4, draft_version = draft_version + 1 \
                         WHERE {key} = $1 AND draft_version = $5 \
                         RETURNING draft_version, saved_at",
                        sets.join(", ")
                    )
                };
                let mut tx = self.begin_write().await?;
                let mut query = sqlx::query_as::<_, (i64, DateTime<Utc>)>(&sql)
                    .bind(id)
                    .bind(base_version)
                    .bind(user_id)
                    .bind($instant(Utc::now()))
                    .bind(seen);
                for value in values {
                    query = query.bind(*value);
                }
                let Some(saved) = query.fetch_optional(&mut *tx).await? else {
                    let sql = format!("SELECT draft_version FROM {drafts} WHERE {key} = $1");
                    let stored: Option<i64> =
                        sqlx::query_scalar(&sql).bind(id).fetch_optional(&mut *tx).await?;
                    return Err(draft_refusal(seen, stored));
                };
                if seen == 0 {
                    Self::audit_line(&mut tx, tables, id, audit).await?;
                }
                tx.commit().await?;
                Ok(saved)
            }

            async fn article_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                id: i64,
            ) -> Result<Article, StoreError> {
                let sql = format!("SELECT {ARTICLE_COLUMNS} WHERE a.id = $1");
                let row: Option<ArticleRow> =
                    sqlx::query_as(&sql).bind(id).fetch_optional(&mut *conn).await?;
                row.map(Into::into).ok_or(StoreError::NotFound)
            }

            async fn event_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                id: i64,
            ) -> Result<Event, StoreError> {
                let sql = format!("SELECT {EVENT_COLUMNS} WHERE e.id = $1");
                let row: Option<EventRow> =
                    sqlx::query_as(&sql).bind(id).fetch_optional(&mut *conn).await?;
                row.map(Into::into).ok_or(StoreError::NotFound)
            }

            async fn article_by_id(&self, id: i64) -> Result<Article, StoreError> {
                Self::article_in(&mut *self.pool.acquire().await?, id).await
            }

            /// Moves item `id` into the trash (`into_trash`) or out of it, with its audit line,
            /// in one transaction.
            async fn set_trashed(
                &self,
                tables: &ItemTables,
                id: i64,
                into_trash: bool,
                audit: Audit<'_>,
            ) -> Result<(), StoreError> {
                // Into the trash an item becomes a draft; out of it, it stays one.
                let sql = if into_trash {
                    format!(
                        "UPDATE {} SET status = 'draft', trashed_at = $1, updated_at = $1, \
                         version = version + 1 WHERE id = $2 AND trashed_at IS NULL",
                        tables.items
                    )
                } else {
                    format!(
                        "UPDATE {} SET trashed_at = NULL, updated_at = $1, \
                         version = version + 1 WHERE id = $2 AND trashed_at IS NOT NULL",
                        tables.items
                    )
                };
                let mut tx = self.begin_write().await?;
                let changed = sqlx::query(&sql)
                    .bind($instant(Utc::now()))
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                if changed.rows_affected() == 0 {
                    return Err(StoreError::NotFound);
                }
                Self::audit_line(&mut tx, tables, id, audit).await?;
                tx.commit().await?;
                Ok(())
            }
        }

        #[async_trait]
        impl $crate::storage::Store for $store {
            async fn ping(&self) -> Result<(), StoreError> {
                sqlx::query("SELECT 1").execute(&self.pool).await?;
                Ok(())
            }

            async fn close(&self) {
                self.pool.close().await;
            }

            async fn is_empty(&self) -> Result<bool, StoreError> {
                let count: i64 = sqlx::query_scalar(
                    "SELECT (SELECT COUNT(*) FROM categories) + (SELECT COUNT(*) FROM events) \
                     + (SELECT COUNT(*) FROM articles)",
                )
                .fetch_one(&self.pool)
                .await?;
                Ok(count == 0)
            }

            async fn create_category(&self, category: &NewCategory) -> Result<Category, StoreError> {
                let row: CategoryRow = sqlx::query_as(
                    "INSERT INTO categories (slug, name, name_en, name_ru, colour) \
                     VALUES ($1, $2, $3, $4, $5) RETURNING id, slug, name, name_en, name_ru, colour",
                )
                .bind(&category.slug)
                .bind(&category.name)
                .bind(&category.name_en)
                .bind(&category.name_ru)
                .bind(&category.colour)
                .fetch_one(&self.pool)
                .await?;
                Ok(row.into())
            }

            async fn categories(&self) -> Result<Vec<Category>, StoreError> {
                let rows: Vec<CategoryRow> =
                    sqlx::query_as("SELECT id, slug, name, name_en, name_ru, colour FROM categories")
                        .fetch_all(&self.pool)
                        .await?;
                // Sorted here, not by the database's collation, so both backends agree.
                let mut categories: Vec<Category> = rows.into_iter().map(Into::into).collect();
                categories.sort_by_cached_key(|category: &Category| {
                    (slug::slugify(&category.name), category.id)
                });
                Ok(categories)
            }

            async fn create_event(
                &self,
                event: &NewEvent,
                audit: Option<Audit<'_>>,
            ) -> Result<Event, StoreError> {
                let mut tx = self.begin_write().await?;
                let id = Self::insert_event(&mut tx, event).await?;
                if let Some(audit) = audit {
                    Self::audit_line(&mut tx, &ItemTables::EVENTS, id, audit).await?;
                }
                let created = Self::event_in(&mut tx, id).await?;
                tx.commit().await?;
                Ok(created)
            }

            async fn create_articles(&self, articles: &[NewArticle]) -> Result<u64, StoreError> {
                let mut tx = self.begin_write().await?;
                for article in articles {
                    Self::insert_article(&mut tx, article).await?;
                }
                tx.commit().await?;
                Ok(articles.len() as u64)
            }

            async fn create_events(&self, events: &[NewEvent]) -> Result<u64, StoreError> {
                let mut tx = self.begin_write().await?;
                for event in events {
                    Self::insert_event(&mut tx, event).await?;
                }
                tx.commit().await?;
                Ok(events.len() as u64)
            }

            async fn events_between(
                &self,
                from: DateTime<Utc>,
                to: DateTime<Utc>,
            ) -> Result<Vec<Event>, StoreError> {
                // No single event lasts longer than the longest one stored, so nothing that
                // starts earlier than that before `from` can reach into the range.
                let longest: Option<i64> = sqlx::query_scalar(
                    "SELECT MAX(span_seconds) FROM events WHERE status = 'published'",
                )
                .fetch_one(&self.pool)
                .await?;
                let earliest_start = from - chrono::Duration::seconds(longest.unwrap_or(0));
                let single = format!(
                    "SELECT {EVENT_COLUMNS} WHERE e.status = 'published' AND e.rrule IS NULL \
                     AND e.starts_at >= $1 AND e.starts_at < $2 AND e.ends_at >= $3 \
                     ORDER BY e.starts_at, e.id"
                );
                let mut rows: Vec<EventRow> = sqlx::query_as(&single)
                    .bind($instant(earliest_start))
                    .bind($instant(to))
                    .bind($instant(from))
                    .fetch_all(&self.pool)
                    .await?;
                let recurring = format!(
                    "SELECT {EVENT_COLUMNS} WHERE e.status = 'published' AND e.rrule IS NOT NULL \
                     AND e.starts_at < $1 AND (e.series_end IS NULL OR e.series_end >= $2) \
                     ORDER BY e.starts_at, e.id"
                );
                let series: Vec<EventRow> = sqlx::query_as(&recurring)
                    .bind($instant(to))
                    .bind($instant(from))
                    .fetch_all(&self.pool)
                    .await?;
                rows.extend(series);
                let mut events: Vec<Event> = rows.into_iter().map(Into::into).collect();
                events.sort_by_key(|event| (event.starts_at, event.id));
                Ok(events)
            }

            async fn list_events(
                &self,
                now: DateTime<Utc>,
                direction: Direction,
                categories: &[String],
                limit: i64,
                offset: i64,
            ) -> Result<EventPage, StoreError> {
                let (condition, order) = match direction {
                    Direction::Upcoming => ("e.ends_at >= $1", "e.starts_at, e.id"),
                    Direction::Past => ("e.ends_at < $1", "e.starts_at DESC, e.id DESC"),
                };
                // The slugs are bound from parameter `$first` on.
                let in_categories = |first: usize| {
                    in_slugs(
                        "e.category_id IN (SELECT id FROM categories WHERE slug",
                        first,
                        categories.len(),
                    )
                };
                let sql = format!(
                    "SELECT {EVENT_COLUMNS} WHERE e.status = 'published' AND e.rrule IS NULL \
                     AND {condition}{} ORDER BY {order} LIMIT $2 OFFSET $3",
                    in_categories(4)
                );
                let mut query = sqlx::query_as::<_, EventRow>(&sql)
                    .bind($instant(now))
                    .bind(limit)
                    .bind(offset);
                for slug in categories {
                    query = query.bind(slug);
                }
                let rows = query.fetch_all(&self.pool).await?;
                let count = format!(
                    "SELECT COUNT(*) FROM events e WHERE e.status = 'published' \
                     AND e.rrule IS NULL AND {condition}{}",
                    in_categories(2)
                );
                let mut count_query = sqlx::query_scalar::<_, i64>(&count).bind($instant(now));
                for slug in categories {
                    count_query = count_query.bind(slug);
                }
                let total = count_query.fetch_one(&self.pool).await?;
                Ok(EventPage {
                    events: rows.into_iter().map(Into::into).collect(),
                    total,
                })
            }

            async fn recurring_events(&self) -> Result<Vec<Event>, StoreError> {
                let sql = format!(
                    "SELECT {EVENT_COLUMNS} WHERE e.status = 'published' \
                     AND e.rrule IS NOT NULL ORDER BY e.starts_at, e.id"
                );
                let rows: Vec<EventRow> = sqlx::query_as(&sql).fetch_all(&self.pool).await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn published_events(&self) -> Result<Vec<Event>, StoreError> {
                let sql = format!(
                    "SELECT {EVENT_COLUMNS} WHERE e.status = 'published' \
                     ORDER BY e.starts_at, e.id"
                );
                let rows: Vec<EventRow> = sqlx::query_as(&sql).fetch_all(&self.pool).await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn published_event(&self, slug: &str) -> Result<Option<Event>, StoreError> {
                let sql =
                    format!("SELECT {EVENT_COLUMNS} WHERE e.slug = $1 AND e.status = 'published'");
                let row: Option<EventRow> = sqlx::query_as(&sql)
                    .bind(slug)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(row.map(Into::into))
            }

            async fn event_for_editing(&self, slug: &str) -> Result<Option<Event>, StoreError> {
                let sql =
                    format!("SELECT {EVENT_COLUMNS} WHERE e.slug = $1 AND e.trashed_at IS NULL");
                let row: Option<EventRow> =
                    sqlx::query_as(&sql).bind(slug).fetch_optional(&self.pool).await?;
                Ok(row.map(Into::into))
            }

            async fn event_by_id_for_editing(&self, id: i64) -> Result<Option<Event>, StoreError> {
                let sql =
                    format!("SELECT {EVENT_COLUMNS} WHERE e.id = $1 AND e.trashed_at IS NULL");
                let row: Option<EventRow> =
                    sqlx::query_as(&sql).bind(id).fetch_optional(&self.pool).await?;
                Ok(row.map(Into::into))
            }

            async fn update_event(
                &self,
                id: i64,
                expected_version: i64,
                event: &NewEvent,
                draft: DraftRule,
                audit: Audit<'_>,
            ) -> Result<Event, StoreError> {
                let mut tx = self.begin_write().await?;
                let category_id = Self::category_id(&mut tx, event.category.as_deref()).await?;
                Self::keep_revision(
                    &mut tx,
                    &ItemTables::EVENTS,
                    id,
                    expected_version,
                    "title, summary, body_html, starts_at, ends_at, all_day, location, \
                     category_id, status",
                )
                .await?;
                let recurrence = event.recurrence.as_ref();
                let (search_title, search_body) = search_text(
                    &event.title,
                    &[&event.summary, &event.location],
                    event.body_html.as_str(),
                );
                let updated: Option<i64> = sqlx::query_scalar(
                    "UPDATE events SET title = $1, summary = $2, body_html = $3, starts_at = $4, \
                     ends_at = $5, all_day = $6, location = $7, category_id = $8, status = $9, \
                     rrule = $10, exdates = $11, series_end = $12, span_seconds = $13, \
                     search_title = $14, search_body = $15, sanitizer_version = $16, \
                     updated_at = $17, updated_by = $18, version = version + 1 \
                     WHERE id = $19 AND version = $20 RETURNING id",
                )
                .bind(&event.title)
                .bind(&event.summary)
                .bind(event.body_html.as_str())
                .bind($instant(event.starts_at))
                .bind($instant(event.ends_at))
                .bind(event.all_day)
                .bind(&event.location)
                .bind(category_id)
                .bind(event.status.as_str())
                .bind(recurrence.map(|r| r.rule.clone()))
                .bind(recurrence.map(Recurrence::exdates_column).unwrap_or_default())
                .bind(recurrence.and_then(|r| r.series_end).map($instant))
                .bind((event.ends_at - event.starts_at).num_seconds())
                .bind(&search_title)
                .bind(&search_body)
                .bind($crate::sanitize::SANITIZER_VERSION)
                .bind($instant(Utc::now()))
                .bind(audit.actor)
                .bind(id)
                .bind(expected_version)
                .fetch_optional(&mut *tx)
                .await?;
                if updated.is_none() {
                    return Err(Self::stale_write(&mut tx, "events", id, expected_version).await?);
                }
                Self::settle_draft(&mut tx, &ItemTables::EVENTS, id, draft, expected_version).await?;
                Self::audit_line(&mut tx, &ItemTables::EVENTS, id, audit).await?;
                let written = Self::event_in(&mut tx, id).await?;
                tx.commit().await?;
                Ok(written)
            }

            async fn trash_event(&self, id: i64, audit: Audit<'_>) -> Result<(), StoreError> {
                self.set_trashed(&ItemTables::EVENTS, id, true, audit).await
            }

            async fn restore_event(&self, id: i64, audit: Audit<'_>) -> Result<(), StoreError> {
                self.set_trashed(&ItemTables::EVENTS, id, false, audit).await
            }

            async fn trashed_events(&self) -> Result<Vec<(Event, DateTime<Utc>)>, StoreError> {
                let sql = format!(
                    "SELECT {EVENT_COLUMNS} WHERE e.trashed_at IS NOT NULL \
                     ORDER BY e.trashed_at DESC, e.id DESC"
                );
                let rows: Vec<EventRow> = sqlx::query_as(&sql).fetch_all(&self.pool).await?;
                // The time it was trashed is its last change.
                Ok(rows
                    .into_iter()
                    .map(|row| {
                        let event: Event = row.into();
                        let at = event.updated_at;
                        (event, at)
                    })
                    .collect())
            }

            async fn create_article(
                &self,
                article: &NewArticle,
                audit: Option<Audit<'_>>,
            ) -> Result<Article, StoreError> {
                let mut tx = self.begin_write().await?;
                let id = Self::insert_article(&mut tx, article).await?;
                if let Some(audit) = audit {
                    Self::audit_line(&mut tx, &ItemTables::ARTICLES, id, audit).await?;
                }
                let created = Self::article_in(&mut tx, id).await?;
                tx.commit().await?;
                Ok(created)
            }

            async fn update_article(
                &self,
                id: i64,
                expected_version: i64,
                article: &NewArticle,
                draft: DraftRule,
                audit: Audit<'_>,
            ) -> Result<Article, StoreError> {
                let mut tx = self.begin_write().await?;
                Self::keep_revision(
                    &mut tx,
                    &ItemTables::ARTICLES,
                    id,
                    expected_version,
                    "title, lead, body_html, contact",
                )
                .await?;
                let category_id = Self::category_id(&mut tx, article.category.as_deref()).await?;
                let event_id = Self::event_id(&mut tx, article.event.as_deref()).await?;
                let (search_title, search_body) =
                    search_text(&article.title, &[&article.lead], article.body_html.as_str());
                let updated: Option<i64> = sqlx::query_scalar(
                    "UPDATE articles SET title = $1, lead = $2, body_html = $3, contact = $4, \
                     published_at = $5, category_id = $6, event_id = $7, status = $8, \
                     search_title = $9, search_body = $10, sanitizer_version = $11, \
                     updated_at = $12, version = version + 1, updated_by = $15, trashed_at = NULL \
                     WHERE id = $13 AND version = $14 RETURNING id",
                )
                .bind(&article.title)
                .bind(&article.lead)
                .bind(article.body_html.as_str())
                .bind(&article.contact)
                .bind($instant(article.published_at))
                .bind(category_id)
                .bind(event_id)
                .bind(article.status.as_str())
                .bind(&search_title)
                .bind(&search_body)
                .bind($crate::sanitize::SANITIZER_VERSION)
                .bind($instant(Utc::now()))
                .bind(id)
                .bind(expected_version)
                .bind(audit.actor)
                .fetch_optional(&mut *tx)
                .await?;
                if updated.is_none() {
                    return Err(Self::stale_write(&mut tx, "articles", id, expected_version).await?);
                }
                Self::replace_attachments(&mut tx, id, &article.attachments).await?;
                Self::settle_draft(&mut tx, &ItemTables::ARTICLES, id, draft, expected_version)
                    .await?;
                Self::audit_line(&mut tx, &ItemTables::ARTICLES, id, audit).await?;
                let written = Self::article_in(&mut tx, id).await?;
                tx.commit().await?;
                Ok(written)
            }

            async fn article(&self, id: i64) -> Result<Option<Article>, StoreError> {
                match self.article_by_id(id).await {
                    Ok(article) => Ok(Some(article)),
                    Err(StoreError::NotFound) => Ok(None),
                    Err(error) => Err(error),
                }
            }

            async fn restore_article(&self, id: i64, audit: Audit<'_>) -> Result<(), StoreError> {
                self.set_trashed(&ItemTables::ARTICLES, id, false, audit).await
            }

            async fn trashed_articles(&self) -> Result<Vec<Article>, StoreError> {
                let sql = format!(
                    "SELECT {ARTICLE_COLUMNS} WHERE a.trashed_at IS NOT NULL \
                     ORDER BY a.trashed_at DESC, a.id DESC"
                );
                let rows: Vec<ArticleRow> = sqlx::query_as(&sql).fetch_all(&self.pool).await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn article_for_editing(&self, slug: &str) -> Result<Option<Article>, StoreError> {
                let sql =
                    format!("SELECT {ARTICLE_COLUMNS} WHERE a.slug = $1 AND a.trashed_at IS NULL");
                let row: Option<ArticleRow> =
                    sqlx::query_as(&sql).bind(slug).fetch_optional(&self.pool).await?;
                Ok(row.map(Into::into))
            }

            async fn draft_articles(&self) -> Result<Vec<Article>, StoreError> {
                let sql = format!(
                    "SELECT {ARTICLE_COLUMNS} WHERE a.status = 'draft' AND a.trashed_at IS NULL \
                     ORDER BY a.updated_at DESC, a.id DESC"
                );
                let rows: Vec<ArticleRow> = sqlx::query_as(&sql).fetch_all(&self.pool).await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn article_draft(
                &self,
                article_id: i64,
            ) -> Result<Option<ArticleDraft>, StoreError> {
                let sql = format!("SELECT {DRAFT_COLUMNS} WHERE d.article_id = $1");
                let row: Option<DraftRow> = sqlx::query_as(&sql)
                    .bind(article_id)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(row.map(Into::into))
            }

            async fn save_article_draft(
                &self,
                article_id: i64,
                text: &ArticleText,
                base_version: i64,
                seen_draft_version: i64,
                user_id: i64,
                audit: Audit<'_>,
            ) -> Result<ArticleDraft, StoreError> {
                let (draft_version, saved_at) = self
                    .save_draft(
                        &ItemTables::ARTICLES,
                        article_id,
                        &["title", "lead", "body_html", "contact"],
                        &[&text.title, &text.lead, &text.body_html, &text.contact],
                        base_version,
                        seen_draft_version,
                        user_id,
                        audit,
                    )
                    .await?;
                Ok(ArticleDraft {
                    article_id,
                    text: text.clone(),
                    base_version,
                    draft_version,
                    saved_by: Some(audit.actor.to_string()),
                    saved_at,
                })
            }

            async fn article_revisions(
                &self,
                article_id: i64,
            ) -> Result<Vec<ArticleRevision>, StoreError> {
                let rows: Vec<RevisionRow> = sqlx::query_as(
                    "SELECT version, title, lead, body_html, contact, saved_by, saved_at \
                     FROM article_revisions WHERE article_id = $1 ORDER BY version DESC",
                )
                .bind(article_id)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn article_translations(
                &self,
                article_id: i64,
            ) -> Result<Vec<Translation<ArticleText>>, StoreError> {
                let rows: Vec<ArticleTranslationRow> = self
                    .read_translations(&ItemTables::ARTICLES, TranslationsOf::Item(article_id))
                    .await?;
                Ok(rows.into_iter().map(|row| row.into_translation().1).collect())
            }

            async fn save_article_translation(
                &self,
                article_id: i64,
                lang: &str,
                text: &ArticleText,
                seen_version: i64,
                audit: Option<Audit<'_>>,
            ) -> Result<i64, StoreError> {
                self.save_translation(
                    &ItemTables::ARTICLES,
                    article_id,
                    lang,
                    [&text.title, &text.lead, &text.body_html, &text.contact],
                    search_text(&text.title, &[&text.lead], &text.body_html),
                    seen_version,
                    audit,
                )
                .await
            }

            async fn article_translations_into(
                &self,
                lang: &str,
                slugs: &[String],
            ) -> Result<Vec<(String, Translation<ArticleText>)>, StoreError> {
                let rows: Vec<ArticleTranslationRow> = self
                    .read_translations(&ItemTables::ARTICLES, TranslationsOf::Slugs { lang, slugs })
                    .await?;
                Ok(rows.into_iter().map(ArticleTranslationRow::into_translation).collect())
            }

            async fn translated_slugs(
                &self,
                lang: &str,
            ) -> Result<(Vec<String>, Vec<String>), StoreError> {
                Ok((
                    self.published_translated(&ItemTables::ARTICLES, lang).await?,
                    self.published_translated(&ItemTables::EVENTS, lang).await?,
                ))
            }

            async fn event_translations_into(
                &self,
                lang: &str,
                slugs: &[String],
            ) -> Result<Vec<(String, Translation<EventText>)>, StoreError> {
                let rows: Vec<EventTranslationRow> = self
                    .read_translations(&ItemTables::EVENTS, TranslationsOf::Slugs { lang, slugs })
                    .await?;
                Ok(rows.into_iter().map(EventTranslationRow::into_translation).collect())
            }

            async fn event_translations(
                &self,
                event_id: i64,
            ) -> Result<Vec<Translation<EventText>>, StoreError> {
                let rows: Vec<EventTranslationRow> = self
                    .read_translations(&ItemTables::EVENTS, TranslationsOf::Item(event_id))
                    .await?;
                Ok(rows.into_iter().map(|row| row.into_translation().1).collect())
            }

            async fn save_event_translation(
                &self,
                event_id: i64,
                lang: &str,
                text: &EventText,
                seen_version: i64,
                audit: Option<Audit<'_>>,
            ) -> Result<i64, StoreError> {
                self.save_translation(
                    &ItemTables::EVENTS,
                    event_id,
                    lang,
                    [&text.title, &text.summary, &text.body_html, &text.location],
                    search_text(&text.title, &[&text.summary, &text.location], &text.body_html),
                    seen_version,
                    audit,
                )
                .await
            }

            async fn event_draft(&self, event_id: i64) -> Result<Option<EventDraft>, StoreError> {
                let sql = format!("SELECT {EVENT_DRAFT_COLUMNS} WHERE d.event_id = $1");
                let row: Option<EventDraftRow> = sqlx::query_as(&sql)
                    .bind(event_id)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(row.map(Into::into))
            }

            async fn save_event_draft(
                &self,
                event_id: i64,
                fields_json: &str,
                base_version: i64,
                seen_draft_version: i64,
                user_id: i64,
                audit: Audit<'_>,
            ) -> Result<EventDraft, StoreError> {
                let (draft_version, saved_at) = self
                    .save_draft(
                        &ItemTables::EVENTS,
                        event_id,
                        &["fields"],
                        &[fields_json],
                        base_version,
                        seen_draft_version,
                        user_id,
                        audit,
                    )
                    .await?;
                Ok(EventDraft {
                    event_id,
                    fields_json: fields_json.to_string(),
                    base_version,
                    draft_version,
                    saved_by: Some(audit.actor.to_string()),
                    saved_at,
                })
            }

            async fn event_revisions(
                &self,
                event_id: i64,
            ) -> Result<Vec<EventRevision>, StoreError> {
                let sql = format!(
                    "SELECT {EVENT_REVISION_COLUMNS} WHERE r.event_id = $1 ORDER BY r.version DESC"
                );
                let rows: Vec<EventRevisionRow> =
                    sqlx::query_as(&sql).bind(event_id).fetch_all(&self.pool).await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn create_user(
                &self,
                email: &str,
                password_hash: &str,
                role: Role,
            ) -> Result<User, StoreError> {
                let row: Option<UserRow> = sqlx::query_as(
                    "INSERT INTO users (email, password_hash, role, created_at) \
                     VALUES ($1, $2, $3, $4) ON CONFLICT (email) DO NOTHING \
                     RETURNING id, email, role, created_at",
                )
                .bind(email)
                .bind(password_hash)
                .bind(role.as_str())
                .bind($instant(Utc::now()))
                .fetch_optional(&self.pool)
                .await?;
                row.map(Into::into).ok_or(StoreError::Taken("email"))
            }

            async fn credentials(&self, email: &str) -> Result<Option<Credentials>, StoreError> {
                let row: Option<CredentialsRow> = sqlx::query_as(
                    "SELECT id, email, role, created_at, password_hash FROM users WHERE email = $1",
                )
                .bind(email)
                .fetch_optional(&self.pool)
                .await?;
                Ok(row.map(Into::into))
            }

            async fn users(&self) -> Result<Vec<User>, StoreError> {
                let rows: Vec<UserRow> =
                    sqlx::query_as("SELECT id, email, role, created_at FROM users ORDER BY email")
                        .fetch_all(&self.pool)
                        .await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn set_password(&self, email: &str, password_hash: &str) -> Result<(), StoreError> {
                let mut tx = self.begin_write().await?;
                let user_id: Option<i64> = sqlx::query_scalar(
                    "UPDATE users SET password_hash = $1 WHERE email = $2 RETURNING id",
                )
                .bind(password_hash)
                .bind(email)
                .fetch_optional(&mut *tx)
                .await?;
                let user_id = user_id.ok_or(StoreError::NotFound)?;
                sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn remove_user(&self, email: &str) -> Result<(), StoreError> {
                let removed = sqlx::query("DELETE FROM users WHERE email = $1")
                    .bind(email)
                    .execute(&self.pool)
                    .await?;
                if removed.rows_affected() == 0 {
                    return Err(StoreError::NotFound);
                }
                Ok(())
            }

            async fn create_session(
                &self,
                token_hash: &str,
                user_id: i64,
                expires_at: DateTime<Utc>,
            ) -> Result<(), StoreError> {
                let now = Utc::now();
                sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
                    .bind($instant(now))
                    .execute(&self.pool)
                    .await?;
                sqlx::query(
                    "INSERT INTO sessions (id, user_id, created_at, expires_at) \
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(token_hash)
                .bind(user_id)
                .bind($instant(now))
                .bind($instant(expires_at))
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn session_user(
                &self,
                token_hash: &str,
                now: DateTime<Utc>,
            ) -> Result<Option<User>, StoreError> {
                let row: Option<UserRow> = sqlx::query_as(
                    "SELECT u.id, u.email, u.role, u.created_at FROM sessions s \
                     JOIN users u ON u.id = s.user_id WHERE s.id = $1 AND s.expires_at > $2",
                )
                .bind(token_hash)
                .bind($instant(now))
                .fetch_optional(&self.pool)
                .await?;
                Ok(row.map(Into::into))
            }

            async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
                sqlx::query("DELETE FROM sessions WHERE id = $1")
                    .bind(token_hash)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn count_sign_in_attempt(
                &self,
                keys: &[String],
                now: DateTime<Utc>,
                forget_before: DateTime<Utc>,
            ) -> Result<Vec<Option<(i64, DateTime<Utc>)>>, StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query("DELETE FROM login_failures WHERE last_failure_at < $1")
                    .bind($instant(forget_before))
                    .execute(&mut *tx)
                    .await?;
                let mut counted = Vec::with_capacity(keys.len());
                for key in keys {
                    // The `SET` expressions read the row as it was before this attempt.
                    let (failures, previous): (i64, Option<DateTime<Utc>>) = sqlx::query_as(
                        "INSERT INTO login_failures (key, failures, last_failure_at) \
                         VALUES ($1, 1, $2) ON CONFLICT (key) DO UPDATE SET \
                         failures = CASE WHEN login_failures.last_failure_at < $3 THEN 1 \
                         ELSE login_failures.failures + 1 END, \
                         previous_failure_at = CASE WHEN login_failures.last_failure_at < $3 \
                         THEN NULL ELSE login_failures.last_failure_at END, \
                         last_failure_at = $2 \
                         RETURNING failures, previous_failure_at",
                    )
                    .bind(key)
                    .bind($instant(now))
                    .bind($instant(forget_before))
                    .fetch_one(&mut *tx)
                    .await?;
                    counted.push(previous.map(|last| (failures - 1, last)));
                }
                tx.commit().await?;
                Ok(counted)
            }

            async fn clear_login_failures_under(&self, prefix: &str) -> Result<(), StoreError> {
                sqlx::query("DELETE FROM login_failures WHERE substr(key, 1, length($1)) = $1")
                    .bind(prefix)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn clear_login_failures(&self, key: &str) -> Result<(), StoreError> {
                sqlx::query("DELETE FROM login_failures WHERE key = $1")
                    .bind(key)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn audit_log(&self, limit: i64, offset: i64) -> Result<Vec<AuditEntry>, StoreError> {
                let rows: Vec<AuditRow> = sqlx::query_as(
                    "SELECT at, actor, action, item_kind, item_id, item_title FROM audit_log \
                     ORDER BY at DESC, id DESC LIMIT $1 OFFSET $2",
                )
                .bind(limit)
                .bind(offset)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn update_article_settings(
                &self,
                id: i64,
                expected_version: i64,
                settings: &ArticleSettings,
                audit: Audit<'_>,
            ) -> Result<Article, StoreError> {
                let mut tx = self.begin_write().await?;
                let category_id = Self::category_id(&mut tx, settings.category.as_deref()).await?;
                let taken: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM articles WHERE slug = $1 AND id <> $2")
                        .bind(&settings.slug)
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await?;
                if taken.is_some() {
                    return Err(StoreError::Taken("slug"));
                }
                let updated: Option<i64> = sqlx::query_scalar(
                    "UPDATE articles SET slug = $1, category_id = $2, status = $3, \
                     updated_at = $4, version = version + 1 \
                     WHERE id = $5 AND version = $6 RETURNING id",
                )
                .bind(&settings.slug)
                .bind(category_id)
                .bind(settings.status.as_str())
                .bind($instant(Utc::now()))
                .bind(id)
                .bind(expected_version)
                .fetch_optional(&mut *tx)
                .await?;
                if updated.is_none() {
                    return Err(Self::stale_write(&mut tx, "articles", id, expected_version).await?);
                }
                Self::audit_line(&mut tx, &ItemTables::ARTICLES, id, audit).await?;
                let written = Self::article_in(&mut tx, id).await?;
                tx.commit().await?;
                Ok(written)
            }

            async fn trash_article(&self, id: i64, audit: Audit<'_>) -> Result<(), StoreError> {
                self.set_trashed(&ItemTables::ARTICLES, id, true, audit).await
            }

            async fn attachments(&self, article_id: i64) -> Result<Vec<Attachment>, StoreError> {
                let rows: Vec<AttachmentRow> = sqlx::query_as(
                    "SELECT title, href, media_type, size_bytes FROM attachments \
                     WHERE article_id = $1 ORDER BY position",
                )
                .bind(article_id)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn articles_about_event(&self, event_id: i64) -> Result<Vec<Article>, StoreError> {
                let sql = format!(
                    "SELECT {ARTICLE_COLUMNS} WHERE a.status = 'published' AND a.event_id = $1 \
                     ORDER BY a.published_at DESC, a.id DESC"
                );
                let rows: Vec<ArticleRow> =
                    sqlx::query_as(&sql).bind(event_id).fetch_all(&self.pool).await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn published_event_by_id(&self, id: i64) -> Result<Option<Event>, StoreError> {
                let sql =
                    format!("SELECT {EVENT_COLUMNS} WHERE e.id = $1 AND e.status = 'published'");
                let row: Option<EventRow> =
                    sqlx::query_as(&sql).bind(id).fetch_optional(&self.pool).await?;
                Ok(row.map(Into::into))
            }

            async fn published_articles(
                &self,
                categories: &[String],
                limit: i64,
                offset: i64,
            ) -> Result<ArticlePage, StoreError> {
                // The slugs are bound from parameter `$first` on.
                let in_categories = |first: usize| {
                    in_slugs(
                        "a.category_id IN (SELECT id FROM categories WHERE slug",
                        first,
                        categories.len(),
                    )
                };
                let sql = format!(
                    "SELECT {ARTICLE_COLUMNS} WHERE a.status = 'published'{} \
                     ORDER BY a.published_at DESC, a.id DESC LIMIT $1 OFFSET $2",
                    in_categories(3)
                );
                let mut query = sqlx::query_as::<_, ArticleRow>(&sql).bind(limit).bind(offset);
                for slug in categories {
                    query = query.bind(slug);
                }
                let rows = query.fetch_all(&self.pool).await?;
                let count = format!(
                    "SELECT COUNT(*) FROM articles a WHERE a.status = 'published'{}",
                    in_categories(1)
                );
                let mut count_query = sqlx::query_scalar::<_, i64>(&count);
                for slug in categories {
                    count_query = count_query.bind(slug);
                }
                let total = count_query.fetch_one(&self.pool).await?;
                Ok(ArticlePage {
                    articles: rows.into_iter().map(Into::into).collect(),
                    total,
                })
            }

            async fn published_articles_between(
                &self,
                from: DateTime<Utc>,
                to: DateTime<Utc>,
                limit: i64,
                offset: i64,
            ) -> Result<ArticlePage, StoreError> {
                let sql = format!(
                    "SELECT {ARTICLE_COLUMNS} WHERE a.status = 'published' \
                     AND a.published_at >= $1 AND a.published_at < $2 \
                     ORDER BY a.published_at DESC, a.id DESC LIMIT $3 OFFSET $4"
                );
                let rows: Vec<ArticleRow> = sqlx::query_as(&sql)
                    .bind($instant(from))
                    .bind($instant(to))
                    .bind(limit)
                    .bind(offset)
                    .fetch_all(&self.pool)
                    .await?;
                let total: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM articles WHERE status = 'published' \
                     AND published_at >= $1 AND published_at < $2",
                )
                .bind($instant(from))
                .bind($instant(to))
                .fetch_one(&self.pool)
                .await?;
                Ok(ArticlePage {
                    articles: rows.into_iter().map(Into::into).collect(),
                    total,
                })
            }

            async fn publication_times(&self) -> Result<Vec<DateTime<Utc>>, StoreError> {
                Ok(sqlx::query_scalar(
                    "SELECT published_at FROM articles WHERE status = 'published' \
                     ORDER BY published_at DESC",
                )
                .fetch_all(&self.pool)
                .await?)
            }

            async fn article_neighbours(
                &self,
                article: &Article,
                related: i64,
            ) -> Result<ArticleNeighbours, StoreError> {
                let at = $instant(article.published_at);
                let older = format!(
                    "SELECT {ARTICLE_COLUMNS} WHERE a.status = 'published' \
                     AND (a.published_at < $1 OR (a.published_at = $1 AND a.id < $2)) \
                     ORDER BY a.published_at DESC, a.id DESC LIMIT 1"
                );
                let newer = format!(
                    "SELECT {ARTICLE_COLUMNS} WHERE a.status = 'published' \
                     AND (a.published_at > $1 OR (a.published_at = $1 AND a.id > $2)) \
                     ORDER BY a.published_at, a.id LIMIT 1"
                );
                let older: Option<ArticleRow> = sqlx::query_as(&older)
                    .bind(at)
                    .bind(article.id)
                    .fetch_optional(&self.pool)
                    .await?;
                let newer: Option<ArticleRow> = sqlx::query_as(&newer)
                    .bind(at)
                    .bind(article.id)
                    .fetch_optional(&self.pool)
                    .await?;
                let related = match &article.category {
                    None => Vec::new(),
                    Some(category) => {
                        let sql = format!(
                            "SELECT {ARTICLE_COLUMNS} WHERE a.status = 'published' \
                             AND a.category_id = $1 AND a.id <> $2 \
                             ORDER BY a.published_at DESC, a.id DESC LIMIT $3"
                        );
                        let rows: Vec<ArticleRow> = sqlx::query_as(&sql)
                            .bind(category.id)
                            .bind(article.id)
                            .bind(related)
                            .fetch_all(&self.pool)
                            .await?;
                        rows.into_iter().map(Into::into).collect()
                    }
                };
                Ok(ArticleNeighbours {
                    older: older.map(Into::into),
                    newer: newer.map(Into::into),
                    related,
                })
            }

            async fn search(&self, request: &SearchRequest) -> Result<SearchPage, StoreError> {
                if request.words.is_empty() {
                    return Ok(SearchPage { hits: Vec::new(), total: 0 });
                }
                // Category slugs are bound from $5 on; $2 is the kind ('' for both).
                let in_categories = in_slugs("(c.slug", 5, request.categories.len());
                let from_hits = format!(
                    "WITH hits AS ({}) SELECT {{columns}} FROM hits h \
                     LEFT JOIN categories c ON c.id = h.category_id \
                     WHERE ($2 = '' OR h.kind = $2){in_categories}",
                    Self::search_hits(request.lang)
                );
                let rows_sql = from_hits.replace(
                    "{columns}",
                    "h.kind, h.slug, h.title, h.lead, h.body_html, h.at, h.text_lang, \
                     c.id AS category_id, \
                     c.slug AS category_slug, c.name AS category_name, \
                     c.name_en AS category_name_en, c.name_ru AS category_name_ru, \
                     c.colour AS category_colour",
                ) + " ORDER BY h.rank DESC, h.at DESC LIMIT $3 OFFSET $4";
                // The count binds limit and offset too, so the category slugs keep their numbers.
                let count_sql = from_hits.replace("{columns}", "COUNT(*)")
                    + " AND $3 >= 0 AND $4 >= 0";
                let matched = Self::match_expression(&request.words);
                let kind = request.kind.map(SearchKind::as_str).unwrap_or("");
                let mut rows = sqlx::query_as::<_, SearchRow>(&rows_sql)
                    .bind(&matched)
                    .bind(kind)
                    .bind(request.limit)
                    .bind(request.offset);
                let mut count = sqlx::query_scalar::<_, i64>(&count_sql)
                    .bind(&matched)
                    .bind(kind)
                    .bind(request.limit)
                    .bind(request.offset);
                for slug in &request.categories {
                    rows = rows.bind(slug);
                    count = count.bind(slug);
                }
                let hits = rows.fetch_all(&self.pool).await?;
                let total = count.fetch_one(&self.pool).await?;
                Ok(SearchPage {
                    hits: hits.into_iter().map(Into::into).collect(),
                    total,
                })
            }

            async fn backfill_search(&self) -> Result<u64, StoreError> {
                let articles: Vec<(i64, String, String, String)> = sqlx::query_as(
                    "SELECT id, title, lead, body_html FROM articles WHERE search_title = ''",
                )
                .fetch_all(&self.pool)
                .await?;
                let events: Vec<(i64, String, String, String, String)> = sqlx::query_as(
                    "SELECT id, title, summary, location, body_html FROM events \
                     WHERE search_title = ''",
                )
                .fetch_all(&self.pool)
                .await?;
                let mut tx = self.begin_write().await?;
                for (id, title, lead, body) in &articles {
                    let (search_title, search_body) = search_text(title, &[lead], body);
                    sqlx::query("UPDATE articles SET search_title = $1, search_body = $2 WHERE id = $3")
                        .bind(search_title)
                        .bind(search_body)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                }
                for (id, title, summary, location, body) in &events {
                    let (search_title, search_body) = search_text(title, &[summary, location], body);
                    sqlx::query("UPDATE events SET search_title = $1, search_body = $2 WHERE id = $3")
                        .bind(search_title)
                        .bind(search_body)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                }
                // English and Russian versions saved before they were searchable.
                let translations: Vec<(String, i64, String, String, String, String, String)> =
                    sqlx::query_as(
                        "SELECT 'article', article_id, lang, title, lead, '', body_html \
                         FROM article_translations WHERE search_title = '' \
                         UNION ALL SELECT 'event', event_id, lang, title, summary, location, \
                         body_html FROM event_translations WHERE search_title = ''",
                    )
                    .fetch_all(&mut *tx)
                    .await?;
                for (kind, id, lang, title, second, third, body) in &translations {
                    let (search_title, search_body) = search_text(title, &[second, third], body);
                    let table = if kind == "article" {
                        &ItemTables::ARTICLES
                    } else {
                        &ItemTables::EVENTS
                    };
                    let sql = format!(
                        "UPDATE {} SET search_title = $1, search_body = $2 \
                         WHERE {} = $3 AND lang = $4",
                        table.translations, table.key
                    );
                    sqlx::query(&sql)
                        .bind(search_title)
                        .bind(search_body)
                        .bind(id)
                        .bind(lang)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok((articles.len() + events.len() + translations.len()) as u64)
            }

            async fn published_article(&self, slug: &str) -> Result<Option<Article>, StoreError> {
                let sql = format!(
                    "SELECT {ARTICLE_COLUMNS} WHERE a.slug = $1 AND a.status = 'published'"
                );
                let row: Option<ArticleRow> = sqlx::query_as(&sql)
                    .bind(slug)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(row.map(Into::into))
            }
        }
    };
}

pub(super) use impl_store;

/// The most slugs one statement binds (SQLite allows 32,766 parameters, PostgreSQL 65,535).
pub(super) const MAX_SLUGS_BOUND: usize = 1_000;

/// Which translations `read_translations` reads.
pub(super) enum TranslationsOf<'a> {
    /// One item's, in every language.
    Item(i64),
    /// Those of the items at `slugs` in `lang`.
    Slugs { lang: &'a str, slugs: &'a [String] },
}

/// The tables of one kind of editable item, for the writes and reads articles and events
/// share (audit lines, drafts, translations): the items' table, the name the audit log gives
/// the kind, the column other tables name an item by, its drafts' and translations' tables,
/// and the four translated text columns in the order `save_translation` binds them.
pub(super) struct ItemTables {
    pub(super) kind: &'static str,
    pub(super) items: &'static str,
    pub(super) key: &'static str,
    pub(super) drafts: &'static str,
    pub(super) revisions: &'static str,
    pub(super) translations: &'static str,
    pub(super) columns: [&'static str; 4],
}

impl ItemTables {
    pub(super) const ARTICLES: ItemTables = ItemTables {
        kind: "article",
        items: "articles",
        key: "article_id",
        drafts: "article_drafts",
        revisions: "article_revisions",
        translations: "article_translations",
        columns: ["title", "lead", "body_html", "contact"],
    };
    pub(super) const EVENTS: ItemTables = ItemTables {
        kind: "event",
        items: "events",
        key: "event_id",
        drafts: "event_drafts",
        revisions: "event_revisions",
        translations: "event_translations",
        columns: ["title", "summary", "body_html", "location"],
    };
}

/// Why a draft save guarded by `seen` (0: no draft yet) changed nothing, given the draft
/// stored now (its `draft_version`, if any).
pub(super) fn draft_refusal(seen: i64, stored: Option<i64>) -> super::StoreError {
    use super::StoreError;
    match stored {
        Some(stored) => StoreError::Conflict {
            expected: seen,
            stored,
        },
        // No draft and no item: the insert found nothing to copy from.
        None if seen == 0 => StoreError::NotFound,
        // The draft the editor saw was published or discarded meanwhile.
        None => StoreError::Conflict {
            expected: seen,
            stored: 0,
        },
    }
}
