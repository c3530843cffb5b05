//! `/login` and the sign-out button. Both are plain forms posting to server functions, so they
//! work before (and without) the WebAssembly.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

use super::{use_viewer, Login, Logout};
use crate::components::PageMeta;

/// The sign-in and sign-out actions, shared so that who is signed in reloads after either.
#[derive(Clone, Copy)]
pub struct AuthActions {
    pub login: ServerAction<Login>,
    pub logout: ServerAction<Logout>,
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let actions = expect_context::<AuthActions>();
    let query = use_query_map();
    let lang = crate::i18n::current_lang();
    // Without a page to go back to: the front page in the sign-in page's language.
    let next = move || {
        query
            .with(|q| q.get("next"))
            .unwrap_or_else(|| lang.href("/"))
    };
    let viewer = use_viewer();
    // Without script the form's post comes back to this page with its error in the address
    // (server_fn's form redirects), which the router gives its pages as context; the action
    // itself was made before the router, so it does not see it.
    let posted = use_context::<leptos::server::ServerActionError>()
        .filter(|posted| posted.path() == <Login as leptos::server_fn::ServerFn>::PATH)
        .map(|posted| {
            leptos::server_fn::error::ServerFnUrlError::<crate::AppError>::decode_err(posted.err())
        });
    let error = move || {
        actions
            .login
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| posted.clone())
            .map(|error| view! { <p class="form-error" role="alert">{error.describe(lang)}</p> })
    };
    view! {
        <PageMeta
            title=lang.t("login-heading")
            description=lang.t("login-description")
            path="/login"
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
            <ActionForm action=actions.login attr:class="login__form">
                <input type="hidden" name="next" value=next/>
                <label for="login-email">{lang.t("login-email")}</label>
                <input id="login-email" type="email" name="email" autocomplete="username" required=true/>
                <label for="login-password">{lang.t("login-password")}</label>
                <input
                    id="login-password"
                    type="password"
                    name="password"
                    autocomplete="current-password"
                    required=true
                />
                {error}
                <button type="submit" disabled=move || actions.login.pending().get()>
                    {lang.t("login-heading")}
                </button>
            </ActionForm>
        </section>
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
