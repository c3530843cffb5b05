//! Saves as an editor's browser sends them, shared by the router tests and the crash tests
//! (each test binary includes this file).

use app::editing::{ArticleFields, ArticleSave, EditableArticle};

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
    }
}
