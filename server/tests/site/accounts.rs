//! Signing in and out, sessions, throttling, cross-site refusals and the `user` commands.

use app::auth::{throttle, Role};
use http::StatusCode;
use server::users::{self, UserCommand};

use crate::{
    common::{Answer, Site, ORIGIN, PASSWORD},
    read::Page,
};

#[tokio::test(flavor = "multi_thread")]
async fn an_editor_signs_in_sees_their_name_and_signs_out() {
    let site = Site::with_demo_content().await;
    let cookie = site.signed_in("anna@example.lv", Role::Editor).await;
    assert!(cookie.starts_with("__Host-notikumi_session="));

    let page = Page::parse(&site.get_as("/", &cookie).await.body);
    assert!(page.says("anna@example.lv"), "the header names the editor");
    assert_eq!(
        page.count(".account__signout button"),
        1,
        "the header offers to sign out"
    );
    assert!(page.says("Iziet"));
    let (_, anonymous) = site.get("/").await;
    assert!(!Page::parse(&anonymous).says("anna@example.lv"));

    let out = site
        .post_form("/api/logout", "", Some(&cookie), Some(ORIGIN))
        .await;
    assert!(out.status.is_success() || out.status.is_redirection());
    let after = site.get_as("/", &cookie).await;
    assert!(
        !Page::parse(&after.body).says("anna@example.lv"),
        "the session ended on the server, not just in the browser"
    );
}

/// The footer's link for editors signs in and comes back to the page it was on, in the
/// page's language, with its query.
#[tokio::test(flavor = "multi_thread")]
async fn signing_in_from_a_page_comes_back_to_it() {
    let site = Site::with_demo_content().await;
    for (page, name, expected) in [
        (
            "/calendar/2020/08?category=apmacibas",
            "Redaktoriem",
            "/login?next=%2Fcalendar%2F2020%2F08%3Fcategory%3Dapmacibas",
        ),
        ("/en/news", "For editors", "/en/login?next=%2Fen%2Fnews"),
        ("/login", "Redaktoriem", "/login"),
    ] {
        let (_, html) = site.get(page).await;
        assert_eq!(
            Page::parse(&html).link_named(name).as_deref(),
            Some(expected),
            "{page}"
        );
    }
    // The sign-in page keeps it, and signing in goes there: see
    // `signing_in_goes_back_to_the_front_page_or_the_page_it_came_from`.
}

#[tokio::test(flavor = "multi_thread")]
async fn the_session_cookie_is_http_only_strict_and_secure_on_https() {
    let site = Site::with_demo_content().await;
    site.store
        .create_user(
            "anna@example.lv",
            &app::auth::password::hash_password(PASSWORD).expect("hash"),
            Role::Editor,
        )
        .await
        .expect("account");
    let answer = site
        .post_form(
            "/login",
            &format!("email=Anna%40Example.lv&password={PASSWORD}"),
            None,
            Some(ORIGIN),
        )
        .await;
    let set_cookie = answer
        .headers
        .get(http::header::SET_COOKIE)
        .and_then(|value| value.to_str().ok())
        .expect("a cookie");
    for part in ["HttpOnly", "SameSite=Strict", "Secure", "Max-Age=43200"] {
        assert!(set_cookie.contains(part), "{set_cookie}");
    }
}

/// The sign-in form posts to its own page, with or without script. A refusal answers that
/// page again, saying why in its language, with the address as typed and the keyboard at the
/// password; nothing of it goes into the address bar, so it never grows and a reload shows no
/// old refusal. Told to wait, the page says for how long, and so does `Retry-After`.
#[tokio::test(flavor = "multi_thread")]
async fn a_refused_sign_in_answers_the_page_again_with_the_address_typed() {
    let site = Site::with_demo_content().await;
    site.signed_in("anna@example.lv", Role::Editor).await;
    let (_, html) = site.get("/en/login?next=%2Fen%2Fnews").await;
    let page = Page::parse(&html);
    assert_eq!(
        page.attr("form.login__form", "method").as_deref(),
        Some("post")
    );
    assert_eq!(
        page.attr("form.login__form", "action"),
        None,
        "posts to itself"
    );
    assert!(page.texts("[role=alert]").is_empty());

    let attempt = |password: &str| {
        let request = http::Request::post("/en/login?next=%2Fen%2Fnews")
            .header(
                http::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .header(http::header::ACCEPT, "text/html,application/xhtml+xml")
            .header(http::header::ORIGIN, ORIGIN)
            .body(axum::body::Body::from(format!(
                "next=%2Fen%2Fnews&email=anna%40example.lv&password={password}"
            )))
            .expect("request");
        site.send(request)
    };
    let refused = attempt("nepareiza-parole").await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED, "{}", refused.body);
    assert!(refused.headers.get(http::header::LOCATION).is_none());
    assert!(refused.session_cookie().is_none());
    let page = Page::parse(&refused.body);
    assert_eq!(
        page.texts("[role=alert]"),
        ["Wrong e-mail address or password."]
    );
    assert_eq!(
        page.attr("input[name=email]", "value").as_deref(),
        Some("anna@example.lv")
    );
    assert!(page.attr("input[name=password]", "value").is_none());
    assert!(page.attr("input[name=password]", "autofocus").is_some());
    assert_eq!(
        page.attr("input[name=next]", "value").as_deref(),
        Some("/en/news")
    );
    let kept = refused.headers.get(http::header::CACHE_CONTROL);
    assert_eq!(kept.and_then(|value| value.to_str().ok()), Some("no-store"));
    for header in ["content-security-policy", "x-content-type-options"] {
        assert!(refused.headers.contains_key(header), "{header}");
    }

    for _ in 1..throttle::FREE_FAILURES {
        attempt("nepareiza-parole").await;
    }
    let waits = attempt(PASSWORD).await;
    assert_eq!(waits.status, StatusCode::TOO_MANY_REQUESTS);
    let told = waits.headers.get(http::header::RETRY_AFTER);
    let seconds = told
        .and_then(|value| value.to_str().ok())
        .expect("Retry-After");
    assert_eq!(
        Page::parse(&waits.body).texts("[role=alert]"),
        [format!(
            "Too many failed attempts. Try again in {seconds} s."
        )]
    );
    let (status, html) = site.get("/en/login?next=%2Fen%2Fnews").await;
    assert_eq!(status, StatusCode::OK);
    assert!(Page::parse(&html).texts("[role=alert]").is_empty());
}

/// What was typed as the address comes back as text, never as markup, and no longer than
/// any account's address can be.
#[tokio::test(flavor = "multi_thread")]
async fn a_refused_address_comes_back_as_text_and_cut_to_length() {
    let site = Site::with_demo_content().await;
    let hostile = "\"><script>alert(1)</script>@example.lv";
    let overlong = format!("{}@example.lv", "a".repeat(5_000));
    for typed in [hostile.to_string(), overlong] {
        let answer = site
            .sign_in_from([192, 0, 2, 50], &crate::hostile::escape(&typed), "x")
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        assert!(!answer.body.contains("<script>alert(1)"), "escaped");
        let page = Page::parse(&answer.body);
        let shown = page
            .attr("input[name=email]", "value")
            .expect("the address");
        let expected: String = typed.chars().take(throttle::MAX_EMAIL_LENGTH).collect();
        assert_eq!(shown, expected);
    }
}

/// An editor who came to sign in from an English page and switched the sign-in page to
/// Russian goes back to that page in Russian.
#[tokio::test(flavor = "multi_thread")]
async fn the_page_to_go_back_to_follows_the_sign_in_pages_language() {
    let site = Site::with_demo_content().await;
    for (page, next) in [
        ("/ru/login?next=%2Fen%2Fnews%3Fpage%3D2", "/ru/news?page=2"),
        ("/login?next=%2Fru%2Fcalendar", "/calendar"),
        ("/en/login?next=%2F", "/en"),
        ("/ru/login?next=%2Fen%3Fx%3D1", "/ru?x=1"),
    ] {
        let (_, html) = site.get(page).await;
        assert_eq!(
            Page::parse(&html)
                .attr("input[name=next]", "value")
                .as_deref(),
            Some(next),
            "{page}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn guessing_an_accounts_password_is_slowed_but_never_locks_its_owner_out() {
    let site = Site::with_demo_content().await;
    site.signed_in("anna@example.lv", Role::Editor).await;
    for _ in 1..=5 {
        let answer = site
            .sign_in_from([10, 0, 0, 1], "anna@example.lv", "nepareiza-parole")
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        assert_eq!(alert(&answer), ["Nepareiza e-pasta adrese vai parole."]);
        assert!(answer.session_cookie().is_none());
    }
    // The guesser's next attempt waits, even with the right password.
    let answer = site
        .sign_in_from([10, 0, 0, 1], "anna@example.lv", PASSWORD)
        .await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
    let said = alert(&answer);
    assert!(
        said[0].starts_with("Pārāk daudz neveiksmīgu mēģinājumu."),
        "{said:?}"
    );
    assert!(answer.session_cookie().is_none());
    // Trying again before the wait is over is refused without being counted: the wait told
    // never grows, so whoever waits as told is let in.
    let mut told = vec![retry_after(&answer)];
    for _ in 0..3 {
        let again = site
            .sign_in_from([10, 0, 0, 1], "anna@example.lv", PASSWORD)
            .await;
        assert_eq!(again.status, StatusCode::TOO_MANY_REQUESTS);
        told.push(retry_after(&again));
    }
    assert!(told.windows(2).all(|wait| wait[1] <= wait[0]), "{told:?}");
    assert!(told[0] <= 30, "{told:?}");
    // The editor, signing in from anywhere else, is not kept out by someone else's guessing.
    let owner = site
        .sign_in_from([10, 0, 0, 99], "anna@example.lv", PASSWORD)
        .await;
    assert_eq!(owner.status, StatusCode::SEE_OTHER, "{}", owner.body);
    assert!(owner.session_cookie().is_some());
}

/// What the sign-in page an answer shows says went wrong.
fn alert(answer: &Answer) -> Vec<String> {
    Page::parse(&answer.body).texts("[role=alert]")
}

/// The seconds an answer's `Retry-After` asks to wait.
fn retry_after(answer: &Answer) -> u64 {
    let header = answer.headers.get(http::header::RETRY_AFTER);
    let seconds = header.and_then(|value| value.to_str().ok()?.parse().ok());
    seconds.expect("a Retry-After in seconds")
}

#[tokio::test(flavor = "multi_thread")]
async fn guesses_sent_at_once_are_counted_one_after_another() {
    let site = std::sync::Arc::new(Site::with_demo_content().await);
    site.signed_in("anna@example.lv", Role::Editor).await;
    let guesses: Vec<_> = (0..30)
        .map(|n| {
            let site = std::sync::Arc::clone(&site);
            tokio::spawn(async move {
                site.sign_in_from([10, 0, 0, 2], "anna@example.lv", &format!("minējums-{n}"))
                    .await
                    .status
            })
        })
        .collect();
    let mut checked = 0;
    let mut slowed = 0;
    for guess in guesses {
        match guess.await.expect("a guess answers") {
            StatusCode::UNAUTHORIZED => checked += 1,
            StatusCode::TOO_MANY_REQUESTS => slowed += 1,
            other => panic!("a guess answered {other}"),
        }
    }
    assert_eq!(
        (checked, slowed),
        (5, 25),
        "only the free attempts had their password checked"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn one_address_guessing_many_accounts_is_slowed() {
    let site = Site::with_demo_content().await;
    site.signed_in("anna@example.lv", Role::Editor).await;
    for n in 1..=throttle::FREE_FAILURES_PER_ADDRESS {
        // Unknown addresses are refused exactly like wrong passwords.
        let answer = site
            .sign_in_from([192, 0, 2, 7], &format!("nav{n}@example.lv"), PASSWORD)
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    }
    let blocked = site
        .sign_in_from([192, 0, 2, 7], "anna@example.lv", PASSWORD)
        .await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
    let elsewhere = site
        .sign_in_from([192, 0, 2, 8], "anna@example.lv", PASSWORD)
        .await;
    assert!(
        elsewhere.session_cookie().is_some(),
        "other addresses are not held up"
    );
}

/// Editors in one office share its public address: one of them mistyping a password until
/// told to wait keeps no colleague out, and a colleague signing in clears nothing but their
/// own count (the address's stays, so a guesser cannot clear it with an account of their own).
#[tokio::test(flavor = "multi_thread")]
async fn colleagues_behind_one_address_are_not_kept_out_by_one_mistyping() {
    let site = Site::with_demo_content().await;
    site.signed_in("anna@example.lv", Role::Editor).await;
    site.signed_in("juris@example.lv", Role::Editor).await;
    let office = [203, 0, 113, 10];
    for _ in 0..throttle::FREE_FAILURES {
        let answer = site
            .sign_in_from(office, "anna@example.lv", "nepareiza-parole")
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    }
    let anna = site.sign_in_from(office, "anna@example.lv", PASSWORD).await;
    assert_eq!(anna.status, StatusCode::TOO_MANY_REQUESTS, "anna waits");
    let juris = site
        .sign_in_from(office, "juris@example.lv", PASSWORD)
        .await;
    assert_eq!(juris.status, StatusCode::SEE_OTHER, "{}", juris.body);
    assert!(juris.session_cookie().is_some());
    // Juris's sign-in did not clear the address's count: the failures it allows are used up
    // by the ones still to come, and then the address waits.
    for n in throttle::FREE_FAILURES..throttle::FREE_FAILURES_PER_ADDRESS {
        let answer = site
            .sign_in_from(office, &format!("nav{n}@example.lv"), PASSWORD)
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "failure {n}");
    }
    let after = site
        .sign_in_from(office, "juris@example.lv", PASSWORD)
        .await;
    assert_eq!(
        after.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        after.body
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn overlong_addresses_are_refused_without_being_counted() {
    let site = Site::with_demo_content().await;
    site.signed_in("anna@example.lv", Role::Editor).await;
    // Longer than any e-mail address may be (254): refused like a wrong password, but never
    // stored as a throttle key, so they do not count against the address either.
    let long = format!("{}@example.lv", "a".repeat(300));
    for _ in 0..10 {
        let answer = site.sign_in_from([198, 51, 100, 4], &long, PASSWORD).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{}", answer.body);
    }
    let owner = site
        .sign_in_from([198, 51, 100, 4], "anna@example.lv", PASSWORD)
        .await;
    assert!(
        owner.session_cookie().is_some(),
        "the address was not slowed: {} {}",
        owner.status,
        owner.body
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn requests_from_other_sites_cannot_change_anything() {
    let site = Site::with_demo_content().await;
    site.signed_in("anna@example.lv", Role::Editor).await;
    for (to, origin) in [
        ("/login", Some("https://evil.example")),
        ("/login", None),
        ("/en/login", Some("https://evil.example")),
        ("/ru/login", None),
    ] {
        let answer = site
            .post_form(
                to,
                &format!("email=anna@example.lv&password={PASSWORD}"),
                None,
                origin,
            )
            .await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{to} {origin:?}");
        assert_eq!(
            answer.body, "\"Forbidden\"",
            "an error the browser can word"
        );
        assert!(answer.session_cookie().is_none());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn accounts_are_managed_from_the_command_line() {
    let site = Site::with_demo_content().await;
    let mut out = Vec::new();
    users::run(
        &site.store,
        UserCommand::Add {
            email: "Admin@Example.lv".into(),
            role: users::RoleArg::Admin,
        },
        || Ok(PASSWORD.to_string()),
        &mut out,
    )
    .await
    .expect("add");
    let again = users::run(
        &site.store,
        UserCommand::Add {
            email: "admin@example.lv".into(),
            role: users::RoleArg::Editor,
        },
        || Ok(PASSWORD.to_string()),
        &mut out,
    )
    .await;
    assert!(matches!(again, Err(users::UserError::Exists(_))));
    let short = users::run(
        &site.store,
        UserCommand::Add {
            email: "janis@example.lv".into(),
            role: users::RoleArg::Editor,
        },
        || Ok("īsa".to_string()),
        &mut out,
    )
    .await;
    assert!(matches!(short, Err(users::UserError::Password(_))));
    users::run(&site.store, UserCommand::List, || unreachable!(), &mut out)
        .await
        .expect("list");
    let printed = String::from_utf8(out).expect("utf-8");
    assert!(printed.contains("added admin@example.lv (admin)"));
    assert!(printed.contains("admin@example.lv\tadmin\t"));
    assert!(!printed.contains(PASSWORD), "passwords are never printed");

    let answer = site
        .post_form(
            "/login",
            &format!("email=admin@example.lv&password={PASSWORD}"),
            None,
            Some(ORIGIN),
        )
        .await;
    let cookie = answer.session_cookie().expect("the new admin signs in");
    users::run(
        &site.store,
        UserCommand::Remove {
            email: "admin@example.lv".into(),
        },
        || unreachable!(),
        &mut Vec::new(),
    )
    .await
    .expect("remove");
    assert!(!site
        .get_as("/", &cookie)
        .await
        .body
        .contains("admin@example.lv"));
}

#[tokio::test(flavor = "multi_thread")]
async fn behind_a_trusted_proxy_clients_are_told_apart_and_nobody_else_can_pretend_to_be_one() {
    let site = Site::with_limits(server::config::Serving {
        trusted_proxies: server::client_address::TrustedProxies::parse("10.0.0.5").expect("valid"),
        ..server::config::Serving::default()
    })
    .await;
    site.signed_in("anna@example.lv", Role::Editor).await;
    let proxy = [10, 0, 0, 5];
    for _ in 1..=5 {
        let answer = site
            .sign_in_forwarded(proxy, Some("203.0.113.9"), "anna@example.lv", "nepareizi")
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    }
    let guesser = site
        .sign_in_forwarded(proxy, Some("203.0.113.9"), "anna@example.lv", PASSWORD)
        .await;
    assert_eq!(
        guesser.status,
        StatusCode::TOO_MANY_REQUESTS,
        "the guesser waits"
    );
    let owner = site
        .sign_in_forwarded(proxy, Some("198.51.100.20"), "anna@example.lv", PASSWORD)
        .await;
    assert_eq!(
        owner.status,
        StatusCode::SEE_OTHER,
        "another client behind the same proxy is not held up: {}",
        owner.body
    );

    // A client reaching the server directly: its X-Forwarded-For is ignored, so changing it
    // does not reset the count.
    let direct = [192, 0, 2, 50];
    for n in 1..=5 {
        let forged = format!("203.0.113.{n}");
        let answer = site
            .sign_in_forwarded(direct, Some(&forged), "anna@example.lv", "nepareizi")
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    }
    let forged = site
        .sign_in_forwarded(direct, Some("203.0.113.77"), "anna@example.lv", PASSWORD)
        .await;
    assert_eq!(forged.status, StatusCode::TOO_MANY_REQUESTS);
}

/// The sign-in page, reached without a page to go back to, returns to the front page of its
/// own language once the editor has signed in.
#[tokio::test(flavor = "multi_thread")]
async fn signing_in_goes_back_to_the_front_page_or_the_page_it_came_from() {
    let site = Site::with_demo_content().await;
    let hash = app::auth::password::hash_password(PASSWORD).expect("hash");
    site.store
        .create_user("anna@example.lv", &hash, Role::Editor)
        .await
        .expect("account");
    // And to the page the footer's link came from.
    let from_a_page = (
        "/login?next=%2Fcalendar%2F2020%2F08%3Fcategory%3Dapmacibas",
        "/calendar/2020/08?category=apmacibas",
    );
    for (page, front) in [
        ("/login", "/"),
        ("/en/login", "/en"),
        ("/ru/login", "/ru"),
        from_a_page,
    ] {
        let (status, html) = site.get(page).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        let next = Page::parse(&html)
            .attr("form input[name=next]", "value")
            .expect("the page to go back to");
        let form = format!("email=anna%40example.lv&password={PASSWORD}&next={next}");
        // The form posts to its own page.
        let signed_in = site.post_form(page, &form, None, Some(ORIGIN)).await;
        assert_eq!(signed_in.status, StatusCode::SEE_OTHER, "{page}");
        assert!(signed_in.session_cookie().is_some(), "{page}");
        let location = signed_in.headers.get(http::header::LOCATION);
        assert_eq!(
            location.and_then(|value| value.to_str().ok()),
            Some(front),
            "{page}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_editors_page_asked_for_signed_out_links_to_signing_in_and_back() {
    let site = Site::with_demo_content().await;
    for (path, sign_in, login) in [
        ("/editor", "Pieteikties", "/login?next=%2Feditor"),
        (
            "/en/editor/audit",
            "Sign in",
            "/en/login?next=%2Fen%2Feditor%2Faudit",
        ),
    ] {
        let (status, body) = site.get(path).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
        let page = Page::parse(&body);
        assert_eq!(page.link_named(sign_in).as_deref(), Some(login), "{path}");
    }
}
