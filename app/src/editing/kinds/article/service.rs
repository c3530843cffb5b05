//! Articles' side of the editing core on the server ([`KindService`], the shape its drafts
//! are stored in), and what only articles have: creating one and its settings (address,
//! category, visibility).

use chrono::Utc;
use serde::{Deserialize, Serialize};

use crate::editing::{
    kind_service::{ForEditing, KindService, Visibility},
    service::{audit, clock, told_if_trashed},
    shell::Editable,
    stored_draft::{self, StoredShape},
    validate, ArticleDetails, ArticleFields, ArticleSettingsSave, ItemKind, ReadersSee, Saved,
    SettingsSaved,
};
use crate::{
    error::AppError,
    i18n::Message,
    sanitize::SafeHtml,
    search::text::text_by_block,
    state::store,
    storage::{
        Article, ArticleSettings, DraftRule, ItemAt, ItemTables, NewArticle, Status,
        TranslatedText, User,
    },
};

fn fields_of(article: &Article) -> ArticleFields {
    ArticleFields {
        title: article.title.clone(),
        lead: article.lead.clone(),
        body_html: article.body_html.clone(),
        contact: article.contact.clone(),
    }
}

async fn article_by_id(article_id: i64) -> Result<Article, AppError> {
    store()?
        .article(article_id)
        .await?
        .filter(|article| article.trashed_at.is_none())
        .ok_or(AppError::NotFound)
}

/// Articles, as the editing core sees them.
pub(in crate::editing) struct ArticleKind;

impl KindService for ArticleKind {
    type Fields = ArticleFields;
    type Draft = StoredArticleDraft;
    type Details = ArticleDetails;
    type Version = NewArticle;
    const TABLES: &'static ItemTables = &ItemTables::ARTICLES;

    async fn for_editing(
        slug: &str,
    ) -> Result<ForEditing<ArticleFields, ArticleDetails>, AppError> {
        let article = store()?
            .article_for_editing(slug)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(ForEditing {
            current: fields_of(&article),
            details: ArticleDetails {
                readers: ReadersSee::of(article.status, article.was_published),
                category: article.category.map(|c| c.slug).unwrap_or_default(),
            },
            id: article.id,
            slug: article.slug,
            version: article.version,
        })
    }

    fn validated(fields: ArticleFields) -> Result<ArticleFields, AppError> {
        validate::article_fields(&fields)
    }

    fn body_mut(fields: &mut ArticleFields) -> &mut String {
        &mut fields.body_html
    }

    fn translation_checked(text: TranslatedText) -> Result<TranslatedText, AppError> {
        let checked = validate::article_fields(&ArticleFields {
            title: text.title,
            lead: text.lead,
            body_html: text.body_html,
            contact: text.extra,
        })?;
        Ok(TranslatedText {
            title: checked.title,
            lead: checked.lead,
            body_html: checked.body_html,
            extra: checked.contact,
        })
    }

    /// Publishes (or, restoring, leaves it as readers see it now): the article's other
    /// details (category, linked event, attachments, the date of its first publication) stay
    /// as they are.
    async fn version_of(
        id: i64,
        fields: ArticleFields,
        visibility: Visibility,
    ) -> Result<NewArticle, AppError> {
        let fields = validate::article_fields(&fields)?;
        let body_html = SafeHtml::from_editor(fields.body_html).await?;
        let article = article_by_id(id).await?;
        // An untouched new article ("Jauns raksts", no text) is not something to publish.
        // Its text was read when it was sanitised, off the request threads.
        if visibility == Visibility::AsChosen
            && without_text(&fields.lead, body_html.as_str(), body_html.plain_text())
        {
            return Err(AppError::invalid(
                "body",
                Message::new("invalid-article-empty"),
            ));
        }
        let store = store()?;
        let attachments = store.attachments(article.id).await?;
        Ok(NewArticle {
            title: fields.title,
            lead: fields.lead,
            body_html,
            contact: fields.contact,
            // The store dates a first publication (`date_first_publication`).
            published_at: article.published_at,
            category: article.category.map(|c| c.slug),
            // The store keeps the event it reports on.
            event: None,
            attachments,
            status: match visibility {
                Visibility::AsChosen => Status::Published,
                Visibility::AsNow => article.status,
            },
        })
    }

    fn published_body(version: &NewArticle) -> Option<&str> {
        (version.status == Status::Published).then_some(version.body_html.as_str())
    }

    fn save_action(_: &NewArticle) -> &'static str {
        "published"
    }

    async fn write(
        editor: &User,
        id: i64,
        version: NewArticle,
        expected_version: i64,
        draft: DraftRule<'_>,
        action: &str,
    ) -> Result<Saved<ArticleFields>, AppError> {
        let audit = audit(editor, action);
        let published = store()?
            .update_article(id, expected_version, &version, draft, audit)
            .await?;
        Ok(Saved {
            version: published.version,
            draft_version: 0,
            at: clock(published.updated_at),
            fields: fields_of(&published),
            slug: Some(published.slug),
        })
    }

    async fn fields_at(id: i64, version: i64) -> Result<ArticleFields, AppError> {
        version_fields(&article_by_id(id).await?, version).await
    }
}

pub async fn update_settings(
    editor: &User,
    save: ArticleSettingsSave,
) -> Result<SettingsSaved, AppError> {
    let article = ItemAt::Id(save.article_id);
    told_if_trashed(
        ItemKind::Article,
        article,
        settings_written(editor, save).await,
    )
    .await
}

/// [`update_settings`], told apart from an article moved to the trash by its caller.
async fn settings_written(
    editor: &User,
    save: ArticleSettingsSave,
) -> Result<SettingsSaved, AppError> {
    let settings = ArticleSettings {
        category: Some(save.category).filter(|slug| !slug.is_empty()),
        status: if save.published {
            Status::Published
        } else {
            Status::Draft
        },
    };
    let before = article_by_id(save.article_id).await?;
    if before.status == Status::Draft && settings.status == Status::Published {
        showable(&before).await?;
    }
    let action = settings_action(&before, save.version, settings.status);
    let updated = store()?
        .update_article_settings(
            save.article_id,
            save.version,
            &settings,
            audit(editor, action),
        )
        .await?;
    Ok(SettingsSaved {
        version: updated.version,
        slug: updated.slug,
    })
}

/// How the audit log words a settings change of article `before` from `version` to
/// `status`: by what it did for readers ("shown", "hidden"), else "changed settings". Should
/// the article be at another version than `version` by the update, the update (guarded by
/// it) is refused anyway.
fn settings_action(before: &Article, version: i64, status: Status) -> &'static str {
    match (before.status, status) {
        (Status::Draft, Status::Published) if before.version == version => "shown",
        (Status::Published, Status::Draft) if before.version == version => "hidden",
        _ => "changed settings",
    }
}

/// Whether an article's lead and body (its HTML and its text) hold nothing a reader could
/// read or see.
fn without_text(lead: &str, body_html: &str, body_text: &str) -> bool {
    lead.trim().is_empty() && body_text.trim().is_empty() && !body_html.contains("<img")
}

/// Refuses to show readers, from the settings, what a publication would not show them: an
/// article with no text as stored (a new one, whose words are only in its draft until
/// "Publicēt"), or with an image described for no one.
async fn showable(article: &Article) -> Result<(), AppError> {
    // The stored body is read as text off the request threads: it may be long.
    let body_html = article.body_html.clone();
    let body_text = crate::cpu::run(move || text_by_block(&body_html)).await?;
    if without_text(&article.lead, &article.body_html, &body_text) {
        return Err(AppError::invalid(
            "status",
            Message::new("invalid-show-unwritten"),
        ));
    }
    crate::editing::kind_service::images_described("status", &article.body_html)
}

pub async fn create(editor: &User) -> Result<String, AppError> {
    let article = store()?
        .create_article(
            &NewArticle {
                title: ArticleDetails::NEW_TITLE.to_string(),
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

/// The fields of one version of an article (the current one or a revision).
async fn version_fields(article: &Article, version: i64) -> Result<ArticleFields, AppError> {
    if version == article.version {
        return Ok(fields_of(article));
    }
    store()?
        .article_revisions(article.id, Some(version))
        .await?
        .into_iter()
        .next()
        .map(|revision| ArticleFields {
            title: revision.text.title,
            lead: revision.text.lead,
            body_html: revision.text.body_html,
            contact: revision.text.contact,
        })
        .ok_or(AppError::NotFound)
}

/// An article's draft, format 1.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StoredArticleDraft {
    title: String,
    lead: String,
    body_html: String,
    contact: String,
}

impl StoredShape for StoredArticleDraft {
    type Fields = ArticleFields;
    const KIND: ItemKind = ItemKind::Article;

    fn from_fields(fields: &ArticleFields) -> Self {
        let fields = fields.clone();
        StoredArticleDraft {
            title: fields.title,
            lead: fields.lead,
            body_html: fields.body_html,
            contact: fields.contact,
        }
    }

    fn into_fields(self) -> ArticleFields {
        ArticleFields {
            title: self.title,
            lead: self.lead,
            body_html: self.body_html,
            contact: self.contact,
        }
    }
}

impl ItemTables {
    /// Articles' tables, for the writes and reads every kind shares.
    pub(crate) const ARTICLES: ItemTables = ItemTables {
        kind: "article",
        items: "articles",
        key: "article_id",
        drafts: "article_drafts",
        revisions: "article_revisions",
        translations: "article_translations",
        columns: ["title", "lead", "body_html", "contact"],
        revision_columns: "title, lead, body_html, contact",
        slug_fallback: "raksts",
        extra_searched: false,
        hide_in_draft: stored_draft::hidden::<ArticleKind>,
    };
}
