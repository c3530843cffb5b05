//! `Store`'s own methods over SQL, for both backends: health, the pool, the content
//! generation, backups, whole-site export and import (`transfer` has the file format),
//! bodies from an older allow-list (`upkeep` has the statements), and categories.

use std::sync::Arc;

use super::sql::prelude::*;
use super::{transfer, upkeep};

#[async_trait]
impl<D: Dialect> Store for SqlStore<D>
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
    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn close(&self) {
        self.pool.close().await;
    }

    async fn stale_bodies(&self, current: i32, limit: i64) -> Result<Vec<StaleBody>, StoreError> {
        let sql = upkeep::stale_bodies_statement();
        let rows: Vec<upkeep::StaleBodyRow> = sqlx::query_as(&sql)
            .bind(current)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(upkeep::StaleBodyRow::into_body)
            .collect())
    }

    async fn store_cleaned(
        &self,
        cleaned: &[(StaleBody, crate::sanitize::SafeHtml)],
        current: i32,
    ) -> Result<u64, StoreError> {
        let mut tx = self.begin_private_write().await?;
        let mut stored = 0;
        for (stale, clean) in cleaned {
            let result = sqlx::query(&upkeep::store_cleaned_statement(stale))
                .bind(clean.as_str())
                .bind(current)
                .bind(stale.id)
                .bind(stale.version)
                .bind(stale.lang.as_str())
                .execute(&mut *tx)
                .await?;
            stored += D::rows_affected(&result);
        }
        tx.commit().await?;
        Ok(stored)
    }

    async fn back_up_to(&self, path: &std::path::Path) -> Result<(), StoreError> {
        D::copy_database_to(&self.pool, path).await
    }

    async fn export_site(&self) -> Result<transfer::SiteExport, StoreError> {
        self.export_tables().await
    }

    async fn import_site(
        &self,
        site: &transfer::SiteExport,
        receiving: transfer::Receiving,
    ) -> Result<(), StoreError> {
        self.import_tables(site, receiving).await
    }

    fn pool_connections(&self) -> (u32, usize) {
        (self.pool.size(), self.pool.num_idle())
    }

    fn content_generation(&self) -> u64 {
        self.changes.generation()
    }

    fn follow_other_instances(&self) {
        D::follow_changes(self.pool.clone(), Arc::clone(&self.changes));
    }

    async fn is_empty(&self) -> Result<bool, StoreError> {
        let count: i64 = sqlx::query_scalar(transfer::Receiving::AccountsOnly.held())
            .fetch_one(&self.pool)
            .await?;
        Ok(count == 0)
    }

    async fn create_category(&self, category: &NewCategory) -> Result<Category, StoreError> {
        let row = sqlx::query_as::<_, CategoryRow>(
                    "INSERT INTO categories (slug, name, name_en, name_ru, colour) \
                     VALUES ($1, $2, $3, $4, $5) RETURNING id, slug, name, name_en, name_ru, colour",
                )
                .bind(&category.slug)
                .bind(&category.name)
                .bind(&category.name_en)
                .bind(&category.name_ru)
                .bind(&category.colour);
        let mut write = self.begin_write().await?;
        let row = row.fetch_one(&mut *write).await?;
        write.commit().await?;
        Ok(row.into())
    }

    async fn categories(&self) -> Result<Vec<Category>, StoreError> {
        let rows: Vec<CategoryRow> =
            sqlx::query_as("SELECT id, slug, name, name_en, name_ru, colour FROM categories")
                .fetch_all(&self.pool)
                .await?;
        // Sorted here, not by the database's collation, so both backends agree.
        let mut categories: Vec<Category> = rows.into_iter().map(Into::into).collect();
        categories
            .sort_by_cached_key(|category: &Category| (slug::slugify(&category.name), category.id));
        Ok(categories)
    }
}
