//! The tables of each kind of editable item, which the writes and reads articles and events
//! share name by kind, and what a refused draft save means.

/// The tables of one kind of editable item, for the writes and reads articles and events
/// share (audit lines, drafts, translations): the items' table, the name the audit log gives
/// the kind, the column other tables name an item by, its drafts' and translations' tables,
/// the four translated text columns in the order `save_translation` binds them, and the
/// columns a revision keeps. `ItemTables::of(kind)` is each kind's, from the list in
/// `editing/kinds/mod.rs`.
pub(crate) struct ItemTables {
    pub(crate) kind: &'static str,
    pub(crate) items: &'static str,
    pub(crate) key: &'static str,
    pub(crate) drafts: &'static str,
    pub(crate) revisions: &'static str,
    pub(crate) translations: &'static str,
    pub(crate) columns: [&'static str; 4],
    /// The item's columns a revision keeps.
    pub(crate) revision_columns: &'static str,
    /// The slug of an item whose title makes none (say, all punctuation).
    pub(crate) slug_fallback: &'static str,
    /// Whether the fourth translated column (`columns[3]`: an event's place) is searched; an
    /// article's contact line is not.
    pub(crate) extra_searched: bool,
    /// A stored draft (its JSON) made to hide its item when written, or `None` when it would
    /// not show it: what the trash does to an item's shared draft. Each kind's is
    /// `stored_draft::hidden` over its descriptor (`Editable::hide_in_draft`), so the field that
    /// says so is named once, in the browser's descriptor.
    pub(crate) hide_in_draft: fn(&str) -> Option<String>,
}

impl ItemTables {
    /// Whether these are the tables of the kind named `kind` (`Article`: the audit log's
    /// `article`), for the build's check of the list in `editing/kinds/mod.rs`.
    pub(crate) const fn is_named(&self, kind: &str) -> bool {
        let (a, b) = (self.kind.as_bytes(), kind.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if !a[i].eq_ignore_ascii_case(&b[i]) {
                return false;
            }
            i += 1;
        }
        true
    }

    /// The items as `i`, each with its shared draft as `d` while it is unpublished (the draft
    /// names it for editors until then: `rows/items.rs`).
    pub(super) fn with_draft(&self) -> String {
        let ItemTables {
            items, drafts, key, ..
        } = self;
        format!("{items} i LEFT JOIN {drafts} d ON d.{key} = i.id AND i.status = 'draft'")
    }

    /// The item's (`$1`) translations as `TranslationRow`s, every language, each part as
    /// readers see it ([`Self::translated`]); a caller may narrow (`t.lang`) or order them.
    pub(super) fn translations_select(&self) -> String {
        let [c1, c2, c3, c4] = self.columns.map(|c| Self::translated("t", "p", c));
        // Which parts the translator left as the Latvian text (stored empty), as codes.
        let [l1, l2, l3, l4] = self
            .columns
            .map(|c| format!("CASE WHEN t.{c} = '' THEN 'lv' ELSE t.lang END"));
        let ItemTables {
            items,
            key,
            translations,
            ..
        } = self;
        format!(
            "SELECT t.lang, {c1} AS title, {c2} AS lead, {c3} AS body_html, {c4} AS extra, \
             {l1} || ',' || {l2} || ',' || {l3} || ',' || {l4} AS part_langs, \
             t.version, t.updated_at FROM {translations} t JOIN {items} p ON p.id = t.{key} \
             WHERE t.{key} = $1"
        )
    }

    /// One translated part as readers see it: the translation's (alias `translation`) text,
    /// or the item's (alias `item`) where the translator left it. Such a part is stored
    /// empty ([`Self::translating`]), so it follows every later change of the Latvian text
    /// instead of keeping a stale copy.
    pub(super) fn translated(translation: &str, item: &str, column: &str) -> String {
        format!("COALESCE(NULLIF({translation}.{column}, ''), {item}.{column})")
    }

    /// What a translation save stores for a part of the item `$1` from the parameter
    /// `text`: empty where it is the item's own text (the translator left it), else `text`.
    pub(super) fn translating(&self, column: &str, text: &str) -> String {
        let ItemTables { items, .. } = self;
        format!(
            "CASE WHEN {text} = (SELECT {column} FROM {items} WHERE id = $1) THEN '' \
             ELSE {text} END"
        )
    }

    /// The statement that writes a draft save over draft version `seen` (0: it starts the
    /// draft) or over a draft an earlier save of the same opened editor left
    /// ([`own_write`]), answering a `SavedDraftRow`; nothing when the stored draft is
    /// neither. The caller has checked that the item is live and at the version the draft
    /// is written on, and holds its row. Binds `$1` the item, `$2` the item version it is
    /// written on, `$3` the account, `$4` the time, `$5` `seen`, `$6` the fields, `$7` the
    /// opened editor's mark and `$8` the number of its save.
    pub(super) fn draft_write(&self, seen: i64) -> String {
        let ItemTables {
            items, key, drafts, ..
        } = self;
        let own = own_write(drafts, "$7", "$8");
        if seen == 0 {
            format!(
                "INSERT INTO {drafts} ({key}, fields, base_version, draft_version, saved_by, \
                 saved_at, writer, writer_save) SELECT id, $6, $2, 1, $3, $4, $7, $8 \
                 FROM {items} WHERE id = $1 AND CAST($5 AS BIGINT) = 0 \
                 ON CONFLICT ({key}) DO UPDATE SET fields = $6, base_version = $2, \
                 saved_by = $3, saved_at = $4, writer = $7, writer_save = $8, \
                 draft_version = {drafts}.draft_version + 1 WHERE {own} \
                 RETURNING draft_version, saved_at"
            )
        } else {
            format!(
                "UPDATE {drafts} SET fields = $6, base_version = $2, saved_by = $3, \
                 saved_at = $4, writer = $7, writer_save = $8, \
                 draft_version = draft_version + 1 \
                 WHERE {key} = $1 AND (draft_version = $5 OR {own}) \
                 RETURNING draft_version, saved_at"
            )
        }
    }
}

/// Whether the row stored in `table` (a shared draft, a translation) is an earlier save of the
/// opened editor whose mark and save number the parameters `mark` and `save` bind: that
/// editor's own text, whose answer it never heard. Its text goes on from there, so writing
/// over the row (or publishing the draft) loses nobody's words; a save of the same editor
/// arriving after a later one is not (it would write older text over newer). Never true
/// without a mark (NULL compares to nothing).
pub(super) fn own_write(table: &str, mark: &str, save: &str) -> String {
    format!("({table}.writer = {mark} AND {table}.writer_save < {save})")
}
