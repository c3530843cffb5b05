//! Export files of earlier formats, brought up to this one as they are read, the way the
//! migrations brought the databases they came from.

use std::{
    borrow::Cow,
    collections::{HashMap, HashSet},
};

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::{instant_of, refused, SiteExport, TableRows, FORMAT};
use crate::storage::{tables::ItemTables, StoreError};

/// `site` in this version's format ([`FORMAT`]); a file already in it is used as it is.
pub(super) fn upgraded(site: &SiteExport) -> Result<Cow<'_, SiteExport>, StoreError> {
    if site.notikumi_export >= FORMAT || site.notikumi_export == 0 {
        return Ok(Cow::Borrowed(site));
    }
    let mut site = site.clone();
    if site.notikumi_export == 1 {
        drafts_as_documents(&mut site)?;
    }
    if site.notikumi_export <= 2 {
        first_publications(&mut site)?;
    }
    if site.notikumi_export <= 3 {
        untranslated_parts_empty(&mut site)?;
    }
    if site.notikumi_export <= 4 {
        events_seen(&mut site)?;
    }
    if site.notikumi_export <= 5 {
        translation_sources(&mut site)?;
    }
    addresses_seen(&mut site)?;
    site.notikumi_export = FORMAT;
    Ok(Cow::Owned(site))
}

/// Format 1 to 2: article drafts, which had their text in four columns, become one JSON
/// document each, as the migration `one_draft_shape` moved them in the database. A drafts
/// table without those columns, or with a row of the wrong length, is refused.
fn drafts_as_documents(site: &mut SiteExport) -> Result<(), StoreError> {
    const TEXTS: [&str; 4] = ["title", "lead", "body_html", "contact"];
    // An empty table has no columns in the file: nothing to move.
    for table in site
        .tables
        .iter_mut()
        .filter(|t| t.name == "article_drafts" && !t.rows.is_empty())
    {
        let mut positions = TEXTS
            .iter()
            .map(|name| table.columns.iter().position(|column| column == name))
            .collect::<Option<Vec<usize>>>()
            .ok_or_else(|| refused("article_drafts: a format-1 draft lacks its text".into()))?;
        rows_are_whole(table)?;
        // Removed from the end first, so the positions still to go stay where they are.
        positions.sort_unstable_by(|a, b| b.cmp(a));
        for row in &mut table.rows {
            let mut fields = serde_json::Map::new();
            fields.insert("format".into(), Value::from(1));
            for at in &positions {
                fields.insert(table.columns[*at].clone(), row.remove(*at));
            }
            row.push(Value::from(Value::Object(fields).to_string()));
        }
        for at in positions {
            table.columns.remove(at);
        }
        table.columns.push("fields".into());
    }
    Ok(())
}

/// Format 2 to 3: articles get `was_published`, as the migration `first_publication` filled
/// it: an article readers saw is one published now, one the audit log says was published or
/// restored, or one no editor made (the demo, an import).
fn first_publications(site: &mut SiteExport) -> Result<(), StoreError> {
    let log = ItemLog::of(site, "article", &["published", "restored version "])?;
    with_was_published(site, "articles", |id| log.seen(id))
}

/// Format 4 to 5: events get `was_published`, as the migration `events_seen` filled it: an
/// event readers saw is one published now, one with a published version kept, one the audit
/// log says was published, or one no editor made (the demo, an import).
fn events_seen(site: &mut SiteExport) -> Result<(), StoreError> {
    let log = ItemLog::of(site, "event", &["published"])?;
    let mut published_before = HashSet::new();
    let revisions = site.tables.iter();
    for table in revisions.filter(|t| t.name == "event_revisions" && !t.rows.is_empty()) {
        let [event, status] = positions(table, ["event_id", "status"])?;
        rows_are_whole(table)?;
        let published = table.rows.iter().filter(|row| row[status] == "published");
        published_before.extend(published.filter_map(|row| row[event].as_i64()));
    }
    with_was_published(site, "events", |id| {
        log.seen(id) || published_before.contains(&id)
    })
}

/// Format 5 to 6: translations get `source_version`, as the migration `translation_source`
/// filled it: the item's version when it was last written by the translation's save, else
/// the newest revision written by then, else none.
fn translation_sources(site: &mut SiteExport) -> Result<(), StoreError> {
    for tables in [&ItemTables::ARTICLES, &ItemTables::EVENTS] {
        let translated = |t: &TableRows| t.name == tables.translations && !t.rows.is_empty();
        if !site.tables.iter().any(translated) {
            continue;
        }
        // (version, written at) of each item's versions, by item.
        let mut written: HashMap<i64, Vec<(i64, DateTime<Utc>)>> = HashMap::new();
        let versions = site.tables.iter().filter(|t| {
            (t.name == tables.items || t.name == tables.revisions) && !t.rows.is_empty()
        });
        for table in versions {
            let (item, at) = if table.name == tables.items {
                ("id", "updated_at")
            } else {
                (tables.key, "saved_at")
            };
            let [item, version, at_place] = positions(table, [item, "version", at])?;
            rows_are_whole(table)?;
            for row in &table.rows {
                let when = instant_of(&table.name, at, &row[at_place])?;
                if let (Some(id), Some(version), Some(when)) =
                    (row[item].as_i64(), row[version].as_i64(), when)
                {
                    written.entry(id).or_default().push((version, when));
                }
            }
        }
        for table in site.tables.iter_mut().filter(|t| translated(t)) {
            let [item, saved] = positions(table, [tables.key, "updated_at"])?;
            rows_are_whole(table)?;
            let mut sources = Vec::with_capacity(table.rows.len());
            for row in &table.rows {
                let saved_at = instant_of(&table.name, "updated_at", &row[saved])?;
                let source = row[item]
                    .as_i64()
                    .and_then(|id| written.get(&id))
                    .zip(saved_at)
                    .and_then(|(versions, saved_at)| {
                        let by_then = versions.iter().filter(|(_, at)| *at <= saved_at);
                        by_then.map(|(version, _)| *version).max()
                    });
                sources.push(source.map_or(Value::Null, Value::from));
            }
            let mut sources = sources.into_iter();
            add_column(table, "source_version", |_| {
                sources.next().unwrap_or_default()
            });
        }
    }
    Ok(())
}

/// Format 6 to 7: old addresses get `seen`, as the migration `addresses_seen` filled it: set
/// where an editor changed the item's address (the log says so) and it has been published
/// since. The others were a never-published item's, left as its address followed its title.
fn addresses_seen(site: &mut SiteExport) -> Result<(), StoreError> {
    let moved = |t: &TableRows| t.name == "previous_addresses" && !t.rows.is_empty();
    if !site.tables.iter().any(moved) {
        return Ok(());
    }
    let mut seen_moving = HashSet::new();
    for tables in [&ItemTables::ARTICLES, &ItemTables::EVENTS] {
        // (`published` holds the items the log has the action named for.)
        let moved_by_editors = ItemLog::of(site, tables.kind, &["changed address"])?.published;
        let items = site.tables.iter();
        for table in items.filter(|t| t.name == tables.items && !t.rows.is_empty()) {
            let [id, was_published] = positions(table, ["id", "was_published"])?;
            rows_are_whole(table)?;
            let seen = table.rows.iter().filter(|row| row[was_published] == true);
            let seen = seen.filter_map(|row| row[id].as_i64());
            let moved = seen.filter(|id| moved_by_editors.contains(id));
            seen_moving.extend(moved.map(|id| (tables.kind, id)));
        }
    }
    for table in site.tables.iter_mut().filter(|t| moved(t)) {
        let [kind, item] = positions(table, ["kind", "item_id"])?;
        rows_are_whole(table)?;
        add_column(table, "seen", |row| {
            let at = row[kind].as_str().zip(row[item].as_i64());
            Value::Bool(at.is_some_and(|at| seen_moving.contains(&at)))
        });
    }
    Ok(())
}

/// Adds `was_published` to the rows of the items' table `items`: set for one published now
/// and for one whose id `seen_before` names.
fn with_was_published(
    site: &mut SiteExport,
    items: &str,
    seen_before: impl Fn(i64) -> bool,
) -> Result<(), StoreError> {
    for table in site
        .tables
        .iter_mut()
        .filter(|t| t.name == items && !t.rows.is_empty())
    {
        let [id, status] = positions(table, ["id", "status"])?;
        rows_are_whole(table)?;
        add_column(table, "was_published", |row| {
            Value::Bool(row[status] == "published" || row[id].as_i64().is_some_and(&seen_before))
        });
    }
    Ok(())
}

/// Format 3 to 4: a part a translation held as a copy of its item's text is stored empty, as
/// the migration `untranslated_parts_empty` did in the database, so it follows that text.
fn untranslated_parts_empty(site: &mut SiteExport) -> Result<(), StoreError> {
    for tables in [&ItemTables::ARTICLES, &ItemTables::EVENTS] {
        let translated = |t: &TableRows| t.name == tables.translations && !t.rows.is_empty();
        if !site.tables.iter().any(translated) {
            continue;
        }
        let [c1, c2, c3, c4] = tables.columns;
        let mut originals: HashMap<i64, [Value; 4]> = HashMap::new();
        let items = site.tables.iter();
        for table in items.filter(|t| t.name == tables.items && !t.rows.is_empty()) {
            let [id, parts @ ..] = positions(table, ["id", c1, c2, c3, c4])?;
            rows_are_whole(table)?;
            for row in &table.rows {
                if let Some(id) = row[id].as_i64() {
                    originals.insert(id, parts.map(|at| row[at].clone()));
                }
            }
        }
        for table in site.tables.iter_mut().filter(|t| translated(t)) {
            let [item, parts @ ..] = positions(table, [tables.key, c1, c2, c3, c4])?;
            rows_are_whole(table)?;
            for row in &mut table.rows {
                let Some(original) = row[item].as_i64().and_then(|id| originals.get(&id)) else {
                    continue;
                };
                for (at, own) in parts.into_iter().zip(original) {
                    if row[at] == *own {
                        row[at] = Value::from("");
                    }
                }
            }
        }
    }
    Ok(())
}

/// What a file's audit log says about its articles.
#[derive(Default)]
struct ItemLog {
    /// Published (for articles, restored too: a restore published them then).
    published: HashSet<i64>,
    /// Made by an editor, as a draft.
    created: HashSet<i64>,
}

impl ItemLog {
    /// What the audit log says of the items of `kind` (its name there): those an action
    /// starting with one of `publishing` published, and those an editor made.
    fn of(site: &SiteExport, kind: &str, publishing: &[&str]) -> Result<Self, StoreError> {
        let mut log = ItemLog::default();
        let tables = site.tables.iter();
        for table in tables.filter(|t| t.name == "audit_log" && !t.rows.is_empty()) {
            let [item_kind, id, action] = positions(table, ["item_kind", "item_id", "action"])?;
            rows_are_whole(table)?;
            for row in table.rows.iter().filter(|row| row[item_kind] == kind) {
                let (Some(item), Some(action)) = (row[id].as_i64(), row[action].as_str()) else {
                    continue;
                };
                if publishing.iter().any(|start| action.starts_with(start)) {
                    log.published.insert(item);
                } else if action == "created" {
                    log.created.insert(item);
                }
            }
        }
        Ok(log)
    }

    /// Whether readers saw `item`, by the log: it was published, or no editor made it.
    fn seen(&self, item: i64) -> bool {
        self.published.contains(&item) || !self.created.contains(&item)
    }
}

/// Adds the column `name` to `table`, in alphabetical order as the export writes columns,
/// each row's value made from the row as it was.
fn add_column(table: &mut TableRows, name: &str, mut value_of: impl FnMut(&[Value]) -> Value) {
    let at = table
        .columns
        .partition_point(|column| column.as_str() < name);
    table.columns.insert(at, name.into());
    for row in &mut table.rows {
        let value = value_of(row);
        row.insert(at, value);
    }
}

/// Where `table` has each of the columns `names`; refused when it lacks one.
fn positions<const N: usize>(
    table: &TableRows,
    names: [&str; N],
) -> Result<[usize; N], StoreError> {
    let mut found = [0; N];
    for (place, name) in found.iter_mut().zip(names) {
        *place = table
            .columns
            .iter()
            .position(|column| column == name)
            .ok_or_else(|| refused(format!("{}: no column {name}", table.name)))?;
    }
    Ok(found)
}

/// Refuses a table with a row of other than one value per column.
fn rows_are_whole(table: &TableRows) -> Result<(), StoreError> {
    let width = table.columns.len();
    if table.rows.iter().any(|row| row.len() != width) {
        return Err(refused(format!(
            "{}: a row of other than {width} values",
            table.name
        )));
    }
    Ok(())
}
