//! Error pages in the site's layout, served with the matching HTTP status.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::set_status;
use crate::error::AppError;

/// Shows `error` to the reader and sets the response status.
#[component]
pub fn ErrorPage(
    error: AppError,
    /// A way to try again, shown under the explanation (the month picker for a month it could
    /// not read).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    set_status(error.status());
    let lang = crate::i18n::current_lang();
    let heading = lang.t(match error {
        AppError::NotFound => "error-not-found",
        AppError::InTrash => "error-in-trash-heading",
        _ => "error-generic",
    });
    view! {
        <Title text=heading.clone()/>
        <Meta name="robots" content="noindex"/>
        <section class="error-page">
            <h1>{heading}</h1>
            <p>{error.describe(lang)}</p>
            {children.map(|try_again| try_again())}
            {(error == AppError::Unauthorized).then(|| {
                // Signing in comes back here.
                let sign_in = super::sign_in_here(crate::i18n::use_lang());
                view! { <p><a href=sign_in>{lang.t("login-heading")}</a></p> }
            })}
            <p>
                // Where an item in the trash is restored.
                {(error == AppError::InTrash).then(|| view! {
                    <a href=lang.href("/editor")>{lang.t("desk-heading")}</a>
                    " · "
                })}
                <a href=lang.href("/")>{lang.t("error-to-home")}</a>
                " · "
                <a href=lang.href("/calendar")>{lang.t("home-calendar")}</a>
                " · "
                <a href=lang.href("/news")>{lang.t("nav-news")}</a>
            </p>
        </section>
    }
}

/// The router's fallback for paths no route matches.
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <ErrorPage error=AppError::NotFound/> }
}
