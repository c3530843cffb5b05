//! What publishing an article asks of its text: an untouched new article ("Jauns raksts",
//! nothing written) is refused, saying why at the body; its draft saves as ever.

use app::editing::{ArticleFields, CreateArticle, GetEditableArticle, PublishArticle, SaveDraft};

use super::*;
use crate::racing::{ask, call, newsroom};
use crate::saves::article_save;

#[tokio::test(flavor = "multi_thread")]
async fn an_article_with_no_text_is_not_published() {
    let (site, [anna, _]) = newsroom().await;
    let slug: String = ask(&site, &CreateArticle {}, &anna).await;
    let new = ask(&site, &GetEditableArticle { slug: slug.clone() }, &anna).await;
    let untouched = |body: &str| {
        let mut save = article_save(&new, &new.current.title, "");
        save.fields.body_html = body.to_string();
        save
    };
    for body in ["", "<p><br></p>", "<p> </p><ul><li></li></ul>"] {
        let refused = call(
            &PublishArticle {
                save: untouched(body),
            },
            &anna,
        )
        .send(&site)
        .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{body:?}");
        assert!(
            refused.body.contains("invalid-article-empty"),
            "{}",
            refused.body
        );
    }
    assert_eq!(
        site.get(&format!("/news/{slug}")).await.0,
        StatusCode::NOT_FOUND
    );
    // A draft of nothing is no publication: it saves.
    ask(
        &site,
        &SaveDraft {
            save: untouched(""),
        },
        &anna,
    )
    .await;

    // A lead alone is something to read.
    let drafted = ask(&site, &GetEditableArticle { slug: slug.clone() }, &anna).await;
    let mut save = article_save(&drafted, &drafted.current.title, "");
    save.fields = ArticleFields {
        lead: "Semināra datums mainīts.".to_string(),
        body_html: String::new(),
        ..save.fields
    };
    ask(&site, &PublishArticle { save }, &anna).await;
    assert_eq!(site.get(&format!("/news/{slug}")).await.0, StatusCode::OK);
}
