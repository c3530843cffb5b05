//! URL slugs made from Latvian titles: diacritics transliterated, lower case, hyphens.

/// The address an item titled `title` gets: [`slug_for`] it, but four digits alone are a year
/// of the news archive (`/news/2020`), so an item titled "2019" is at `{fallback}-2019`.
/// (A hand-chosen address of four digits is refused instead, `validate::slug`.)
pub fn title_slug(title: &str, fallback: &str) -> String {
    let slug = slug_for(title, fallback);
    if is_year(&slug) {
        format!("{fallback}-{slug}")
    } else {
        slug
    }
}

/// Whether `slug` is four digits alone, which the news archive reads as a year.
pub fn is_year(slug: &str) -> bool {
    slug.len() == 4 && slug.bytes().all(|b| b.is_ascii_digit())
}

/// `Lietuva un Latvija sniegs atbalstu Moldovai` → `lietuva-un-latvija-sniegs-atbalstu-moldovai`.
/// Titles with no letters or digits fall back to `fallback`.
pub fn slug_for(title: &str, fallback: &str) -> String {
    let slug = slug::slugify(title);
    // Long titles make unwieldy URLs; cut at a word boundary.
    let slug = if slug.len() > 80 {
        let cut = slug[..80].rfind('-').unwrap_or(80);
        slug[..cut].to_string()
    } else {
        slug
    };
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

/// The `attempt`-th candidate for a slug already taken: `base`, `base-2`, `base-3`, …
pub fn candidate(base: &str, attempt: u32) -> String {
    if attempt <= 1 {
        base.to_string()
    } else {
        format!("{base}-{attempt}")
    }
}

/// Whether `slug` is one of `base`'s candidates (`base`, `base-2`, …): an address made from
/// a title rather than chosen by an editor.
pub fn is_candidate(slug: &str, base: &str) -> bool {
    match slug.strip_prefix(base) {
        Some("") => true,
        Some(rest) => rest
            .strip_prefix('-')
            .and_then(|number| number.parse::<u32>().ok())
            .is_some_and(|number| number >= 2 && !rest.starts_with("-0")),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_made_from_a_title_is_told_from_one_chosen() {
        for slug in ["jauns-raksts", "jauns-raksts-2", "jauns-raksts-17"] {
            assert!(is_candidate(slug, "jauns-raksts"), "{slug}");
        }
        for slug in [
            "jauns-raksts-1",
            "jauns-raksts-02",
            "jauns-raksts-x",
            "jauns",
            "raksts",
        ] {
            assert!(!is_candidate(slug, "jauns-raksts"), "{slug}");
        }
        assert!(is_candidate(&candidate("seminars", 3), "seminars"));
    }

    #[test]
    fn latvian_titles_become_ascii_slugs() {
        assert_eq!(
            slug_for("Lietuva un Latvija sniegs atbalstu Moldovai", "x"),
            "lietuva-un-latvija-sniegs-atbalstu-moldovai"
        );
        assert_eq!(
            slug_for(
                "Cīņa pret cilvēku tirdzniecību: ģimeņu, ķērāju, ļaužu, ņirgu, šūpļu, žogu",
                "x"
            ),
            "cina-pret-cilveku-tirdzniecibu-gimenu-keraju-lauzu-nirgu-suplu-zogu"
        );
        assert_eq!(slug_for("„Drošs darbs” – 2020", "x"), "dross-darbs-2020");
    }

    #[test]
    fn a_title_of_a_year_alone_is_not_an_address_of_the_archive() {
        assert_eq!(title_slug("2019", "raksts"), "raksts-2019");
        assert_eq!(title_slug("„2019”", "raksts"), "raksts-2019");
        assert_eq!(title_slug("2019. gads", "raksts"), "2019-gads");
        assert_eq!(title_slug("12345", "raksts"), "12345");
    }

    #[test]
    fn empty_titles_fall_back() {
        assert_eq!(slug_for("!!! ???", "notikums"), "notikums");
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let slug = slug_for(&"vārds ".repeat(40), "x");
        assert!(slug.len() <= 80);
        assert!(!slug.ends_with('-'));
        assert!(slug.starts_with("vards-vards"));
    }

    #[test]
    fn taken_slugs_get_a_number() {
        assert_eq!(candidate("diena", 1), "diena");
        assert_eq!(candidate("diena", 2), "diena-2");
    }
}
