//! What editors' work leaves in storage: accounts and sessions, shared drafts, revisions and
//! the audit log.

use chrono::{DateTime, Utc};

pub use crate::auth::Role;

/// An account, without its password hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
}

/// The failed sign-ins counted under one throttle key before an attempt: how many, and when
/// the last of them was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EarlierFailures {
    pub count: i64,
    pub last_at: DateTime<Utc>,
}

/// A sign-in attempt to count before its password is checked: under `keys`, at `now`,
/// forgetting failures last counted before `forget_before`; `refused` says, from the
/// failures counted before it (per key), whether it must wait instead.
#[derive(Clone, Copy)]
pub struct SignInAttempt<'a> {
    pub keys: &'a [String],
    pub now: DateTime<Utc>,
    pub forget_before: DateTime<Utc>,
    pub refused: &'a (dyn for<'e> Fn(&'e [Option<EarlierFailures>]) -> bool + Sync),
}

/// A session to start after a right password: stored under the SHA-256 of its token, for
/// account `user_id`, until `expires_at`. The failures counted under the `cleared` keys go
/// with it; under the `taken_back` keys only the one this attempt counted, at
/// `attempted_at`, before its password was checked (see `count_sign_in_attempt`): the count
/// and the time of the last failure are as if it had not been counted.
#[derive(Debug, Clone, Copy)]
pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub user_id: i64,
    pub expires_at: DateTime<Utc>,
    pub cleared: &'a [String],
    pub taken_back: &'a [String],
    pub attempted_at: DateTime<Utc>,
}

/// An account with its Argon2id hash (PHC string), for signing in only. Deliberately not
/// `Serialize`, so it cannot be sent anywhere by mistake.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub user: User,
    pub password_hash: String,
}

/// The fields of an article an editor changes in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleText {
    pub title: String,
    pub lead: String,
    /// Sanitised before it is stored.
    pub body_html: String,
    pub contact: String,
}

/// Who looks for an item: readers find what is published, editors anything not in the trash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Readers,
    Editors,
}

impl Audience {
    /// The condition (`AND …`, or nothing) that narrows a query's items, named with
    /// `prefix` (`"i."`), to what this audience sees; trashed items are for no one.
    pub(super) fn sees(self, prefix: &str) -> String {
        match self {
            Audience::Readers => format!("AND {prefix}status = 'published'"),
            Audience::Editors => String::new(),
        }
    }
}

/// An item found at an address ([`EditingStore::item_at`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundItem {
    pub id: i64,
    /// The title editors know it by: while it is unpublished, its draft's.
    pub title: String,
    /// Whether readers see it now, and whether they ever did (`was_published`): an
    /// unpublished item that was published before is hidden from them, not new.
    pub readers: crate::editing::ReadersSee,
}

/// How an editor's request names an item: by id, or by the address it was opened at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemAt<'a> {
    Id(i64),
    Slug(&'a str),
}

/// Where an item stands on the editors' desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskPlace {
    /// An article not yet published, listed by when it was last saved.
    Draft,
    /// An item of any kind in the trash, listed by when it was trashed.
    Trash,
}

/// One item on the editors' desk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskEntry {
    pub place: DeskPlace,
    pub kind: crate::editing::ItemKind,
    pub id: i64,
    pub slug: String,
    pub title: String,
    /// When it came to be there.
    pub at: DateTime<Utc>,
}

/// One version in an item's history, of either kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionSummary {
    pub version: i64,
    pub title: String,
    /// Who saved it (empty: imported, or the demo content).
    pub saved_by: String,
    /// When it was saved (the current version: when its text was; a new address or new
    /// settings are not a version of the text).
    pub saved_at: DateTime<Utc>,
    /// Whether it is the item's current version, which readers see now.
    pub current: bool,
}

/// An earlier published version of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRevision {
    pub version: i64,
    pub text: ArticleText,
    pub saved_by: String,
    pub saved_at: DateTime<Utc>,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditEntry {
    /// Counts up with each line: a listing holds still from the line it started at.
    pub id: i64,
    pub at: DateTime<Utc>,
    /// The account's e-mail address.
    pub actor: String,
    /// `created`, `changed`, `published`, `deleted`, `restored`, `signed-in`…
    pub action: String,
    /// `article`, `event`, `user`.
    pub item_kind: String,
    pub item_id: Option<i64>,
    pub item_title: String,
}

/// The shared, unpublished draft of an article or event: the editor's form as typed, kept as
/// JSON in the kind's own stored shape (`editing::stored_draft`), because a draft need not be
/// a valid item yet and the browser's wire types may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDraft {
    pub item_id: i64,
    pub fields_json: String,
    /// The item version the draft started from.
    pub base_version: i64,
    /// Counts the draft's saves; a save must name the one it started from.
    pub draft_version: i64,
    pub saved_by: Option<String>,
    pub saved_at: chrono::DateTime<Utc>,
}

/// A save of an article's or event's shared draft: its fields as JSON in the kind's stored
/// shape, written on item version `base_version` (which must be the item's version now) by
/// account `user_id`, over the draft the
/// editor saw last (`seen_draft_version`; 0: there was none), or over an earlier save of the
/// same opened editor (`writer`) whose answer it never heard.
#[derive(Debug, Clone, Copy)]
pub struct DraftSave<'a> {
    pub kind: crate::editing::ItemKind,
    pub item_id: i64,
    pub fields_json: &'a str,
    pub base_version: i64,
    pub seen_draft_version: i64,
    pub user_id: i64,
    /// The opened editor saving, and which of its saves this is; none: unknown.
    pub writer: Option<&'a crate::editing::Writer>,
}

/// An earlier version of an event: `event` as it was (its `updated_at` is when that version
/// was saved), and who saved it.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRevision {
    pub event: super::Event,
    pub saved_by: String,
}

/// A translation's text: the same four fields for every kind. For an article its title,
/// lead, body and contact line; for an event its title, summary, body and place. Saved with a
/// sanitised body (`TranslatedText<SafeHtml>`), read back with the body as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslatedText<B = String> {
    pub title: String,
    pub lead: String,
    pub body_html: B,
    pub extra: String,
}

impl<B> TranslatedText<B> {
    /// The same text with `body_html` as its body (the sanitised one, say).
    pub fn with_body<C>(self, body_html: C) -> TranslatedText<C> {
        TranslatedText {
            title: self.title,
            lead: self.lead,
            body_html,
            extra: self.extra,
        }
    }
}

/// A translation to save: item `item_id`'s text in `lang` (`en`, `ru`), over the translation
/// at `seen_version` (0: there was none), from the opened translation editor `writer` (none:
/// unknown), whose own earlier save it may go over (see `DraftSave::writer`).
#[derive(Debug, Clone, Copy)]
pub struct TranslationWrite<'a> {
    pub kind: crate::editing::ItemKind,
    pub item_id: i64,
    pub lang: &'a str,
    pub text: &'a TranslatedText<crate::sanitize::SafeHtml>,
    pub seen_version: i64,
    pub writer: Option<&'a crate::editing::Writer>,
    /// The item version whose Latvian text the translator had before them (`None`: the one
    /// stored now). The translation is stored as written from the older of that and the
    /// item's version now, so a change made while the translator typed is still told.
    pub source_version: Option<i64>,
}

/// An article's or event's text in another language, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation<T> {
    /// `en` or `ru`.
    pub lang: String,
    pub text: T,
    /// The language of each part of `text`: Latvian where the translator left the item's
    /// text. Read with the text only.
    pub part_langs: Option<crate::i18n::PartLangs>,
    /// 1 for the first save, one more for each later one.
    pub version: i64,
    /// When it was last saved.
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// A translation whose item's Latvian text changed since it was written from it
/// (`TranslationStore::translation_behind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TranslationBehind {
    /// The version whose text the translation was written from, as the item's history
    /// lists it (the first one kept from then on).
    pub since: i64,
    /// The item's version now.
    pub now: i64,
    /// Which translated parts' Latvian text changed since, in `ItemTables::columns`' order
    /// (title, lead, body, extra).
    pub changed: [bool; 4],
}

impl<T> Translation<T> {
    /// The languages an item is written in (Latvian, then those of its `translations`), and
    /// the version of its translation into `lang` (0: none; the translation editor starts
    /// from it).
    pub fn languages_and_version(
        translations: &[Translation<T>],
        lang: crate::i18n::Lang,
    ) -> (Vec<crate::i18n::Lang>, i64) {
        use crate::i18n::Lang;
        let mut languages = vec![Lang::Lv];
        languages.extend(
            translations
                .iter()
                .filter_map(|found| Lang::from_code(&found.lang)),
        );
        let version = translations
            .iter()
            .find(|found| found.lang == lang.code())
            .map_or(0, |found| found.version);
        (languages, version)
    }
}

/// The audit line an editing write leaves. The store writes it in the write's own
/// transaction, naming the item by its title as the write left it, so the log never misses a
/// change and never records one that did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Audit<'a> {
    /// The editor's e-mail address.
    pub actor: &'a str,
    /// `changed`, `published`, `deleted`, `restored version 3`…
    pub action: &'a str,
}

/// What a write that replaces an item's fields does with the item's shared draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftRule<'a> {
    /// The write publishes the draft the editor last saw, at draft version `seen` (0: there
    /// was none), or a newer one an earlier save of this same opened editor (`writer`) left
    /// (its answer was lost: the editor's text goes on from it). The draft goes with the
    /// write; a newer draft saved by anyone else refuses the write
    /// (`StoreError::NewerDraft`) and nothing changes.
    Publishes {
        seen: i64,
        writer: Option<&'a crate::editing::Writer>,
    },
    /// The write does not come from the draft (restoring a version, moving an event on the
    /// calendar): a draft someone saved stays as it is.
    Keeps,
    /// The write leaves the item's fields as they were (its address, an article's
    /// settings): a draft written on the version it replaces is written on the new one just
    /// as well, and moves on with it, so its editor meets no conflict over the text.
    Follows,
}

/// Which way an item moves: into the trash, or out of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrashMove {
    Into,
    OutOf,
}
