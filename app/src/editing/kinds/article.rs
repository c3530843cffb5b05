//! Articles as a kind of editable item: what the editing core asks of a kind, in one place.
//! Here, the browser's half (its words, page, editor and conflict parts); in `service.rs`
//! beside it, the server's (its stored draft and how its fields become a published version).
//! The form is `article_editor.rs`, the storage `storage/articles.rs`.

use std::future::Future;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::super::{
    article_editor::ArticleEditor,
    conflict::{text_part, Part},
    shell::Editable,
    EditableItem, ItemKind, KindWords, ReadersSee,
};

#[cfg(feature = "ssr")]
pub(in crate::editing) mod service;

/// The fields of an article an editor changes in place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleFields {
    pub title: String,
    pub lead: String,
    /// HTML from the editor; sanitised on the server before it is stored.
    pub body_html: String,
    pub contact: String,
}

/// What only an article's editor needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDetails {
    pub readers: ReadersSee,
    /// The category's slug, or empty.
    pub category: String,
}

/// An article opened for editing.
pub type EditableArticle = EditableItem<ArticleFields, ArticleDetails>;

/// Articles, as their editor in the browser knows them.
impl Editable for ArticleDetails {
    const KIND: ItemKind = ItemKind::Article;
    const CONFLICT_HEADING: &'static str = "conflict-article-heading";
    const DELETE_QUESTION: &'static str = "editor-article-delete-question";
    const PAGE: fn(&str) -> String = crate::paths::article;
    const NEW_TITLE: &'static str = "Jauns raksts";
    const WORDS: KindWords = KindWords {
        edit: "editor-edit-article",
        unpublished: "article-unpublished",
        hidden: "article-hidden",
        in_trash: "desk-article",
        translated: [
            "editor-field-title",
            "editor-field-lead",
            "editor-field-contact",
        ],
    };

    fn editor_view(slug: String, on_leave: Callback<()>) -> impl Future<Output = AnyView> {
        article_editor_view(slug, on_leave)
    }
    fn body_mut(fields: &mut ArticleFields) -> &mut String {
        &mut fields.body_html
    }
    fn write_would_undo(known: &Self, now: &Self) -> bool {
        known.readers.published && !now.readers.published
    }

    /// The parts of an article.
    fn parts() -> Vec<Part<ArticleFields>> {
        vec![
            text_part!("title", title, "editor-field-title", " / "),
            text_part!("lead", lead, "editor-field-lead", "\n\n"),
            text_part!("body", body_html, "editor-field-body", "", html = true),
            // One line in the editor: both versions stay on it.
            text_part!("contact", contact, "editor-field-contact", " / "),
        ]
    }
}

/// The article editor. Its code (with the body editor, conflicts and history) is split into
/// its own WebAssembly file by `cargo leptos --split`, loaded the first time an editor
/// starts editing: readers never download it.
#[cfg_attr(feature = "editors", lazy)]
async fn article_editor_view(slug: String, on_leave: Callback<()>) -> AnyView {
    view! { <ArticleEditor slug on_leave/> }.into_any()
}
