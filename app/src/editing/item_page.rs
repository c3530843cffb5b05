//! An article's or event's page, as readers see it or as a signed-in editor does: the same
//! page with its editor in place (`EditInPlace`), the editor alone for an item readers cannot
//! see (not published yet, or hidden), and for an item that moved a redirect to where it is now (readers get theirs from
//! the server's 404 path, which only looks for what they may see).

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use super::{find_unpublished, EditInPlace, ItemKind, ReadersSee, TranslationStart, Unpublished};
use crate::{auth::editor_signed_in, components::ErrorPage, error::AppError, i18n::Lang};

/// What an item's page found, and for whom.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum PageItem<T> {
    Read(Result<T, AppError>),
    Edited(Result<EditorFinds<T>, AppError>),
}

/// What a signed-in editor finds at an item's address.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum EditorFinds<T> {
    /// The page readers see, to edit or translate in place.
    Shown(T),
    /// An item readers cannot see, with its title and whether they saw it before: its
    /// editor opens at once.
    Unpublished { title: String, readers: ReadersSee },
    /// The item is elsewhere now; the page answers a redirect there.
    Moved,
}

/// What the page of the item of `kind` at `slug` shows, `found` being what readers find
/// there.
pub async fn page_item<T>(
    kind: ItemKind,
    slug: String,
    lang: Lang,
    found: Result<T, AppError>,
) -> PageItem<T> {
    if !editor_signed_in().await {
        return PageItem::Read(found);
    }
    PageItem::Edited(match found {
        Err(AppError::NotFound) => match find_unpublished(kind, slug).await {
            Ok(Unpublished::Here { title, readers }) => {
                Ok(EditorFinds::Unpublished { title, readers })
            }
            Ok(Unpublished::MovedTo(now)) => {
                crate::components::redirect_to(&lang.href(&kind.page(&now)));
                Ok(EditorFinds::Moved)
            }
            Err(error) => Err(error),
        },
        found => found.map(EditorFinds::Shown),
    })
}

/// The page of `found`: `page` shows the item as readers see it; for an editor,
/// `translation_start` is the text it shows, for a translation to start from.
pub fn item_page_view<T>(
    kind: ItemKind,
    slug: String,
    found: PageItem<T>,
    translation_start: impl FnOnce(&T) -> TranslationStart,
    page: impl FnOnce(T) -> AnyView,
) -> AnyView {
    let lang = crate::i18n::current_lang();
    match found {
        PageItem::Read(Ok(item)) => page(item),
        PageItem::Read(Err(error)) | PageItem::Edited(Err(error)) => {
            view! { <ErrorPage error/> }.into_any()
        }
        PageItem::Edited(Ok(EditorFinds::Moved)) => ().into_any(),
        // Readers see nothing there; the editor's page still has the item's title (its
        // draft's, while it is unpublished), as its heading while the editor is closed and
        // in the browser's tab.
        PageItem::Edited(Ok(EditorFinds::Unpublished { title, readers })) => view! {
            <Title text=title.clone()/>
            <EditInPlace kind slug unpublished=Some(readers) shown=None lang>
                // Its title, in Latvian, whatever the page's language.
                <h1 lang="lv">{title}</h1>
            </EditInPlace>
        }
        .into_any(),
        PageItem::Edited(Ok(EditorFinds::Shown(item))) => {
            let shown = Some(translation_start(&item));
            let page = page(item);
            view! {
                <EditInPlace kind slug unpublished=None shown lang>{page}</EditInPlace>
            }
            .into_any()
        }
    }
}
