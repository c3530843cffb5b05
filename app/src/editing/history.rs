//! An article's or event's history: every version with who saved it and when, any two of
//! them compared word by word, and any earlier one made current again.

use leptos::{prelude::*, task::spawn_local};

use super::{
    autosave::Autosave, compare_versions, get_history, restore_version, Change, Comparison,
    ItemRef, RevisionInfo,
};
use crate::{
    components::announce_after_reload,
    error::AppError,
    i18n::{tr, tr_with, Arg, Lang},
};

/// The number the history shows for the stored version `version`, of the versions listed
/// newest first: its place from the oldest. Stored numbers skip what changed only beside the
/// text (settings, address, trash), which keep no version of it; editors count texts.
fn shown_number(newest_first: &[i64], version: i64) -> i64 {
    newest_first
        .iter()
        .position(|&listed| listed == version)
        .map_or(version, |place| (newest_first.len() - place) as i64)
}

/// "3. versija", as the list and the comparison's choices name a version.
fn version_name(lang: Lang, version: i64) -> String {
    tr_with(
        lang,
        "history-version",
        &[("version", Arg::Number(version))],
    )
}

#[component]
pub fn History(
    item: ItemRef,
    base_version: RwSignal<i64>,
    /// The editor's autosave: a restore loads the page again, so unsaved typing would go.
    autosave: Autosave,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let open = RwSignal::new(false);
    let versions = Resource::new(
        move || (open.get(), base_version.get()),
        move |(open, _)| async move {
            if open {
                get_history(item).await.map(Some)
            } else {
                Ok(None)
            }
        },
    );
    // What the last comparison or restore said; it outlives a list fetched again.
    let message = RwSignal::new(None::<String>);
    let behind = Callback::new(move |()| versions.refetch());
    view! {
        <section class="history" aria-labelledby="history-heading">
            <h2 id="history-heading">
                <button
                    type="button"
                    class="history__toggle"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    on:click=move |_| open.update(|open| *open = !*open)
                >
                    {tr(lang, "history-heading")}
                </button>
            </h2>
            <Transition fallback=move || view! { <p class="loading">{tr(lang, "history-loading")}</p> }>
                {move || Suspend::new(async move {
                    match versions.await {
                        Ok(Some(list)) => view! { <VersionList item list autosave message behind/> }.into_any(),
                        Ok(None) => ().into_any(),
                        Err(error) => view! { <p class="form-error" role="alert">{error.describe(lang)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <p role="status">{move || message.get()}</p>
        </section>
    }
}

#[component]
fn VersionList(
    item: ItemRef,
    list: Vec<RevisionInfo>,
    autosave: Autosave,
    message: RwSignal<Option<String>>,
    /// Fetches the list again: it was behind the item.
    behind: Callback<()>,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let newest = list.first().map_or(0, |v| v.version);
    let oldest = list.last().map_or(0, |v| v.version);
    let older = RwSignal::new(oldest);
    let newer = RwSignal::new(newest);
    let comparison = RwSignal::new(None::<Comparison>);
    let compare = move |_| {
        let (a, b) = (older.get_untracked(), newer.get_untracked());
        spawn_local(async move {
            // In the order chosen: from 5 to 1 shows what going back to 1 would change.
            match compare_versions(item, a, b, Some(lang)).await {
                Ok(found) => comparison.set(Some(found)),
                Err(error) => message.set(Some(error.describe(lang))),
            }
        });
    };
    let numbers: Vec<i64> = list.iter().map(|v| v.version).collect();
    let count = numbers.len() as i64;
    let shown = {
        let numbers = StoredValue::new(numbers.clone());
        move |version| numbers.with_value(|numbers| shown_number(numbers, version))
    };
    let restore = move |version: i64| {
        let mut question = tr_with(
            lang,
            "history-restore-question",
            &[("version", Arg::Number(shown(version)))],
        );
        // The page loads again with the restored text: typing not saved yet goes, and the
        // one question says so (the browser's own on unloading would ask a second time).
        let unsaved = autosave.state.get_untracked().unsaved();
        if unsaved {
            question = format!("{question} {}", tr(lang, "history-restore-unsaved"));
        }
        // Asked like a deletion: a restore changes what readers see at once.
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        // A draft save now would race the restore (kept by it, or refused by it).
        autosave.cancel();
        spawn_local(async move {
            // From the newest version this list shows, so that the numbers it names hold: a
            // list behind the item (it is fetched again after each write) is refused.
            match restore_version(item, version, newest).await {
                Ok(saved) => {
                    // Checked against the newest listed, it is the next one.
                    let versions = [
                        ("version", Arg::Number(shown(version))),
                        ("new", Arg::Number(count + 1)),
                    ];
                    message.set(Some(tr_with(lang, "history-restored", &versions)));
                    // The editor's fields must show the restored text: load the page again,
                    // at the address the restore left the item at (that of an item readers
                    // never saw follows its title).
                    let location = window().location();
                    let restored = tr_with(lang, "history-restored-now", &versions);
                    // The editor agreed to the restore, and to what it said of the typing.
                    super::autosave::agreed_to_leave();
                    let _ = match saved.slug {
                        Some(slug) => {
                            let page = lang.href(&item.kind.page(&slug));
                            announce_after_reload(&page, &restored);
                            location.replace(&page)
                        }
                        None => {
                            announce_after_reload(
                                &location.pathname().unwrap_or_default(),
                                &restored,
                            );
                            location.reload()
                        }
                    };
                }
                Err(error) => {
                    if matches!(error, AppError::Conflict { .. }) {
                        behind.run(());
                    }
                    message.set(Some(error.describe(lang)));
                }
            }
        });
    };
    let select = move |label: String, id: &'static str, value: RwSignal<i64>| {
        let options = numbers
            .iter()
            .copied()
            .map(|v| view! { <option value=v.to_string() selected=v == value.get_untracked()>{version_name(lang, shown(v))}</option> })
            .collect_view();
        view! {
            <label for=id>{label}</label>
            <select id=id on:change=move |event| {
                if let Ok(version) = event_target_value(&event).parse() {
                    value.set(version);
                }
            }>{options}</select>
        }
    };
    view! {
        // Newest first, each named by its number: a list without numbers of its own.
        <ul class="history__list">
            {list
                .iter()
                .map(|version| {
                    let number = version.version;
                    let who = if version.saved_by.is_empty() {
                        // Versions from before editing existed (imports, demo content).
                        tr(lang, "history-original")
                    } else {
                        version.saved_by.clone()
                    };
                    let current = if version.current {
                        format!(" · {}", tr(lang, "history-current"))
                    } else {
                        String::new()
                    };
                    view! {
                        <li>
                            <strong>{version_name(lang, shown(number))}</strong>
                            {format!(" · {} · {} · {}{current}", version.saved_at, who, version.title)}
                            {(!version.current).then(|| view! {
                                " "
                                <button type="button" class="button button--quiet" on:click=move |_| restore(number)>
                                    {tr_with(lang, "history-restore", &[("version", Arg::Number(shown(number)))])}
                                </button>
                            })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <div class="history__compare">
            {select(tr(lang, "history-compare-from"), "compare-older", older)}
            {select(tr(lang, "history-compare-to"), "compare-newer", newer)}
            <button type="button" class="button" on:click=compare>{tr(lang, "history-compare")}</button>
        </div>
        {move || comparison.get().map(|found| {
            let versions = [
                ("older", Arg::Number(shown(found.older))),
                ("newer", Arg::Number(shown(found.newer))),
            ];
            let label = tr_with(lang, "history-differences", &versions);
            view! { <ComparisonView found label/> }
        })}
    }
}

/// The differences `found` between two versions, named `label` (which versions they are).
#[component]
pub(super) fn ComparisonView(found: Comparison, label: String) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    view! {
        <div class="comparison" role="group" aria-label=label>
            {found
                .fields
                .into_iter()
                // Each field's label comes as its message id.
                .map(|(label, changes)| view! {
                    <h3>{tr(lang, &label)}</h3>
                    <p class="comparison__text">
                        {changes
                            .into_iter()
                            .map(|change| match change {
                                Change::Same(text) => view! { <span>{text}</span> }.into_any(),
                                Change::Removed(text) => view! { <del>{text}</del> }.into_any(),
                                Change::Added(text) => view! { <ins>{text}</ins> }.into_any(),
                            })
                            .collect_view()}
                    </p>
                })
                .collect_view()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::shown_number;

    #[test]
    fn versions_are_numbered_by_their_place_without_gaps() {
        // Stored 6 (now), 5 and 1: settings saves took 2 to 4 and kept no text.
        let listed = [6, 5, 1];
        let shown: Vec<i64> = listed.iter().map(|&v| shown_number(&listed, v)).collect();
        assert_eq!(shown, [3, 2, 1]);
        // One not listed (gone meanwhile) keeps its stored number.
        assert_eq!(shown_number(&listed, 4), 4);
    }
}
