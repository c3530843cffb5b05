//! Every kind of editable item, listed once.
//!
//! Each line of the list at the end names a kind, the descriptor its editor uses in the browser
//! ([`Editable`]), its editing service on the server ([`KindService`]) and its tables
//! ([`ItemTables`]). Made from the list: the [`ItemKind`] enum, [`ItemKind::ALL`], and every
//! place that finds a kind's descriptor from an `ItemKind` known only at run time: its words,
//! page and editor (the desk, the edit-in-place island, history), its service ([`for_kind`]:
//! translations, compare, restore) and its tables (`ItemTables::of`: storage's shared
//! statements). A new kind is one more line, and the build checks that the line's descriptors
//! name the same kind.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{shell::Editable, KindWords};

/// Writes the enum and the lookups for the kinds listed (see the module's text).
macro_rules! item_kinds {
    ($(
        $(#[$doc:meta])*
        $kind:ident => $details:ty, $service:ty, $tables:expr;
    )+) => {
        /// A kind of editable item: the list in `editing/kinds.rs`.
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
            $(assert!($tables.is_named(stringify!($kind)));)+
        };

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
                    $(ItemKind::$kind => &$tables,)+
                }
            }
        }
    };
}

#[cfg(feature = "ssr")]
use super::{
    article_service::ArticleKind,
    event_service::EventKind,
    kind_service::{KindService, KindTask},
};
use super::{event_fields::EventDetails, ArticleDetails};
#[cfg(feature = "ssr")]
use crate::storage::ItemTables;

item_kinds! {
    /// News articles (`/news/{slug}`).
    Article => ArticleDetails, ArticleKind, ItemTables::ARTICLES;
    /// Calendar events (`/events/{slug}`).
    Event => EventDetails, EventKind, ItemTables::EVENTS;
}
