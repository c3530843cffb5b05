//! What the editing server functions do once the caller is known to be an editor: validate,
//! sanitise, store, and write the audit log.

use chrono::Utc;

use super::{
    stored_draft::{self, StoredArticleDraft},
    validate,
    versions::{saved, VersionedKind},
    ArticleFields, ArticleSave, ArticleSettingsSave, AuditLine, Desk, DeskItem, EditableArticle,
    ItemKind, ItemRef, Saved, SettingsSaved,
};
use crate::{
    error::AppError,
    i18n::{Lang, Message},
    sanitize::SafeHtml,
    search::text::plain_text,
    state::store,
    storage::{Article, ArticleSettings, Audit, DraftRule, NewArticle, Status, TrashMove, User},
    timezone,
};

/// Audit log lines per page.
const AUDIT_PAGE: u32 = 50;

/// When a save happened, as the editing bar says it: "10:42:05", Riga time.
pub(super) fn clock(at: chrono::DateTime<Utc>) -> String {
    timezone::local(at).format("%H:%M:%S").to_string()
}

pub(super) fn stamp(at: chrono::DateTime<Utc>) -> String {
    timezone::local(at).format("%d.%m.%Y %H:%M").to_string()
}

pub(super) fn fields_of(article: &Article) -> ArticleFields {
    ArticleFields {
        title: article.title.clone(),
        lead: article.lead.clone(),
        body_html: article.body_html.clone(),
        contact: article.contact.clone(),
    }
}

/// Validated fields with a sanitised body; a problem answers 422 naming the field.
async fn checked(fields: &ArticleFields) -> Result<ArticleFields, AppError> {
    let mut fields = validate::article_fields(fields)?;
    fields.body_html = SafeHtml::sanitize_off_thread(fields.body_html)
        .await?
        .as_str()
        .to_string();
    Ok(fields)
}

/// The audit line of an editing write by `editor`; the store writes it with the write.
pub(super) fn audit<'a>(editor: &'a User, action: &'a str) -> Audit<'a> {
    Audit {
        actor: &editor.email,
        action,
    }
}

pub(super) async fn article_by_id(article_id: i64) -> Result<Article, AppError> {
    store()?
        .article(article_id)
        .await?
        .filter(|article| article.trashed_at.is_none())
        .ok_or(AppError::NotFound)
}

pub async fn editable_article(_editor: &User, slug: &str) -> Result<EditableArticle, AppError> {
    let store = store()?;
    let article = store
        .article_for_editing(slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let draft = stored_draft::opened::<StoredArticleDraft>(article.id).await?;
    Ok(EditableArticle {
        category: article
            .category
            .as_ref()
            .map(|c| c.slug.clone())
            .unwrap_or_default(),
        categories: crate::calendar::occurrences::category_tags(store.as_ref()).await?,
        id: article.id,
        slug: article.slug.clone(),
        published: article.status == Status::Published,
        version: article.version,
        current: fields_of(&article),
        draft,
    })
}

pub async fn save_draft(editor: &User, save: ArticleSave) -> Result<Saved, AppError> {
    let fields = checked(&save.fields).await?;
    let body_html = fields.body_html.clone();
    stored_draft::save::<StoredArticleDraft>(
        editor,
        save.article_id,
        &fields,
        body_html,
        save.base_version,
        save.draft_version,
    )
    .await
}

/// Publishes `fields` over version `expected_version`, keeping the article's other details;
/// `draft` says what becomes of the shared draft, `action` how the audit log words it.
pub(super) async fn publish_fields(
    editor: &User,
    article: &Article,
    fields: &ArticleFields,
    expected_version: i64,
    draft: DraftRule,
    action: &str,
) -> Result<Article, AppError> {
    let store = store()?;
    let attachments = store.attachments(article.id).await?;
    let event = match article.event_id {
        Some(id) => store
            .published_event_by_id(crate::i18n::Lang::Lv, id)
            .await?
            .map(|event| event.slug),
        None => None,
    };
    let published_at = if article.status == Status::Published {
        article.published_at
    } else {
        Utc::now()
    };
    Ok(store
        .update_article(
            article.id,
            expected_version,
            &NewArticle {
                title: fields.title.clone(),
                lead: fields.lead.clone(),
                body_html: SafeHtml::sanitize_off_thread(fields.body_html.clone()).await?,
                contact: fields.contact.clone(),
                published_at,
                category: article.category.as_ref().map(|c| c.slug.clone()),
                event,
                attachments,
                status: Status::Published,
            },
            draft,
            audit(editor, action),
        )
        .await?)
}

pub async fn publish(editor: &User, save: ArticleSave) -> Result<Saved, AppError> {
    let fields = checked(&save.fields).await?;
    if !crate::sanitize::images_have_alt_text(&fields.body_html) {
        return Err(AppError::invalid("body", Message::new("invalid-alt-text")));
    }
    let article = article_by_id(save.article_id).await?;
    // Publishing over a draft someone saved after this editor's last look would lose it: the
    // store refuses that in the publishing transaction.
    let published = publish_fields(
        editor,
        &article,
        &fields,
        save.base_version,
        DraftRule::Publishes(save.draft_version),
        "published",
    )
    .await?;
    Ok(Saved {
        version: published.version,
        draft_version: 0,
        at: clock(published.updated_at),
        body_html: published.body_html,
    })
}

pub async fn update_settings(
    editor: &User,
    save: ArticleSettingsSave,
) -> Result<SettingsSaved, AppError> {
    let slug = validate::slug(&save.slug)?;
    let settings = ArticleSettings {
        slug,
        category: Some(save.category).filter(|slug| !slug.is_empty()),
        status: if save.published {
            Status::Published
        } else {
            Status::Draft
        },
    };
    let updated = store()?
        .update_article_settings(
            save.article_id,
            save.version,
            &settings,
            audit(editor, "changed settings"),
        )
        .await?;
    Ok(SettingsSaved {
        version: updated.version,
        slug: updated.slug,
    })
}

pub async fn create(editor: &User) -> Result<String, AppError> {
    let article = store()?
        .create_article(
            &NewArticle {
                title: "Jauns raksts".to_string(),
                lead: String::new(),
                body_html: SafeHtml::sanitize("<p></p>"),
                contact: String::new(),
                published_at: Utc::now(),
                category: None,
                event: None,
                attachments: Vec::new(),
                status: Status::Draft,
            },
            Some(audit(editor, "created")),
        )
        .await?;
    Ok(article.slug)
}

/// Moves an article or event to the trash.
pub async fn trash(editor: &User, item: ItemRef) -> Result<(), AppError> {
    Ok(store()?
        .move_trash(
            item.kind,
            item.id,
            TrashMove::Into,
            audit(editor, "deleted"),
        )
        .await?)
}

/// Takes an article or event out of the trash, as a draft.
pub async fn restore(editor: &User, item: ItemRef) -> Result<(), AppError> {
    Ok(store()?
        .move_trash(
            item.kind,
            item.id,
            TrashMove::OutOf,
            audit(editor, "restored"),
        )
        .await?)
}

/// Articles' side of history, compare and restore.
pub(super) struct ArticleVersions;

impl VersionedKind for ArticleVersions {
    type Fields = ArticleFields;

    async fn fields_at(id: i64, version: i64) -> Result<ArticleFields, AppError> {
        version_fields(&article_by_id(id).await?, version).await
    }

    fn compared(fields: ArticleFields, _lang: Lang) -> Vec<(Message, String)> {
        vec![
            (Message::new("editor-field-title"), fields.title),
            (Message::new("editor-field-lead"), fields.lead),
            (
                Message::new("editor-field-body"),
                plain_text(&fields.body_html),
            ),
            (Message::new("history-field-contacts"), fields.contact),
        ]
    }

    async fn write_back(
        editor: &User,
        id: i64,
        fields: ArticleFields,
        expected_version: i64,
        action: &str,
    ) -> Result<Saved, AppError> {
        let article = article_by_id(id).await?;
        let rule = DraftRule::Keeps;
        let published =
            publish_fields(editor, &article, &fields, expected_version, rule, action).await?;
        Ok(saved(
            published.version,
            published.updated_at,
            published.body_html,
        ))
    }
}

/// The fields of one version of an article (the current one or a revision).
pub(super) async fn version_fields(
    article: &Article,
    version: i64,
) -> Result<ArticleFields, AppError> {
    if version == article.version {
        return Ok(fields_of(article));
    }
    store()?
        .article_revisions(article.id)
        .await?
        .into_iter()
        .find(|revision| revision.version == version)
        .map(|revision| ArticleFields {
            title: revision.text.title,
            lead: revision.text.lead,
            body_html: revision.text.body_html,
            contact: revision.text.contact,
        })
        .ok_or(AppError::NotFound)
}

pub async fn desk() -> Result<Desk, AppError> {
    let store = store()?;
    // Each item on the desk is listed with the time that put it there.
    let on_desk = |kind, id, slug, title, at| DeskItem {
        item: ItemRef { kind, id },
        slug,
        title,
        when: stamp(at),
    };
    let article = |article: Article, at| {
        let Article {
            id, slug, title, ..
        } = article;
        (at, on_desk(ItemKind::Article, id, slug, title, at))
    };
    let drafts = store.draft_articles().await?.into_iter().map(|draft| {
        let at = draft.updated_at;
        article(draft, at).1
    });
    let trashed_articles = store.trashed_articles().await?.into_iter();
    let mut trash: Vec<_> = trashed_articles
        .map(|trashed| {
            let at = trashed.trashed_at.unwrap_or(trashed.updated_at);
            article(trashed, at)
        })
        .collect();
    trash.extend(store.trashed_events().await?.into_iter().map(|event| {
        let at = event.trashed_at.unwrap_or(event.updated_at);
        (
            at,
            on_desk(ItemKind::Event, event.id, event.slug, event.title, at),
        )
    }));
    trash.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    Ok(Desk {
        drafts: drafts.collect(),
        trash: trash.into_iter().map(|(_, item)| item).collect(),
    })
}

pub async fn audit_log(page: u32) -> Result<Vec<AuditLine>, AppError> {
    let paging = crate::components::Paging::new(page, AUDIT_PAGE);
    Ok(store()?
        .audit_log(paging.limit(), paging.offset())
        .await?
        .into_iter()
        .map(|entry| AuditLine {
            at: stamp(entry.at),
            actor: entry.actor,
            action: entry.action,
            item: entry.item_title,
        })
        .collect())
}
