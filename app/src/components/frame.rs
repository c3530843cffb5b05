//! The header and footer around every page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{auth::SignOutButton, search::SearchBox};

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <a class="skip-link" href="#saturs">"Pāriet uz saturu"</a>
        <header class="site-header">
            <a class="site-header__brand" href="/">
                <span class="site-header__name">"Notikumi"</span>
                <span class="site-header__tagline">"Cilvēku tirdzniecības novēršana Latvijā"</span>
            </a>
            <nav class="site-nav" aria-label="Galvenā navigācija">
                <A href="/">"Sākums"</A>
                <A href="/calendar">"Kalendārs"</A>
                <A href="/news">"Jaunumi"</A>
            </nav>
            <SearchBox/>
            <SignOutButton/>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>"Informatīvs resurss par cilvēku tirdzniecības novēršanu un palīdzību cietušajiem."</p>
            <p>"Notikumi — atvērtā koda portāls valsts iestādēm." " " <a href="/login">"Redaktoriem"</a></p>
        </footer>
    }
}
