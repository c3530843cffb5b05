//! Every kind of editable item, listed once, each described in one file beside this one.
//!
//! A kind's file (`article.rs`, `event.rs`) is its whole descriptor: its fields, its
//! [`Editable`] (words, page, conflict parts, its lazily loaded editor) and, in
//! `<kind>/service.rs` beside it, its [`KindService`] (the tables it is stored in, its stored
//! draft shape, how its fields become a version). Its form is `editing/<kind>_editor.rs`.
//!
//! Each entry of the list at the end names a kind, its descriptor in the browser with the
//! fields it edits, its service on the server and the addresses of its three server
//! functions. Made from the list: the [`ItemKind`] enum, [`ItemKind::ALL`], the kind's server
//! functions (opening the item for its editor, saving the shared draft, its write) with the
//! [`KindEndpoints`] its editor calls them by, and every place that finds a kind's descriptor
//! from an `ItemKind` known only at run time: its words, page and editor (the desk, the
//! edit-in-place island, history), its service ([`for_kind`]: translations, compare, restore)
//! and its tables (`ItemTables::of`: storage's shared statements). A new kind is one more
//! entry, and the build checks that the entry's descriptors name the same kind.

pub(super) mod article;
pub(super) mod event;

use std::future::Future;

use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};

use super::{
    shell::{Editable, KindEndpoints},
    EditableItem, ItemSave, KindWords, Saved,
};
use crate::error::AppError;

/// Writes the enum and the lookups for the kinds listed (see the module's text).
macro_rules! item_kinds {
    ($(
        $(#[$doc:meta])*
        $kind:ident => $details:ident($fields:ty), $service:ty;
        open $open:ident $open_at:tt, draft $draft:ident $draft_at:tt, write $write:ident $write_at:tt;
    )+) => {
        /// A kind of editable item: the list in `editing/kinds/mod.rs`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        pub enum ItemKind {
            $($(#[$doc])* $kind,)+
        }

        impl ItemKind {
            /// Every kind, for what lists them all (the desk's drafts and trash).
            pub const ALL: [ItemKind; [$(stringify!($kind)),+].len()] = [$(ItemKind::$kind),+];

            /// The messages that name this kind in the editor (its descriptor's `WORDS`).
            pub const fn words(self) -> KindWords {
                match self {
                    $(ItemKind::$kind => <$details as Editable>::WORDS,)+
                }
            }

            /// The address of this kind's item at `slug` (its descriptor's `PAGE`).
            pub fn page(self, slug: &str) -> String {
                match self {
                    $(ItemKind::$kind => (<$details as Editable>::PAGE)(slug),)+
                }
            }

            /// This kind's editor on the item at `slug` (its descriptor's `editor_view`).
            pub async fn editor_view(self, slug: String, on_leave: Callback<()>) -> AnyView {
                match self {
                    $(ItemKind::$kind => <$details as Editable>::editor_view(slug, on_leave).await,)+
                }
            }
        }

        // Each line's descriptors are the kind's own: the browser's names the kind of its
        // line, the server's is for the same fields, details and drafts, and the tables are
        // the ones named after the kind.
        const _: () = {
            $(assert!(matches!(<$details as Editable>::KIND, ItemKind::$kind));)+
        };
        #[cfg(feature = "ssr")]
        const _: () = {
            const fn same_kind<K: KindService<Details = D>, D>() -> ItemKind {
                <K::Draft as super::stored_draft::StoredShape>::KIND
            }
            $(assert!(matches!(same_kind::<$service, $details>(), ItemKind::$kind));)+
            $(assert!(<$service as KindService>::TABLES.is_named(stringify!($kind)));)+
        };

        $(
            /// The item at `slug` with its shared draft, for a signed-in editor.
            #[server(input = Json, endpoint = $open_at)]
            pub async fn $open(slug: String) -> Result<EditableItem<$fields, $details>, AppError> {
                crate::auth::session::require_editor().await?;
                super::kind_service::editable::<$service>(&slug).await
            }

            /// Saves the shared draft; readers still see the item as it was.
            #[server(input = Json, endpoint = $draft_at)]
            pub async fn $draft(save: ItemSave<$fields>) -> Result<Saved<$fields>, AppError> {
                let editor = crate::auth::session::require_editor().await?;
                super::kind_service::save_draft::<$service>(&editor, save).await
            }

            /// Writes the editor's fields over the item (the kind's write: an article is
            /// published, an event published or not as its form says), keeping the version
            /// they replace, and settles the draft they came from.
            #[server(input = Json, endpoint = $write_at)]
            pub async fn $write(save: ItemSave<$fields>) -> Result<Saved<$fields>, AppError> {
                let editor = crate::auth::session::require_editor().await?;
                super::kind_service::publish::<$service>(&editor, save).await
            }

            impl KindEndpoints for $details {
                type Fields = $fields;

                fn fetch(
                    slug: String,
                ) -> impl Future<Output = Result<EditableItem<$fields, $details>, AppError>>
                       + Send
                       + 'static {
                    $open(slug)
                }

                fn save_shared_draft(
                    save: ItemSave<$fields>,
                ) -> impl Future<Output = Result<Saved<$fields>, AppError>> + 'static {
                    $draft(save)
                }

                fn write(
                    save: ItemSave<$fields>,
                ) -> impl Future<Output = Result<Saved<$fields>, AppError>> + 'static {
                    $write(save)
                }
            }
        )+

        /// Runs `task` with the service of `kind`.
        #[cfg(feature = "ssr")]
        pub(super) async fn for_kind<T: KindTask>(kind: ItemKind, task: T) -> T::Output {
            match kind {
                $(ItemKind::$kind => task.run::<$service>().await,)+
            }
        }

        #[cfg(feature = "ssr")]
        impl ItemTables {
            /// The tables of `kind`.
            pub(crate) fn of(kind: ItemKind) -> &'static ItemTables {
                match kind {
                    $(ItemKind::$kind => <$service as KindService>::TABLES,)+
                }
            }
        }
    };
}

#[cfg(feature = "ssr")]
use self::{article::service::ArticleKind, event::service::EventKind};
#[cfg(feature = "ssr")]
use super::kind_service::{KindService, KindTask};
use super::{
    event_fields::{EventDetails, EventFields},
    ArticleDetails, ArticleFields,
};
#[cfg(feature = "ssr")]
use crate::storage::ItemTables;

item_kinds! {
    /// News articles (`/news/{slug}`).
    Article => ArticleDetails(ArticleFields), ArticleKind;
        open get_editable_article "editing/get_editable_article",
        draft save_draft "editing/save_draft",
        write publish_article "editing/publish_article";
    /// Calendar events (`/events/{slug}`).
    Event => EventDetails(EventFields), EventKind;
        open get_editable_event "editing/get_editable_event",
        draft save_event_draft "editing/save_event_draft",
        write save_event "editing/save_event";
}
