//! The three Fluent catalogues, parsed once per process. The browser's WebAssembly carries
//! none of them: only editors' islands speak, and a page rendered for an editor carries its
//! language's catalogue (`EditorMessages`), parsed on the first message asked for.

use std::sync::OnceLock;

use fluent_bundle::{concurrent::FluentBundle, FluentArgs, FluentResource, FluentValue};

use super::Lang;

/// Each language's catalogue, in files by the part of the site they serve: `site.ftl` for
/// readers, `editing.ftl` for editors' tools and `errors.ftl` for what can go wrong.
#[cfg(feature = "ssr")]
const SOURCES: [(Lang, [&str; 3]); 3] = [
    (
        Lang::Lv,
        [
            include_str!("../../locales/lv/site.ftl"),
            include_str!("../../locales/lv/editing.ftl"),
            include_str!("../../locales/lv/errors.ftl"),
        ],
    ),
    (
        Lang::En,
        [
            include_str!("../../locales/en/site.ftl"),
            include_str!("../../locales/en/editing.ftl"),
            include_str!("../../locales/en/errors.ftl"),
        ],
    ),
    (
        Lang::Ru,
        [
            include_str!("../../locales/ru/site.ftl"),
            include_str!("../../locales/ru/editing.ftl"),
            include_str!("../../locales/ru/errors.ftl"),
        ],
    ),
];

/// An argument of a message: `{ $count }` is `Arg::Number`, `{ $title }` `Arg::Text`.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}

/// A language's catalogue, parsed on first use; `None` in a browser whose page does not carry
/// it.
fn bundle_of(lang: Lang) -> Option<&'static FluentBundle<FluentResource>> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 3] = [
        const { OnceLock::new() },
        const { OnceLock::new() },
        const { OnceLock::new() },
    ];
    let parsed = &BUNDLES[index(lang)];
    if let Some(bundle) = parsed.get() {
        return Some(bundle);
    }
    let sources = sources_of(lang)?;
    let sources: Vec<&str> = sources.iter().map(AsRef::as_ref).collect();
    Some(parsed.get_or_init(|| bundle(lang, &sources)))
}

#[cfg(feature = "ssr")]
fn sources_of(lang: Lang) -> Option<[&'static str; 3]> {
    Some(SOURCES[index(lang)].1)
}

/// The id of the element that carries an editor's page's catalogue to the browser.
const EDITOR_MESSAGES_ID: &str = "editor-messages";

/// In the browser: the catalogue the page carries, if it is `lang`'s.
#[cfg(not(feature = "ssr"))]
fn sources_of(lang: Lang) -> Option<[String; 1]> {
    let element = leptos::prelude::document().get_element_by_id(EDITOR_MESSAGES_ID)?;
    if element.get_attribute("lang")?.as_str() != lang.code() {
        return None;
    }
    Some([element.get_attribute("data-messages")?])
}

/// A page rendered for a signed-in editor carries its language's catalogue, for the editors'
/// islands (readers' pages need none: their islands show no text of their own).
#[cfg(feature = "ssr")]
#[leptos::prelude::component]
pub fn EditorMessages(lang: Lang) -> impl leptos::prelude::IntoView {
    use leptos::prelude::*;
    let messages = SOURCES[index(lang)].1.join("\n");
    view! { <div hidden id=EDITOR_MESSAGES_ID lang=lang.code() data-messages=messages></div> }
}

fn bundle(lang: Lang, sources: &[&str]) -> FluentBundle<FluentResource> {
    let id = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: the texts are plain left-to-right.
    bundle.set_use_isolating(false);
    for source in sources {
        // The catalogues are part of the program; a syntax error is caught by the tests,
        // and whatever did parse is still used.
        let resource =
            FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
        // Message ids are unique across a language's files (tested), so adding cannot clash.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn index(lang: Lang) -> usize {
    match lang {
        Lang::Lv => 0,
        Lang::En => 1,
        Lang::Ru => 2,
    }
}

/// The message `id` in `lang`; the Latvian one if `lang` lacks it, the id itself if no
/// catalogue has it (tests make sure neither happens).
pub fn tr(lang: Lang, id: &str) -> String {
    tr_with(lang, id, &[])
}

/// The message `id` in `lang` with its arguments.
pub fn tr_with(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            Arg::Text(text) => FluentValue::from(*text),
            Arg::Number(number) => FluentValue::from(*number),
        };
        fluent_args.set(*name, value);
    }
    for bundle in [bundle_of(lang), bundle_of(Lang::Lv)].into_iter().flatten() {
        if let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
        }
    }
    id.to_string()
}

/// The message `id` split around its argument `name`: the text before and after it, so a view
/// can put the argument in an element of its own (a title marked with its language, say).
pub fn tr_around(lang: Lang, id: &str, name: &str) -> (String, String) {
    // A private-use character no message contains stands in for the argument.
    const MARK: &str = "\u{E000}";
    let whole = tr_with(lang, id, &[(name, Arg::Text(MARK))]);
    match whole.split_once(MARK) {
        Some((before, after)) => (before.to_string(), after.to_string()),
        None => (whole, String::new()),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::{ast, parser};

    use super::*;

    /// The message ids of one language's files; each id may be defined only once.
    fn message_ids(sources: &[&str]) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        for source in sources {
            let resource = parser::parse(*source).unwrap_or_else(|(_, errors)| {
                panic!("a catalogue does not parse: {errors:?}");
            });
            for entry in resource.body {
                if let ast::Entry::Message(message) = entry {
                    let id = message.id.name.to_string();
                    assert!(ids.insert(id.clone()), "{id} is defined twice");
                }
            }
        }
        ids
    }

    /// The variables (`{ $count }`) each message of one language's files uses.
    fn message_variables(sources: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
        fn in_pattern(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
            for element in &pattern.elements {
                if let ast::PatternElement::Placeable { expression } = element {
                    in_expression(expression, found);
                }
            }
        }
        fn in_expression(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
            match expression {
                ast::Expression::Select { selector, variants } => {
                    in_inline(selector, found);
                    for variant in variants {
                        in_pattern(&variant.value, found);
                    }
                }
                ast::Expression::Inline(inline) => in_inline(inline, found),
            }
        }
        fn in_inline(inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
            match inline {
                ast::InlineExpression::VariableReference { id } => {
                    found.insert(id.name.to_string());
                }
                ast::InlineExpression::Placeable { expression } => in_expression(expression, found),
                _ => {}
            }
        }
        let mut all = BTreeMap::new();
        for source in sources {
            let resource = parser::parse(*source).expect("parses (checked above)");
            for entry in &resource.body {
                if let ast::Entry::Message(message) = entry {
                    let mut found = BTreeSet::new();
                    if let Some(pattern) = &message.value {
                        in_pattern(pattern, &mut found);
                    }
                    all.insert(message.id.name.to_string(), found);
                }
            }
        }
        all
    }

    #[test]
    fn every_language_fills_in_the_same_arguments() {
        let latvian = message_variables(&SOURCES[0].1);
        assert_eq!(
            latvian["event-count"],
            BTreeSet::from(["count".to_string()])
        );
        for (lang, sources) in &SOURCES[1..] {
            for (id, variables) in message_variables(sources) {
                assert_eq!(
                    Some(&variables),
                    latvian.get(&id),
                    "{lang:?} {id} uses other arguments than Latvian"
                );
            }
        }
    }

    #[test]
    fn every_catalogue_has_every_message() {
        let latvian = message_ids(&SOURCES[0].1);
        assert!(latvian.len() > 50, "the Latvian catalogue is loaded");
        for (lang, sources) in &SOURCES[1..] {
            let ids = message_ids(sources);
            let missing: Vec<_> = latvian.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&latvian).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{lang:?} has messages Latvian lacks: {extra:?}"
            );
        }
    }

    /// Every `t("…")`, `tr(…, "…")` and `.t("…")` in the code names a Latvian message.
    #[test]
    fn the_code_asks_only_for_messages_that_exist() {
        let latvian = message_ids(&SOURCES[0].1);
        let mut unknown = Vec::new();
        let mut asked = 0;
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut folders = vec![src];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("source folder").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                    continue;
                }
                // This file's own tests ask for made-up ids on purpose.
                if path.ends_with("i18n/catalogue.rs") {
                    continue;
                }
                let code = std::fs::read_to_string(&path).expect("source file");
                for id in asked_ids(&code) {
                    asked += 1;
                    if !latvian.contains(&id) {
                        unknown.push(format!("{}: {id}", path.display()));
                    }
                }
            }
        }
        assert!(asked > 40, "the scan finds the code's messages ({asked})");
        assert!(unknown.is_empty(), "no such messages: {unknown:#?}");
    }

    /// Message ids in calls like `t("nav-home")`, `lang.t("nav-home")` and
    /// `Message::new("error-not-found")` (the id first), and `tr(lang, "nav-home")`,
    /// `tr_with(Lang::Lv, "event-count", …)` (the id second), however rustfmt wrapped them.
    fn asked_ids(code: &str) -> Vec<String> {
        let mut ids = Vec::new();
        for (marker, id_second) in [
            ("t(", false),
            ("Message::new(", false),
            ("tr(", true),
            ("tr_with(", true),
            ("tr_around(", true),
        ] {
            for (start, _) in code.match_indices(marker) {
                let before = code[..start].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let mut rest = code[start + marker.len()..].trim_start();
                if id_second {
                    // The language comes first: `lang`, `Lang::Lv`, `lang.get()`.
                    match rest.split_once(',') {
                        Some((first, after)) if !first.contains('"') => rest = after.trim_start(),
                        _ => continue,
                    }
                }
                let Some(quoted) = rest.strip_prefix('"') else {
                    continue;
                };
                let id = quoted.split('"').next().unwrap_or_default();
                if !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                {
                    ids.push(id.to_string());
                }
            }
        }
        ids
    }

    #[test]
    fn the_scan_finds_ids_however_the_call_is_wrapped() {
        let code =
            "tr_with(\n    lang,\n    \"event-count\",\n    &[],\n) tr(Lang::Lv, \"nav-home\") \
                    lang.t(\"nav-news\") Message::new(\n \"error-internal\") attr(x, \"no\")";
        assert_eq!(
            asked_ids(code),
            ["nav-news", "error-internal", "nav-home", "event-count"]
        );
    }

    #[test]
    fn plurals_follow_each_language() {
        let count = |lang, n| tr_with(lang, "event-count", &[("count", Arg::Number(n))]);
        assert_eq!(count(Lang::Lv, 1), "1 notikums");
        assert_eq!(count(Lang::Lv, 21), "21 notikums");
        assert_eq!(count(Lang::Lv, 11), "11 notikumi");
        assert_eq!(count(Lang::Lv, 0), "0 notikumi");
        assert_eq!(count(Lang::En, 1), "1 event");
        assert_eq!(count(Lang::En, 2), "2 events");
        assert_eq!(count(Lang::Ru, 1), "1 событие");
        assert_eq!(count(Lang::Ru, 3), "3 события");
        assert_eq!(count(Lang::Ru, 5), "5 событий");
        assert_eq!(count(Lang::Ru, 21), "21 событие");
    }

    #[test]
    fn a_message_splits_around_its_argument() {
        assert_eq!(
            tr_around(Lang::En, "editor-move-event", "title"),
            ("Move “".to_string(), "” to another day".to_string())
        );
    }

    #[test]
    fn a_missing_message_falls_back_to_its_id() {
        assert_eq!(tr(Lang::En, "no-such-message"), "no-such-message");
    }
}
