//! The headers every answer carries, from memory or rendered: the security headers, a script
//! policy that names each inline script by its hash, the month page's preload of its build,
//! and a request id.

use http::{header, HeaderName, StatusCode};

use crate::{
    caching::{article_page, get_with, header_of},
    common::{Answer, Site},
};

/// Pages answered from memory (before the layers that add these headers to the rest) and
/// their `304 Not Modified` carry them too.
#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let site = Site::with_demo_content().await;
    let mut answers = Vec::new();
    for uri in [
        "/",
        "/healthz",
        "/nav-tadas-lapas",
        "/api/events?start=2020-08-01&end=2020-09-01",
    ] {
        // Rendered, then from memory.
        answers.push((uri, get_with(&site, uri, &[]).await));
        answers.push((uri, get_with(&site, uri, &[]).await));
    }
    let kept = get_with(&site, "/", &[]).await;
    let etag = header_of(&kept, &header::ETAG).to_owned();
    let unchanged = get_with(&site, "/", &[(header::IF_NONE_MATCH, &etag)]).await;
    assert_eq!(unchanged.status, StatusCode::NOT_MODIFIED);
    answers.push(("/ (304)", unchanged));
    for (uri, answer) in &answers {
        assert_eq!(
            header_of(answer, &header::X_CONTENT_TYPE_OPTIONS),
            "nosniff",
            "{uri}"
        );
        assert_eq!(
            header_of(answer, &header::REFERRER_POLICY),
            "strict-origin-when-cross-origin",
            "{uri}"
        );
        assert!(
            header_of(answer, &header::CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'"),
            "{uri}"
        );
        // The test site's public address is https.
        assert_eq!(
            header_of(answer, &header::STRICT_TRANSPORT_SECURITY),
            "max-age=31536000",
            "{uri}"
        );
    }
}

/// Scripts run only from the site's own files and the inline scripts every page carries,
/// named in the policy by their hashes: nothing injected into a page would run. The same for
/// pages rendered for an editor.
#[tokio::test]
async fn the_only_inline_scripts_are_those_the_policy_names_by_their_hashes() {
    use base64::{engine::general_purpose::STANDARD, Engine};
    use sha2::{Digest, Sha256};
    let site = Site::with_demo_content().await;
    let editor = site
        .signed_in("anna@example.lv", app::auth::Role::Editor)
        .await;
    let pages = [
        "/calendar/2020/08".to_string(),
        article_page(),
        "/en/news".into(),
        "/ru/search?q=kampa".into(),
        "/events/vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos".into(),
        "/login".into(),
        "/nav-tadas-lapas".into(),
    ];
    let for_editors = [
        "/calendar/2020/08".to_string(),
        article_page(),
        "/editor".into(),
    ];
    let readers = pages.into_iter().map(|uri| (uri, false));
    for (uri, editors) in readers.chain(for_editors.into_iter().map(|uri| (uri, true))) {
        let page = if editors {
            site.get_as(&uri, &editor).await
        } else {
            get_with(&site, &uri, &[]).await
        };
        let policy = header_of(&page, &header::CONTENT_SECURITY_POLICY);
        let scripts = policy
            .split(';')
            .map(str::trim)
            .find(|directive| directive.starts_with("script-src "))
            .unwrap_or_else(|| panic!("{uri}: no script-src in {policy}"));
        assert!(!scripts.contains("unsafe-inline"), "{scripts}");
        assert!(!scripts.contains("'unsafe-eval'"), "{scripts}");
        let document = scraper::Html::parse_document(&page.body);
        let selector = scraper::Selector::parse("script:not([src])").expect("selector");
        let inline: Vec<String> = document
            .select(&selector)
            .filter(|script| script.value().attr("type") != Some("application/ld+json"))
            .map(|script| script.text().collect())
            .collect();
        assert_eq!(inline.len(), 2, "{uri}: Leptos's two");
        for script in &inline {
            let hash = STANDARD.encode(Sha256::digest(script.as_bytes()));
            let start: String = script.chars().take(80).collect();
            assert!(
                scripts.contains(&format!("'sha256-{hash}'")),
                "{uri}: {scripts} does not name the script {start:?}…"
            );
        }
    }
}

/// Every page loads the page script from its build's folder, the same file for readers and
/// editors (it picks the build by the page), which a browser may keep for good.
#[tokio::test]
async fn every_page_loads_the_page_script_that_names_both_builds() {
    let site = Site::with_demo_content().await;
    let editor = site
        .signed_in("anna@example.lv", app::auth::Role::Editor)
        .await;
    let page_script = |page: &Answer| -> Vec<String> {
        let document = scraper::Html::parse_document(&page.body);
        let selector = scraper::Selector::parse("head script[type=module][src]").expect("selector");
        document
            .select(&selector)
            .filter_map(|script| script.value().attr("src"))
            .map(str::to_owned)
            .collect()
    };
    let month = page_script(&get_with(&site, "/calendar/2020/08", &[]).await);
    let [address] = &month[..] else {
        panic!("one page script: {month:?}");
    };
    assert!(
        address.starts_with("/pkg/") && address.ends_with("/loader.js"),
        "{address}"
    );
    for uri in [article_page(), "/en/news".into(), "/login".into()] {
        assert_eq!(
            page_script(&get_with(&site, &uri, &[]).await),
            month,
            "{uri}"
        );
    }
    assert_eq!(
        page_script(&site.get_as("/calendar/2020/08", &editor).await),
        month,
        "for an editor"
    );

    let script = get_with(&site, address, &[]).await;
    assert_eq!(script.status, StatusCode::OK);
    assert_eq!(
        header_of(&script, &header::CONTENT_TYPE),
        "text/javascript; charset=utf-8"
    );
    // The test site has no built files (`/pkg/unbuilt/`), an address that does not change
    // with the loader: checked on each use. A build's is kept for good (`caching.rs`).
    assert_eq!(header_of(&script, &header::CACHE_CONTROL), "no-cache");
    let build = address.trim_end_matches("/loader.js");
    for file in ["notikumi.js", "editors/pkg/notikumi.js"] {
        assert!(
            script.body.contains(&format!("\"{build}/{file}\"")),
            "{file} is not named in {}",
            &script.body[script.body.len().saturating_sub(300)..]
        );
    }
    assert!(script.body.contains("leptos-island"), "the loader itself");
    let compressed = get_with(&site, address, &[(header::ACCEPT_ENCODING, "gzip, br")]).await;
    assert_eq!(header_of(&compressed, &header::CONTENT_ENCODING), "br");
}

/// The month page preloads the build its islands need: the readers' (no editors' islands) for
/// a reader, the editors' for a signed-in editor; no other page preloads any.
#[tokio::test]
async fn the_month_page_preloads_the_build_of_its_viewer() {
    let site = Site::with_demo_content().await;
    let editor = site
        .signed_in("anna@example.lv", app::auth::Role::Editor)
        .await;
    let preloaded = |page: &Answer| -> Vec<String> {
        let document = scraper::Html::parse_document(&page.body);
        let selector =
            scraper::Selector::parse("link[rel=modulepreload], link[rel=preload][as=fetch]")
                .expect("selector");
        document
            .select(&selector)
            .filter_map(|link| link.value().attr("href"))
            .map(|href| {
                // `/pkg/<build>/…`: the build's hash varies, the rest is what is asked for.
                let mut parts = href.splitn(4, '/').skip(3);
                // Built without cargo-leptos (`cargo test`) the module is `…_bg.wasm`.
                parts.next().unwrap_or(href).replace("_bg.wasm", ".wasm")
            })
            .collect()
    };
    let month = "/calendar/2020/08";
    let readers = get_with(&site, month, &[]).await;
    assert_eq!(preloaded(&readers), ["notikumi.js", "notikumi.wasm"]);
    let editors = site.get_as(month, &editor).await;
    assert_eq!(
        preloaded(&editors),
        ["editors/pkg/notikumi.js", "editors/pkg/notikumi.wasm"]
    );
    assert!(preloaded(&get_with(&site, &article_page(), &[]).await).is_empty());
}

#[tokio::test]
async fn every_answer_names_its_request_and_keeps_the_proxys_name_for_it() {
    let site = Site::with_demo_content().await;
    let first = get_with(&site, &article_page(), &[]).await;
    let second = get_with(&site, &article_page(), &[]).await;
    let id_of =
        |answer: &Answer| header_of(answer, &HeaderName::from_static("x-request-id")).to_string();
    assert_eq!(id_of(&first).len(), 36, "a UUID: {}", id_of(&first));
    assert_eq!(
        id_of(&second).len(),
        36,
        "from memory too: {}",
        id_of(&second)
    );
    assert_ne!(id_of(&first), id_of(&second), "each request its own");
    for uri in ["/healthz".to_string(), article_page()] {
        let proxied = get_with(
            &site,
            &uri,
            &[(HeaderName::from_static("x-request-id"), "proxy-42")],
        )
        .await;
        assert_eq!(id_of(&proxied), "proxy-42", "{uri}");
    }
}
