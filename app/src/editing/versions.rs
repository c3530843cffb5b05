//! The history of articles and events: every version with who saved it and when, any two
//! compared word by word, and any earlier one made current again as a new version.

use super::{event_service, service, Change, Comparison, ItemKind, ItemRef, RevisionInfo, Saved};
use crate::{
    error::AppError,
    i18n::{Lang, Message},
    search::text::plain_text,
    state::store,
    storage::{DraftRule, Event, User},
};
use service::stamp;

pub async fn history(item: ItemRef) -> Result<Vec<RevisionInfo>, AppError> {
    let current = |version, title, at| RevisionInfo {
        version,
        title,
        saved_by: String::new(),
        saved_at: stamp(at),
        current: true,
    };
    let earlier = |version, title, saved_by, at| RevisionInfo {
        version,
        title,
        saved_by,
        saved_at: stamp(at),
        current: false,
    };
    let store = store()?;
    Ok(match item.kind {
        ItemKind::Article => {
            let article = service::article_by_id(item.id).await?;
            let mut versions = vec![current(article.version, article.title, article.updated_at)];
            versions.extend(
                store
                    .article_revisions(item.id)
                    .await?
                    .into_iter()
                    .map(|r| earlier(r.version, r.text.title, r.saved_by, r.saved_at)),
            );
            versions
        }
        ItemKind::Event => {
            let event = event_service::event_by_id(store.as_ref(), item.id).await?;
            let mut versions = vec![current(event.version, event.title, event.updated_at)];
            versions.extend(store.event_revisions(item.id).await?.into_iter().map(|r| {
                earlier(
                    r.event.version,
                    r.event.title,
                    r.saved_by,
                    r.event.updated_at,
                )
            }));
            versions
        }
    })
}

/// One version of an event: the current one or a revision.
async fn event_version(event: &Event, version: i64) -> Result<Event, AppError> {
    if version == event.version {
        return Ok(event.clone());
    }
    store()?
        .event_revisions(event.id)
        .await?
        .into_iter()
        .find(|revision| revision.event.version == version)
        .map(|revision| revision.event)
        .ok_or(AppError::NotFound)
}

/// How long one comparison may search for the smallest set of changes; past it, the changes
/// found so far are shown as larger runs, still correct, only less fine.
const DIFF_DEADLINE: std::time::Duration = std::time::Duration::from_secs(1);

/// Word-by-word changes from `older` to `newer`.
pub fn word_changes(older: &str, newer: &str) -> Vec<Change> {
    similar::TextDiff::configure()
        .deadline(std::time::Instant::now() + DIFF_DEADLINE)
        .diff_words(older, newer)
        .iter_all_changes()
        .fold(Vec::new(), |mut changes: Vec<Change>, change| {
            let text = change.value().to_string();
            let next = match change.tag() {
                similar::ChangeTag::Equal => Change::Same(text),
                similar::ChangeTag::Delete => Change::Removed(text),
                similar::ChangeTag::Insert => Change::Added(text),
            };
            // Runs of the same kind are merged, so the page has few elements.
            match (changes.last_mut(), &next) {
                (Some(Change::Same(run)), Change::Same(text))
                | (Some(Change::Removed(run)), Change::Removed(text))
                | (Some(Change::Added(run)), Change::Added(text)) => run.push_str(text),
                _ => changes.push(next),
            }
            changes
        })
}

/// The browser words each field's label (a message id) in the page's language; an event's
/// dates and status are worded in `lang`, the language of the page that asks.
pub async fn compare(
    item: ItemRef,
    older: i64,
    newer: i64,
    lang: Lang,
) -> Result<Comparison, AppError> {
    // (label, older text, newer text) for each field; bodies compared as plain text.
    let texts: Vec<(Message, String, String)> = match item.kind {
        ItemKind::Article => {
            let article = service::article_by_id(item.id).await?;
            let (a, b) = (
                service::version_fields(&article, older).await?,
                service::version_fields(&article, newer).await?,
            );
            vec![
                (Message::new("editor-field-title"), a.title, b.title),
                (Message::new("editor-field-lead"), a.lead, b.lead),
                (
                    Message::new("editor-field-body"),
                    plain_text(&a.body_html),
                    plain_text(&b.body_html),
                ),
                (Message::new("history-field-contacts"), a.contact, b.contact),
            ]
        }
        ItemKind::Event => {
            let store = store()?;
            let event = event_service::event_by_id(store.as_ref(), item.id).await?;
            let a = event_service::fields_of(&event_version(&event, older).await?);
            let b = event_service::fields_of(&event_version(&event, newer).await?);
            vec![
                (
                    Message::new("editor-field-name"),
                    a.title.clone(),
                    b.title.clone(),
                ),
                (
                    Message::new("editor-field-when"),
                    a.when_text(lang),
                    b.when_text(lang),
                ),
                (
                    Message::new("editor-field-location"),
                    a.location.clone(),
                    b.location.clone(),
                ),
                (
                    Message::new("editor-field-category"),
                    a.category.clone(),
                    b.category.clone(),
                ),
                (
                    Message::new("editor-field-summary"),
                    a.summary.clone(),
                    b.summary.clone(),
                ),
                (
                    Message::new("editor-field-description"),
                    plain_text(&a.body_html),
                    plain_text(&b.body_html),
                ),
                (
                    Message::new("editor-field-status"),
                    a.status_text(lang),
                    b.status_text(lang),
                ),
            ]
        }
    };
    // Diffs of long bodies take real CPU time: off the request threads, bounded.
    let fields = crate::cpu::run(move || {
        texts
            .into_iter()
            // The label travels as its message id.
            .map(|(label, a, b)| (label.id, word_changes(&a, &b)))
            .collect()
    })
    .await?;
    Ok(Comparison {
        older,
        newer,
        fields,
    })
}

pub async fn restore(
    editor: &User,
    item: ItemRef,
    version: i64,
    expected_version: i64,
) -> Result<Saved, AppError> {
    let action = format!("restored version {version}");
    // Restoring is not from the shared draft: a draft another editor saved stays theirs.
    match item.kind {
        ItemKind::Article => {
            let article = service::article_by_id(item.id).await?;
            let fields = service::version_fields(&article, version).await?;
            let published = service::publish_fields(
                editor,
                &article,
                &fields,
                expected_version,
                DraftRule::Keeps,
                &action,
            )
            .await?;
            Ok(saved(
                published.version,
                published.updated_at,
                published.body_html,
            ))
        }
        ItemKind::Event => {
            let store = store()?;
            let event = event_service::event_by_id(store.as_ref(), item.id).await?;
            let fields = event_service::fields_of(&event_version(&event, version).await?);
            let restored = event_service::new_event(&fields, event.recurrence.as_ref()).await?;
            let updated = store
                .update_event(
                    item.id,
                    expected_version,
                    &restored,
                    DraftRule::Keeps,
                    service::audit(editor, &action),
                )
                .await?;
            Ok(saved(
                updated.version,
                updated.updated_at,
                updated.body_html,
            ))
        }
    }
}

fn saved(version: i64, at: chrono::DateTime<chrono::Utc>, body_html: String) -> Saved {
    Saved {
        version,
        draft_version: 0,
        at: super::service::clock(at),
        body_html,
    }
}

#[cfg(test)]
mod tests {
    use super::{word_changes, Change};

    /// The older and newer text put back together from `changes`.
    fn both_sides(changes: &[Change]) -> (String, String) {
        changes.iter().fold(
            (String::new(), String::new()),
            |(mut older, mut newer), change| {
                match change {
                    Change::Same(text) => {
                        older.push_str(text);
                        newer.push_str(text);
                    }
                    Change::Removed(text) => older.push_str(text),
                    Change::Added(text) => newer.push_str(text),
                }
                (older, newer)
            },
        )
    }

    #[test]
    fn two_long_unlike_bodies_still_compare_to_both_texts() {
        // About 200 kB each, with words that repeat in different orders: the kind of input
        // that makes a smallest diff expensive, so the deadline may cut the search short.
        let words = [
            "cilvēku",
            "tirdzniecība",
            "atbalsts",
            "Rīga",
            "seminārs",
            "palīdzība",
        ];
        let text = |step: usize| -> String {
            (0..25_000)
                .map(|n| words[(n * step + n / 7) % words.len()])
                .collect::<Vec<_>>()
                .join(" ")
        };
        let (older, newer) = (text(1), text(5));
        let changes = word_changes(&older, &newer);
        assert_eq!(both_sides(&changes), (older, newer));
    }

    #[test]
    fn changes_are_runs_of_words() {
        assert_eq!(
            word_changes("Rīgā notiks seminārs", "Rīgā notiks konference"),
            vec![
                Change::Same("Rīgā notiks ".into()),
                Change::Removed("seminārs".into()),
                Change::Added("konference".into()),
            ]
        );
    }
}
