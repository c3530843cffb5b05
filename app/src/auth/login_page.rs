//! `/login` and the sign-out button. Both are plain forms, so they work before (and without)
//! the WebAssembly: the sign-in form posts to its own page (`login_form`), sign-out to its
//! server function.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

use super::{use_viewer, Logout};
use crate::{components::PageMeta, error::AppError, i18n::Lang};

/// The sign-out action, shared so that who is signed in reloads after it.
#[derive(Clone, Copy)]
pub struct AuthActions {
    pub logout: ServerAction<Logout>,
}

/// A sign-in the server refused, for the page it answers with: the reason, and the address as
/// the editor typed it, so only the password is typed again.
#[derive(Debug, Clone)]
pub struct SignInRefused {
    pub email: String,
    pub error: AppError,
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let lang = crate::i18n::current_lang();
    // The page to go back to, in the sign-in page's language (the editor may have switched
    // since); without one, the front page.
    let next = move || {
        let next = query.with(|q| q.get("next"));
        in_language(lang, next.as_deref().unwrap_or("/"))
    };
    let viewer = use_viewer();
    let refused = use_context::<SignInRefused>();
    #[cfg(feature = "ssr")]
    if let Some(SignInRefused { error, .. }) = &refused {
        crate::components::set_status(error.status());
        if let Some(seconds) = error.retry_after_seconds() {
            crate::components::set_retry_after(seconds);
        }
        // It holds the address the editor typed, and is no page to go back to.
        crate::components::set_no_store();
    }
    let (email, error) = match refused {
        Some(SignInRefused { email, error }) => (Some(email), Some(error)),
        None => (None, None),
    };
    // Typing again after a refusal starts at the password.
    let again = email.is_some();
    view! {
        <PageMeta
            title=lang.t("login-heading")
            description=lang.t("login-description")
            path=crate::paths::LOGIN
            noindex=true
        />
        <section class="login" aria-labelledby="login-heading">
            <h1 id="login-heading">{lang.t("login-heading")}</h1>
            {move || viewer.get().map(|user| view! {
                <p class="login__already">
                    {lang.t("login-already")} " " <strong>{user.email}</strong> ". "
                    <A href=lang.href("/")>{lang.t("error-to-home")}</A>
                </p>
            })}
            <p>{lang.t("login-intro")}</p>
            <form method="post" class="login__form">
                <input type="hidden" name="next" value=next/>
                <label for="login-email">{lang.t("login-email")}</label>
                <input
                    id="login-email"
                    type="email"
                    name="email"
                    autocomplete="username"
                    required=true
                    value=email
                />
                <label for="login-password">{lang.t("login-password")}</label>
                <input
                    id="login-password"
                    type="password"
                    name="password"
                    autocomplete="current-password"
                    required=true
                    autofocus=again
                />
                {error.map(|error| view! {
                    <p class="form-error" role="alert">{error.describe(lang)}</p>
                })}
                <button type="submit">{lang.t("login-heading")}</button>
            </form>
        </section>
    }
}

/// `next` (a site path in any language) in `lang`: the same page, in the language the editor
/// chose last.
fn in_language(lang: Lang, next: &str) -> String {
    let (_, path) = Lang::split_path(next);
    // `split_path` leaves a front page with a query (`/en?…`) whole.
    let front_page_query = Lang::ALL
        .into_iter()
        .filter(|other| *other != Lang::Lv)
        .find_map(|other| path.strip_prefix(other.prefix()))
        .filter(|rest| rest.starts_with('?'));
    match front_page_query {
        Some(query) => lang.href(&format!("/{query}")),
        None => lang.href(path),
    }
}

/// The signed-in editor's address and a sign-out button, in the header.
#[component]
pub fn SignOutButton() -> impl IntoView {
    let t = crate::i18n::t;
    let actions = expect_context::<AuthActions>();
    let viewer = use_viewer();
    let lang = crate::i18n::use_lang();
    let signed_in = move || {
        viewer.get().map(|user| {
            view! {
                <div class="account">
                    <span class="account__who">
                        <span class="visually-hidden">{t("account-signed-in")} " "</span>
                        {user.email}
                    </span>
                    <ActionForm action=actions.logout attr:class="account__signout">
                        <input type="hidden" name="next" value=move || lang.get().href("/")/>
                        <button type="submit">{t("account-sign-out")}</button>
                    </ActionForm>
                </div>
            }
        })
    };
    // Inside Suspense, so the server waits for the session lookup before rendering the header.
    view! { <Suspense fallback=|| ()>{signed_in}</Suspense> }
}
