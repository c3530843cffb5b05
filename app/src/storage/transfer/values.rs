//! Each backend's values in an export: how a row's value is read from SQLite's storage
//! classes and PostgreSQL's column types into the file's JSON, and how a table's rows are
//! written back with the types each backend's columns want.

use super::*;

/// A value as SQLite stores it: instants as Unix seconds, truth values as 0 or 1, each value
/// with its own storage class.
pub(in crate::storage) fn sqlite_value(
    table: &str,
    row: &sqlx::sqlite::SqliteRow,
    at: usize,
    kind: Kind,
) -> Result<Value, StoreError> {
    let raw = row.try_get_raw(at)?;
    if raw.is_null() {
        return Ok(Value::Null);
    }
    let storage = raw.type_info().name().to_string();
    Ok(match (kind, storage.as_str()) {
        (Kind::Instant, _) => DateTime::from_timestamp(row.try_get::<i64, _>(at)?, 0)
            .map(instant_value)
            .ok_or_else(|| refused(format!("{table}: an instant out of range")))?,
        (Kind::Truth, _) => Value::Bool(row.try_get::<i64, _>(at)? != 0),
        (_, "INTEGER") => Value::from(row.try_get::<i64, _>(at)?),
        (_, "REAL") => Value::from(row.try_get::<f64, _>(at)?),
        (_, "TEXT") => Value::from(row.try_get::<String, _>(at)?),
        (_, other) => return Err(refused(format!("{table}: cannot export {other} values"))),
    })
}

/// A value as its PostgreSQL column declares it; the column's type must agree with the lists
/// SQLite's export goes by.
pub(in crate::storage) fn postgres_value(
    table: &str,
    row: &sqlx::postgres::PgRow,
    at: usize,
    kind: Kind,
) -> Result<Value, StoreError> {
    let column = row.column(at);
    let declared = column.type_info().name();
    if (declared == "TIMESTAMPTZ") != (kind == Kind::Instant)
        || (declared == "BOOL") != (kind == Kind::Truth)
    {
        return Err(refused(format!(
            "{table}.{} is {declared}: INSTANTS and TRUTHS in storage/transfer.rs must say so",
            column.name()
        )));
    }
    if row.try_get_raw(at)?.is_null() {
        return Ok(Value::Null);
    }
    Ok(match declared {
        "INT8" => Value::from(row.try_get::<i64, _>(at)?),
        "INT4" => Value::from(row.try_get::<i32, _>(at)?),
        "INT2" => Value::from(row.try_get::<i16, _>(at)?),
        "FLOAT8" => Value::from(row.try_get::<f64, _>(at)?),
        "TEXT" | "VARCHAR" | "BPCHAR" => Value::from(row.try_get::<String, _>(at)?),
        "BOOL" => Value::Bool(row.try_get::<bool, _>(at)?),
        "TIMESTAMPTZ" => instant_value(row.try_get::<DateTime<Utc>, _>(at)?),
        other => return Err(refused(format!("{table}: cannot export {other} values"))),
    })
}

pub(in crate::storage) async fn insert_sqlite_rows(
    conn: &mut sqlx::SqliteConnection,
    table: &TableRows,
) -> Result<(), StoreError> {
    // SQLite would store text in a number column (and the site then fail to read the row),
    // so each value is checked against its column's declared type, as PostgreSQL does.
    let declared: Vec<(String, String)> =
        sqlx::query_as("SELECT name, type FROM pragma_table_info(?1)")
            .bind(&table.name)
            .fetch_all(&mut *conn)
            .await?;
    let kinds = table
        .columns
        .iter()
        .map(|column| {
            let declared = declared
                .iter()
                .find(|(name, _)| name == column)
                .map(|(_, declared)| declared.to_ascii_uppercase())
                .ok_or_else(|| refused(format!("{}.{column}: no such column", table.name)))?;
            Ok((kind_of(&table.name, column), declared.contains("INT")))
        })
        .collect::<Result<Vec<(Kind, bool)>, StoreError>>()?;
    let statement = insert_statement(table);
    for (at, row) in table.rows.iter().enumerate() {
        let mut insert = sqlx::query(&statement);
        for ((column, (kind, whole)), value) in table.columns.iter().zip(&kinds).zip(row) {
            let wrong = || refused(format!("{}.{column}: cannot import {value}", table.name));
            insert = match (*kind, value) {
                (Kind::Instant, value) => {
                    insert.bind(instant_of(&table.name, column, value)?.map(|at| at.timestamp()))
                }
                (Kind::Truth, value) => insert.bind(truth_of(&table.name, column, value)?),
                (Kind::Plain, Value::Null) => insert.bind(None::<i64>),
                // No column holds fractions: SQLite would store one in an INTEGER column
                // and the site could not read the row back (PostgreSQL refuses it itself).
                (Kind::Plain, Value::Number(number)) if *whole => {
                    insert.bind(number.as_i64().ok_or_else(wrong)?)
                }
                (Kind::Plain, Value::String(text)) if !*whole => insert.bind(text.as_str()),
                (Kind::Plain, _) => return Err(wrong()),
            };
        }
        insert
            .execute(&mut *conn)
            .await
            .map_err(|error| refused_row(table, at, error))?;
    }
    Ok(())
}

/// A PostgreSQL column and the type `information_schema` names for it.
#[derive(sqlx::FromRow)]
struct DeclaredColumn {
    name: String,
    data_type: String,
}

pub(in crate::storage) async fn insert_postgres_rows(
    conn: &mut sqlx::PgConnection,
    table: &TableRows,
) -> Result<(), StoreError> {
    // PostgreSQL wants each value, a missing one too, in its column's type.
    let declared: Vec<DeclaredColumn> = sqlx::query_as(
        "SELECT column_name::text AS name, data_type::text AS data_type \
         FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name = $1",
    )
    .bind(&table.name)
    .fetch_all(&mut *conn)
    .await?;
    // Each column's type, looked up once per table.
    let types = table
        .columns
        .iter()
        .map(|column| {
            declared
                .iter()
                .find(|declared| &declared.name == column)
                .map(|declared| declared.data_type.as_str())
                .ok_or_else(|| refused(format!("{}.{column}: no such column", table.name)))
        })
        .collect::<Result<Vec<&str>, StoreError>>()?;
    let statement = insert_statement(table);
    for (at, row) in table.rows.iter().enumerate() {
        let mut insert = sqlx::query(&statement);
        for ((column, data_type), value) in table.columns.iter().zip(&types).zip(row) {
            let wrong = || refused(format!("{}.{column}: cannot import {value}", table.name));
            insert = match *data_type {
                "timestamp with time zone" => insert.bind(instant_of(&table.name, column, value)?),
                "boolean" => insert.bind(truth_of(&table.name, column, value)?),
                "bigint" | "integer" | "smallint" => insert.bind(match value {
                    Value::Null => None,
                    Value::Number(number) => Some(number.as_i64().ok_or_else(wrong)?),
                    _ => return Err(wrong()),
                }),
                "double precision" | "real" => insert.bind(match value {
                    Value::Null => None,
                    Value::Number(number) => Some(number.as_f64().ok_or_else(wrong)?),
                    _ => return Err(wrong()),
                }),
                "text" | "character varying" | "character" => insert.bind(match value {
                    Value::Null => None,
                    Value::String(text) => Some(text.as_str()),
                    _ => return Err(wrong()),
                }),
                _ => return Err(wrong()),
            };
        }
        insert
            .execute(&mut *conn)
            .await
            .map_err(|error| refused_row(table, at, error))?;
    }
    // New rows get ids after the imported ones.
    if table.columns.iter().any(|column| column == "id") {
        sqlx::query(&format!(
            "SELECT setval(pg_get_serial_sequence('{0}', 'id'), \
             (SELECT COALESCE(MAX(id), 0) + 1 FROM {0}), false)",
            table.name
        ))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
