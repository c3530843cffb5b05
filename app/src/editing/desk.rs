//! The editors' desk (`/editor`): unpublished articles, the trash with a way back, and for
//! admins the audit log (`/editor/audit`). Also the news list's "new article" button.

use leptos::{prelude::*, task::spawn_local};

use super::{create_article, get_audit_log, get_desk, restore_item, AuditLog, Desk, ItemRef};
use crate::{
    auth::{use_viewer, Role},
    components::{announce_on_arrival, requested_page, ErrorPage, PageMeta, Pager},
    i18n::{tr, tr_with, Arg, Lang},
};

/// "+ Jauns raksts" for a signed-in editor (nothing for readers).
#[component]
pub fn NewArticleButton() -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let viewer = use_viewer();
    let button = move || {
        viewer.get().map(move |_| {
            view! {
                <p class="editor-actions">
                    <NewArticleAction lang/>
                    " "
                    <a href=lang.href("/editor")>{tr(lang, "desk-heading")}</a>
                </p>
            }
        })
    };
    // Inside Suspense, so the server knows who is signed in before rendering it.
    view! { <Suspense fallback=|| ()>{button}</Suspense> }
}

/// The button itself, an island: creates a draft and opens it for editing.
// Lazy: its code is a chunk of its own, fetched only on pages rendered for an editor.
#[cfg_attr(feature = "editors", island(lazy))]
#[cfg_attr(not(feature = "editors"), component)]
fn NewArticleAction(lang: Lang) -> impl IntoView {
    let failure = RwSignal::new(None::<String>);
    let create = move |_| {
        spawn_local(async move {
            match create_article().await {
                Ok(slug) => crate::components::go_to(&lang.href(&crate::paths::article(&slug))),
                Err(error) => failure.set(Some(error.describe(lang))),
            }
        });
    };
    view! {
        <button type="button" class="button button--primary" on:click=create>
            {tr(lang, "desk-new-article")}
        </button>
        <span role="alert">{move || failure.get()}</span>
    }
}

/// Where an editor goes after moving an item to the trash: the desk, which says so and
/// offers it back.
pub const AFTER_TRASHING: &str = "/editor?trashed";

#[component]
pub fn EditorDesk() -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let desk = Resource::new(|| (), |_| get_desk());
    let trashed = leptos_router::hooks::use_query_map()
        .with_untracked(|query| query.get("trashed").is_some());
    let viewer = use_viewer();
    view! {
        <PageMeta title=tr(lang, "desk-heading") description=tr(lang, "desk-description") path="/editor" noindex=true/>
        <section class="desk" aria-labelledby="desk-heading">
            <h1 id="desk-heading">{tr(lang, "desk-heading")}</h1>
            <Suspense fallback=|| ()>
                {move || viewer.get().filter(|user| user.role == Role::Admin).map(|_| view! {
                    <p><a href=lang.href("/editor/audit")>{tr(lang, "desk-audit-log")}</a></p>
                })}
            </Suspense>
            <Transition fallback=move || view! { <p class="loading">{tr(lang, "loading")}</p> }>
                {move || Suspend::new(async move {
                    match desk.await {
                        Ok(desk) => view! { <DeskLists desk lang trashed/> }.into_any(),
                        Err(error) => view! { <ErrorPage error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// An island: restoring from the trash happens here. A restored item comes back unpublished,
/// so both lists are read again and focus moves to its link among the unpublished items.
// Lazy: its code is a chunk of its own, fetched only on pages rendered for an editor.
#[cfg_attr(feature = "editors", island(lazy))]
#[cfg_attr(not(feature = "editors"), component)]
fn DeskLists(
    desk: Desk,
    lang: Lang,
    /// The editor comes from moving an item to the trash.
    trashed: bool,
) -> impl IntoView {
    let message = RwSignal::new(trashed.then(|| tr(lang, "desk-trashed")));
    if trashed {
        // Shown in the server's HTML, and said again once the page is interactive: a live
        // region is heard only when it changes.
        Effect::new(move |_| {
            message.set(None);
            announce_on_arrival(message, Some(tr(lang, "desk-trashed")));
        });
    }
    let desk = RwSignal::new(desk);
    let restore = move |item: ItemRef| {
        spawn_local(async move {
            if let Err(error) = restore_item(item).await {
                message.set(Some(error.describe(lang)));
                return;
            }
            message.set(Some(tr(lang, "desk-restored")));
            // Restored: the lists are read again (should that fail, a reload shows them).
            match get_desk().await {
                Ok(now) => {
                    desk.set(now);
                    // The clicked button is gone with its line: focus goes to the item, once
                    // the lists are drawn anew.
                    request_animation_frame(move || {
                        let link = document().get_element_by_id(&draft_link_id(item));
                        if let Some(link) = link.and_then(|link| {
                            wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(link).ok()
                        }) {
                            let _ = link.focus();
                        }
                    });
                }
                Err(_) => desk.update(|desk| desk.trash.retain(|trashed| trashed.item != item)),
            }
        });
    };
    // Items are named by their Latvian titles (`lang="lv"`) on every language's desk.
    let drafts = move || {
        let drafts = desk.with(|desk| desk.drafts.clone());
        if drafts.is_empty() {
            return view! { <p>{tr(lang, "desk-no-drafts")}</p> }.into_any();
        }
        view! {
            <ul class="desk__list">
                {drafts.into_iter().map(|draft| {
                    let kind = tr(lang, draft.item.kind.words().in_trash);
                    let href = lang.href(&draft.item.kind.page(&draft.slug));
                    view! {
                        <li>
                            {format!("{kind}: ")}
                            <a id=draft_link_id(draft.item) href=href lang="lv">{draft.title}</a>
                            " · "{draft.when}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let trash = move || {
        let trash = desk.with(|desk| desk.trash.clone());
        if trash.is_empty() {
            return view! { <p>{tr(lang, "desk-trash-empty")}</p> }.into_any();
        }
        view! {
            <ul class="desk__list">
                {trash.into_iter().map(|item| {
                    let (found, kind) = (item.item, tr(lang, item.item.kind.words().in_trash));
                    let deleted = tr_with(lang, "desk-deleted-at", &[("when", Arg::Text(&item.when))]);
                    let restore_label = tr_with(lang, "desk-restore", &[("title", Arg::Text(&item.title))]);
                    view! {
                        <li>
                            {format!("{kind}: ")}<span lang="lv">{item.title.clone()}</span>" · "{deleted}" "
                            <button type="button" class="button button--quiet" on:click=move |_| restore(found)>
                                {restore_label}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <p role="status">{move || message.get()}</p>
        <h2>{tr(lang, "desk-drafts")}</h2>
        {drafts}
        <h2>{tr(lang, "desk-trash")}</h2>
        {trash}
    }
}

/// The id of an unpublished item's link on the desk.
fn draft_link_id(item: ItemRef) -> String {
    format!("desk-draft-{:?}-{}", item.kind, item.id).to_lowercase()
}

/// An audit log action in `lang`. The log stores actions as stable English keys ("published",
/// "moved to 2020-08-29", "translated into en"); a key this version does not know is shown
/// as stored.
fn action_text(lang: Lang, action: &str) -> String {
    if let Some(day) = action.strip_prefix("moved to ") {
        let day = day.parse().map_or_else(
            |_| day.to_string(),
            |date| crate::locale::long_date_moved_to(lang, date),
        );
        return tr_with(lang, "audit-moved", &[("day", Arg::Text(&day))]);
    }
    if let Some(code) = action.strip_prefix("translated into ") {
        return tr_with(lang, "audit-translated", &[("code", Arg::Text(code))]);
    }
    if let Some(version) = action.strip_prefix("restored version ") {
        return tr_with(
            lang,
            "audit-restored-version",
            &[("version", Arg::Text(version))],
        );
    }
    match action {
        "created" => tr(lang, "audit-created"),
        "changed" => tr(lang, "audit-changed"),
        "published" => tr(lang, "audit-published"),
        "changed settings" => tr(lang, "audit-changed-settings"),
        "shown" => tr(lang, "audit-shown"),
        "hidden" => tr(lang, "audit-hidden"),
        "changed address" => tr(lang, "audit-changed-address"),
        "deleted" => tr(lang, "audit-deleted"),
        "restored" => tr(lang, "audit-restored"),
        other => other.to_string(),
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let query = leptos_router::hooks::use_query_map();
    // `?page=N`, from 1; without it the first page, and anything else no page at all.
    let page = Memo::new(move |_| requested_page(query.with(|query| query.get("page"))));
    // `&upto=ID`: the line the listing started at, which its page links carry.
    let upto = Memo::new(move |_| query.with(|query| query.get("upto")?.parse::<i64>().ok()));
    let log = Resource::new(
        move || (page.get(), upto.get()),
        |(page, upto)| async move { get_audit_log(page?, upto).await },
    );
    view! {
        <PageMeta title=tr(lang, "desk-audit-log") description=tr(lang, "desk-audit-description") path="/editor/audit" noindex=true/>
        <section class="audit" aria-labelledby="audit-heading">
            <h1 id="audit-heading">{tr(lang, "desk-audit-log")}</h1>
            <Suspense fallback=move || view! { <p class="loading">{tr(lang, "loading")}</p> }>
                {move || Suspend::new(async move {
                    match log.await {
                        Ok(AuditLog { lines, older, upto }) => {
                            let page = page.get_untracked().unwrap_or(1);
                            let link = move |page: u32| {
                                let upto = upto.map(|id| format!("&upto={id}")).unwrap_or_default();
                                lang.href(&format!("/editor/audit?page={page}{upto}"))
                            };
                            if lines.is_empty() {
                                return view! { <p>{tr(lang, "desk-audit-empty")}</p> }.into_any();
                            }
                            view! {
                            <table class="audit__table">
                                <caption class="visually-hidden">{tr(lang, "desk-audit-latest")}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{tr(lang, "editor-time")}</th>
                                        <th scope="col">{tr(lang, "desk-audit-who")}</th>
                                        <th scope="col">{tr(lang, "desk-audit-action")}</th>
                                        <th scope="col">{tr(lang, "desk-audit-item")}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {lines.into_iter().map(|line| view! {
                                        <tr><td>{line.at}</td><td>{line.actor}</td><td>{action_text(lang, &line.action)}</td><td lang="lv">{line.item}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                            <Pager
                                page
                                has_next=older
                                position=tr_with(lang, "desk-audit-page", &[("page", Arg::Number(page.into()))])
                                link=Callback::new(link)
                                words=["pager-previous", "pager-next"]
                            />
                        }.into_any()
                        }
                        Err(error) => view! { <ErrorPage error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_actions_are_worded_in_the_readers_language() {
        for (lang, action, worded) in [
            (Lang::Lv, "published", "publicēja"),
            (
                Lang::Lv,
                "moved to 2020-08-29",
                "pārcēla uz 2020. gada 29. augustu",
            ),
            (
                Lang::Ru,
                "moved to 2020-08-29",
                "перенёс(ла) на 29 августа 2020 г.",
            ),
            (Lang::Ru, "translated into en", "перевёл(а) на английский"),
            (Lang::En, "translated into ru", "translated into Russian"),
            (Lang::Lv, "restored version 3", "atjaunoja 3. versiju"),
            (Lang::Lv, "changed address", "mainīja adresi"),
            (Lang::Lv, "hidden", "paslēpa no lasītājiem"),
            (Lang::En, "shown", "showed to readers"),
            (Lang::En, "something new", "something new"),
        ] {
            assert_eq!(action_text(lang, action), worded, "{lang:?} {action}");
        }
    }
}
