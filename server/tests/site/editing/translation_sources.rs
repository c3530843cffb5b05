//! A translator is told when the Latvian text changed since the translation was written.

use app::{
    editing::{
        ArticleFields, ArticleSave, Change, CompareVersions, GetTranslation, ItemKind,
        PublishArticle, SaveTranslation, SourceChanged, StoredTranslation, TranslationSave,
        TranslationSourceChanged,
    },
    i18n::Lang,
};

use super::*;
use crate::{
    racing::{ask, newsroom, open},
    saves::article_save,
};

/// What changed in the launch article's Latvian text since its English translation.
async fn english_behind(site: &Site, cookie: &str) -> Option<SourceChanged> {
    let asked = TranslationSourceChanged {
        kind: ItemKind::Article,
        slug: LAUNCH.to_string(),
        lang: Lang::En,
    };
    ask(site, &asked, cookie).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_translator_is_told_which_latvian_parts_changed_since_the_translation() {
    let (site, [anna, janis]) = newsroom().await;
    assert_eq!(
        english_behind(&site, &anna).await,
        None,
        "the demo's translation is written from the text as it is"
    );
    // Another editor gives the article a new title; its lead, body and contact stay.
    let before = open(&site, &janis).await;
    let retitled = "Lietuva un Latvija kopā palīdz Moldovai";
    let save = ArticleSave {
        fields: ArticleFields {
            title: retitled.to_string(),
            ..before.current.clone()
        },
        ..article_save(&before, "", "")
    };
    ask(&site, &PublishArticle { save }, &janis).await;
    let changed = english_behind(&site, &anna).await.expect("told");
    assert_eq!(changed.parts, [true, false, false, false], "{changed:?}");
    assert_eq!(changed.now, before.version + 1);

    // The comparison it offers shows the title then and now.
    let compare = CompareVersions {
        item: changed.item,
        older: changed.since,
        newer: changed.now,
        lang: Some(Lang::En),
    };
    let compared = ask(&site, &compare, &anna).await;
    let (_, title) = compared
        .fields
        .iter()
        .find(|(label, _)| label == "editor-field-title")
        .expect("the title compared");
    assert!(
        title.contains(&Change::Added("kopā palīdz".to_string())),
        "{title:?}"
    );

    // Saved again, the translation is written from the title as it is now.
    let stored = GetTranslation {
        kind: ItemKind::Article,
        slug: LAUNCH.to_string(),
        lang: Lang::En,
    };
    let stored: StoredTranslation = ask(&site, &stored, &anna).await;
    let save = TranslationSave {
        kind: ItemKind::Article,
        slug: LAUNCH.to_string(),
        lang: Lang::En,
        fields: stored.text,
        writer: None,
        part_langs: Some(stored.part_langs),
        source_version: None,
    };
    ask(&site, &SaveTranslation { save }, &anna).await;
    assert_eq!(english_behind(&site, &anna).await, None);
}
