//! The interface in Latvian (the default, at `/…`), English (`/en/…`) and Russian (`/ru/…`).
//!
//! Messages live in one Fluent catalogue per language (`app/locales/{lv,en,ru}/*.ftl`), compiled
//! into the binary and the WebAssembly; Fluent picks plural forms by each language's CLDR
//! rules ("1 notikums", "2 события", "5 событий"). The language of a page is the first segment
//! of its path, so every page has one address per language and links keep the reader's
//! language (`Lang::href`). A test fails when any catalogue lacks a message another has, or
//! when the code asks for a message the Latvian catalogue does not define. Errors travel from
//! the server as a [`Message`] (an id and arguments), so the browser words them in the page's
//! language.

mod catalogue;
mod message;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub use catalogue::EditorMessages;
pub use catalogue::{tr, tr_around, tr_with, Arg};
pub use message::{Message, MessageArg};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Lv,
    En,
    Ru,
}

/// The language of each text part of an article or event as read: a translation's part the
/// translator left holding the Latvian text is Latvian, so it is marked `lang="lv"` and not
/// read out in the reader's language. The parts are the kind's four text columns in their
/// order (an article's title, lead, body and contact; an event's title, summary, body and
/// place).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PartLangs {
    pub title: Lang,
    pub lead: Lang,
    pub body: Lang,
    pub extra: Lang,
}

impl PartLangs {
    /// From the codes storage reads, comma-separated in the parts' order (`en,lv,lv,en`);
    /// Latvian for a part it cannot read.
    pub fn from_codes(codes: &str) -> Self {
        let mut langs = codes
            .split(',')
            .map(|code| Lang::from_code(code).unwrap_or_default());
        let mut next = || langs.next().unwrap_or_default();
        PartLangs {
            title: next(),
            lead: next(),
            body: next(),
            extra: next(),
        }
    }
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Lv, Lang::En, Lang::Ru];

    /// The BCP 47 code, as in `<html lang>` and `hreflang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Lv => "lv",
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The language with this BCP 47 code, if it is one of the interface's.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language's name in itself, for the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Lv => "Latviešu",
            Lang::En => "English",
            Lang::Ru => "Русский",
        }
    }

    /// The code content translations are stored under: `en`, `ru`; none for Latvian, the
    /// language of the originals.
    pub fn translated_code(self) -> Option<&'static str> {
        (self != Lang::Lv).then_some(self.code())
    }

    /// The path prefix: none for Latvian.
    pub fn prefix(self) -> &'static str {
        match self {
            Lang::Lv => "",
            Lang::En => "/en",
            Lang::Ru => "/ru",
        }
    }

    /// `path` (a site path such as `/calendar/2020/08`, maybe with a query) in this language.
    pub fn href(self, path: &str) -> String {
        match (self, path) {
            (Lang::Lv, _) => path.to_string(),
            (_, "/") => self.prefix().to_string(),
            (_, path) if path.starts_with("/?") => format!("{}{}", self.prefix(), &path[1..]),
            (_, path) => format!("{}{path}", self.prefix()),
        }
    }

    /// The language of the canonical page, for a reader of this language, of content that
    /// exists in `languages`: this one, or Latvian, whose text the page then shows (one URL
    /// per text for search engines).
    pub fn canonical_among(self, languages: &[Lang]) -> Lang {
        if languages.contains(&self) {
            self
        } else {
            Lang::Lv
        }
    }

    /// The language of a path and the path without its prefix: `/en/news` is English `/news`.
    pub fn split_path(path: &str) -> (Lang, &str) {
        for lang in [Lang::En, Lang::Ru] {
            if let Some(rest) = path.strip_prefix(lang.prefix()) {
                if rest.is_empty() {
                    return (lang, "/");
                }
                if rest.starts_with('/') {
                    return (lang, rest);
                }
            }
        }
        (Lang::Lv, path)
    }

    /// A message of this language's catalogue.
    pub fn t(self, id: &str) -> String {
        tr(self, id)
    }

    /// Of a content's names in the three languages, the one in this language, or the Latvian
    /// one where that is empty; with the language of the name chosen.
    pub fn pick<'a>(self, latvian: &'a str, english: &'a str, russian: &'a str) -> (&'a str, Lang) {
        let own = match self {
            Lang::Lv => latvian,
            Lang::En => english,
            Lang::Ru => russian,
        };
        if own.is_empty() {
            (latvian, Lang::Lv)
        } else {
            (own, self)
        }
    }
}

/// The current page's language, from its path.
#[derive(Clone, Copy)]
pub struct CurrentLang(pub Memo<Lang>);

/// Makes the page's language known to every component below (inside the router).
pub fn provide_lang() {
    let location = use_location();
    let lang = Memo::new(move |_| location.pathname.with(|path| Lang::split_path(path).0));
    provide_context(CurrentLang(lang));
}

/// Makes a language known to every component below an island: islands are hydrated without
/// the router, so they take the page's language as a prop.
pub fn provide_lang_of(lang: Lang) {
    provide_context(CurrentLang(Memo::new(move |_| lang)));
}

/// The current page's language (Latvian outside a page, e.g. in unit tests).
pub fn use_lang() -> Memo<Lang> {
    use_context::<CurrentLang>()
        .map(|CurrentLang(lang)| lang)
        .unwrap_or_else(|| Memo::new(|_| Lang::Lv))
}

/// The current page's language now, for code that builds a page once (a change of language
/// is a new page); Latvian outside a page, e.g. in unit tests.
pub fn current_lang() -> Lang {
    use_context::<CurrentLang>()
        .map(|CurrentLang(lang)| lang.get_untracked())
        .unwrap_or_default()
}

/// A message in the current page's language, as a reactive view value.
pub fn t(id: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || tr(lang.get(), id)
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn paths_carry_their_language() {
        assert_eq!(Lang::split_path("/en/news"), (Lang::En, "/news"));
        assert_eq!(Lang::split_path("/ru"), (Lang::Ru, "/"));
        assert_eq!(Lang::split_path("/news"), (Lang::Lv, "/news"));
        assert_eq!(Lang::split_path("/english"), (Lang::Lv, "/english"));
        assert_eq!(Lang::En.href("/calendar/2020/08"), "/en/calendar/2020/08");
        assert_eq!(Lang::Ru.href("/"), "/ru");
        assert_eq!(Lang::En.href("/?q=x"), "/en?q=x");
        assert_eq!(Lang::Lv.href("/news"), "/news");
    }

    #[test]
    fn a_name_falls_back_to_latvian_and_says_so() {
        let pick = |lang: Lang, russian| lang.pick("Apmācības", "Training", russian);
        assert_eq!(pick(Lang::En, ""), ("Training", Lang::En));
        assert_eq!(pick(Lang::Ru, ""), ("Apmācības", Lang::Lv));
        assert_eq!(pick(Lang::Ru, "Обучение"), ("Обучение", Lang::Ru));
        assert_eq!(pick(Lang::Lv, "Обучение"), ("Apmācības", Lang::Lv));
    }
}
