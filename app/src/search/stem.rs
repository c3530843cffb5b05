//! Word endings a search leaves out, so a reader finds a word in the form they did not type:
//! "semināri" finds "seminārs" and "semināru", "торговля" finds "торговли". A query word
//! becomes its stem, which search matches as a prefix of the stored words (`storage::search`);
//! the stored text is not stemmed, so a stem can only find more, never less.
//!
//! Russian words go through the Snowball stemmer (`rust-stemmers`). Snowball has no Latvian,
//! and no maintained crate does, so Latvian (and any other word in Latin letters) loses the
//! longest of the endings of Latvian declension and conjugation that leaves a stem of at least
//! three letters with a vowel, in the manner of Kreslins' light stemmer for Latvian. An
//! English word loses at most its plural `s`.

use std::borrow::Cow;

/// Endings of Latvian nouns, adjectives and verbs, longest first.
const LATVIAN_ENDINGS: &[&str] = &[
    "ajiem", "ajām", "ajai", "ajam", "ajos", "ajās", "iem", "ajā", "ais", "ai", "ei", "ām", "ēm",
    "īm", "im", "am", "um", "us", "as", "ās", "es", "os", "is", "īs", "ēs", "ie", "ij", "a", "ā",
    "e", "ē", "i", "ī", "u", "ū", "o", "s", "š",
];

/// Shortest stem an ending is taken from: `es` ("I"), `ES` (the EU), `Rīga` stay whole enough.
const MIN_STEM_CHARS: usize = 3;

/// The stem of a lower-case `word`.
pub fn stem(word: &str) -> Cow<'_, str> {
    if word.chars().any(is_cyrillic) {
        // The stemmer knows `ё` only as `е`, as readers mostly type it.
        let word = word.replace('ё', "е");
        let stemmed = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Russian)
            .stem(&word)
            .into_owned();
        return Cow::Owned(stemmed);
    }
    Cow::Borrowed(latvian_stem(word))
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

fn latvian_stem(word: &str) -> &str {
    LATVIAN_ENDINGS
        .iter()
        .filter_map(|ending| word.strip_suffix(ending))
        .find(|stem| stem.chars().count() >= MIN_STEM_CHARS && stem.chars().any(is_vowel))
        .unwrap_or(word)
}

fn is_vowel(c: char) -> bool {
    "aāeēiīouū".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latvian_forms_of_a_word_share_its_stem() {
        for forms in [
            &["semināri", "seminārs", "semināru", "semināriem", "seminārā"][..],
            &["cilvēku", "cilvēki", "cilvēkiem", "cilvēks"],
            &[
                "tirdzniecība",
                "tirdzniecības",
                "tirdzniecību",
                "tirdzniecībai",
            ],
            &["darbs", "darba", "darbu", "darbam"],
        ] {
            let stems: Vec<_> = forms.iter().map(|form| stem(form)).collect();
            assert!(stems.iter().all(|s| *s == stems[0]), "{forms:?}: {stems:?}");
        }
    }

    #[test]
    fn russian_forms_of_a_word_share_its_stem() {
        assert_eq!(stem("торговля"), stem("торговли"));
        assert_eq!(stem("торговля"), stem("торговлей"));
        assert_eq!(stem("партнёры"), stem("партнеров"));
    }

    #[test]
    fn short_words_and_words_without_endings_stay_whole() {
        for word in ["es", "eur", "2020", "trafficking", "kas"] {
            assert_eq!(stem(word), word);
        }
        assert_eq!(stem("rīgā"), "rīg");
        assert_eq!(stem("victims"), "victim");
    }
}
