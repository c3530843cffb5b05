//! Saves as an editor's browser sends them, shared by the router tests and the crash tests
//! (each test binary includes this file).

use std::sync::atomic::{AtomicI64, Ordering};

use app::editing::{ArticleFields, ArticleSave, EditableArticle, Writer};

/// The next save of the editor opened with `mark`, numbered as an editor numbers its saves:
/// counting up, in the order they are made (here one count for the whole test binary, which
/// counts up for each editor too).
pub fn next_save_of(mark: &str) -> Option<Writer> {
    static SAVES: AtomicI64 = AtomicI64::new(0);
    Some(Writer {
        mark: mark.to_string(),
        save: SAVES.fetch_add(1, Ordering::Relaxed) + 1,
    })
}

/// A save of `article` as the editor opened it, with a new title and body.
pub fn article_save(article: &EditableArticle, title: &str, body: &str) -> ArticleSave {
    ArticleSave {
        id: article.id,
        fields: ArticleFields {
            title: title.to_string(),
            body_html: format!("<p>{body}</p>"),
            ..article.current.clone()
        },
        base_version: article.version,
        draft_version: article
            .draft
            .as_ref()
            .map_or(0, |draft| draft.draft_version),
        writer: next_save_of(&article.writer),
    }
}
