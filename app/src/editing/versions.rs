//! The history of articles and events: every version with who saved it and when, any two
//! compared word by word, and any earlier one made current again as a new version.

use super::{
    kind_service::{self, KindService, KindTask},
    kinds::for_kind,
    service::{stamp, told_if_trashed},
    Change, Comparison, ItemRef, RevisionInfo, Saved,
};
use crate::{
    error::AppError,
    i18n::{Lang, Message},
    state::store,
    storage::{ItemAt, User},
};

/// Every version of an article or an event, newest first, the current one marked.
pub async fn history(item: ItemRef) -> Result<Vec<RevisionInfo>, AppError> {
    let versions = store()?
        .versions(item.kind, item.id)
        .await
        .map_err(AppError::from);
    let versions = told_if_trashed(item.kind, ItemAt::Id(item.id), versions).await?;
    Ok(versions
        .into_iter()
        .map(|kept| RevisionInfo {
            version: kept.version,
            title: kept.title,
            current: kept.current,
            saved_by: kept.saved_by,
            saved_at: stamp(kept.saved_at),
        })
        .collect())
}

/// How long one comparison may search for the smallest set of changes; past it, the changes
/// found so far are shown as larger runs, still correct, only less fine.
const DIFF_DEADLINE: std::time::Duration = std::time::Duration::from_secs(1);

/// Word-by-word changes from `older` to `newer`, a replaced run of words read as one
/// removal and one insertion ([`replaced_runs`]).
pub fn word_changes(older: &str, newer: &str) -> Vec<Change> {
    let changes = similar::TextDiff::configure()
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
        });
    replaced_runs(changes)
}

/// The space between two changed words belongs to both texts: "<del>a</del><ins>x</ins>
/// <del>b</del><ins>y</ins>", which reads "ax by", becomes "<del>a b</del><ins>x y</ins>".
fn replaced_runs(changes: Vec<Change>) -> Vec<Change> {
    let mut runs = Vec::with_capacity(changes.len());
    let (mut removed, mut added) = (String::new(), String::new());
    let mut changes = changes.into_iter().peekable();
    while let Some(change) = changes.next() {
        match change {
            Change::Removed(text) => removed.push_str(&text),
            Change::Added(text) => added.push_str(&text),
            Change::Same(space)
                if space.trim().is_empty()
                    && !(removed.is_empty() && added.is_empty())
                    && matches!(changes.peek(), Some(Change::Removed(_) | Change::Added(_))) =>
            {
                removed.push_str(&space);
                added.push_str(&space);
            }
            Change::Same(text) => {
                end_run(&mut runs, &mut removed, &mut added);
                runs.push(Change::Same(text));
            }
        }
    }
    end_run(&mut runs, &mut removed, &mut added);
    runs
}

/// Ends a run of changes: its removal, then its insertion.
fn end_run(runs: &mut Vec<Change>, removed: &mut String, added: &mut String) {
    if !removed.is_empty() {
        runs.push(Change::Removed(std::mem::take(removed)));
    }
    if !added.is_empty() {
        runs.push(Change::Added(std::mem::take(added)));
    }
}

/// The browser words each field's label (a message id) in the page's language; an event's
/// dates and status are worded in `lang`, the language of the page that asks.
pub async fn compare(
    item: ItemRef,
    older: i64,
    newer: i64,
    lang: Lang,
) -> Result<Comparison, AppError> {
    let texts = for_kind(
        item.kind,
        Compare {
            id: item.id,
            older,
            newer,
            lang,
        },
    )
    .await?;
    // Diffs of long bodies take real CPU time: off the request threads, bounded.
    let fields = crate::cpu::run(move || {
        texts
            .into_iter()
            // A field empty in both versions (an event without a summary) has nothing to show.
            .filter(|(_, a, b)| !(a.trim().is_empty() && b.trim().is_empty()))
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

/// The texts of two versions of an item, field by field.
struct Compare {
    id: i64,
    older: i64,
    newer: i64,
    lang: Lang,
}

impl KindTask for Compare {
    type Output = Result<Vec<(Message, String, String)>, AppError>;
    async fn run<K: KindService>(self) -> Self::Output {
        kind_service::compared::<K>(self.id, self.older, self.newer, self.lang).await
    }
}

/// Makes an earlier version current again (as a new version; nothing is lost).
pub async fn restore(
    editor: &User,
    item: ItemRef,
    version: i64,
    expected_version: i64,
) -> Result<Saved, AppError> {
    let restore = Restore {
        editor,
        id: item.id,
        version,
        expected_version,
    };
    for_kind(item.kind, restore).await
}

struct Restore<'a> {
    editor: &'a User,
    id: i64,
    version: i64,
    expected_version: i64,
}

impl KindTask for Restore<'_> {
    type Output = Result<Saved, AppError>;
    async fn run<K: KindService>(self) -> Self::Output {
        let Restore {
            editor,
            id,
            version,
            expected_version,
        } = self;
        kind_service::restore::<K>(editor, id, version, expected_version).await
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

    #[test]
    fn a_replaced_run_of_words_is_one_removal_and_one_insertion() {
        let (older, newer) = (
            "Plāns jauno cilvēku aizsardzībai",
            "Plāns rīcības plānu (labots) aizsardzībai",
        );
        let changes = word_changes(older, newer);
        assert_eq!(
            changes,
            vec![
                Change::Same("Plāns ".into()),
                Change::Removed("jauno cilvēku".into()),
                Change::Added("rīcības plānu (labots)".into()),
                Change::Same(" aizsardzībai".into()),
            ]
        );
        assert_eq!(both_sides(&changes), (older.into(), newer.into()));
    }

    #[test]
    fn a_bodys_changes_keep_its_paragraphs() {
        let text = crate::search::text::text_by_block;
        let older = text("<p>Seminārs Rīgā.</p><p>Pieteikšanās līdz piektdienai.</p>");
        let newer =
            text("<p>Seminārs Rīgā.</p><p>Telpa 12.</p><p>Pieteikšanās līdz piektdienai.</p>");
        assert_eq!(
            word_changes(&older, &newer),
            vec![
                Change::Same("Seminārs Rīgā.\n".into()),
                Change::Added("Telpa 12.\n".into()),
                Change::Same("Pieteikšanās līdz piektdienai.".into()),
            ]
        );
    }
}
