//! When someone else saved while this editor was typing: both versions side by side, and for
//! each part that differs a choice of this editor's version, the other's, or (for text) both.
//! Nothing is saved until the editor decides. Each kind lists its parts (`Editable::parts`).

use leptos::prelude::*;

use super::{ItemKind, TranslationFields};
use crate::{
    calendar::CategoryTag,
    i18n::{tr, tr_with, Arg, Lang},
};

/// Which version a part keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    Mine,
    Theirs,
    Both,
}

/// A part of an item the conflict view offers a choice for.
pub struct Part<F> {
    pub(super) key: &'static str,
    /// Its name, as a catalogue message.
    pub(super) label: &'static str,
    /// Shown as HTML (a body), else as text.
    pub(super) html: bool,
    /// The item's own words (shown in their language, `ConflictView::text_lang`), else
    /// worded for the page (dates, a status).
    pub(super) text: bool,
    /// The part's content as shown (dates and status in words, in the page's language).
    pub(super) show: fn(&F, Lang) -> String,
    /// Copies this part from the other version.
    pub(super) take: fn(&mut F, &F),
    /// Keeps both versions' text, where that makes sense (not for dates).
    pub(super) join: Option<fn(&mut F, &F, &F)>,
}

/// The language of a version's own words in the part with the given key, the version being
/// this editor's or the other one.
pub type TextLang<F> = std::sync::Arc<dyn Fn(Side, &F, &'static str) -> Lang + Send + Sync>;

/// Which version of a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

/// The categories the opened editor offers (`opened::open` provides them), so that a part
/// can show a category by its name.
#[derive(Debug, Clone, Default)]
pub struct ItemCategories(pub Vec<CategoryTag>);

impl<F> Clone for Part<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F> Copy for Part<F> {}

/// A part kept in the text field `$field`: shown as it is, taken whole, or both versions
/// joined with `$sep`. `html` parts are shown as HTML.
macro_rules! text_part {
    ($key:literal, $field:ident, $label:expr, $sep:literal) => {
        text_part!($key, $field, $label, $sep, html = false)
    };
    ($key:literal, $field:ident, $label:expr, $sep:literal, html = $html:literal) => {
        Part {
            key: $key,
            label: $label,
            html: $html,
            text: true,
            show: |f, _| f.$field.clone(),
            take: |f, o| f.$field.clone_from(&o.$field),
            join: Some(|f, a, b| f.$field = format!(concat!("{}", $sep, "{}"), a.$field, b.$field)),
        }
    };
}
pub(super) use text_part;

/// The names of a translation's title, lead and extra field, as its item calls them (see
/// `ItemKind::words`).
pub fn translation_labels(kind: ItemKind) -> [&'static str; 3] {
    kind.words().translated
}

/// The parts of a translation, named as its item names them.
pub fn translation_parts(kind: ItemKind) -> Vec<Part<TranslationFields>> {
    let [title, lead, extra] = translation_labels(kind);
    vec![
        text_part!("title", title, title, " / "),
        text_part!("lead", lead, lead, "\n\n"),
        text_part!("body", body_html, "editor-field-body", "", html = true),
        text_part!("extra", extra, extra, " / "),
    ]
}

/// `mine` with the other version's parts where only the other editor changed them since
/// `base` (the version both went on from), when no part where the two differ was changed by
/// both: then there is nothing to choose, and nobody's change is lost (the editor is told
/// which parts came in). A part both changed is the editor's choice. The fields themselves
/// are compared, not their text as shown (a change of formatting shows as the same text).
/// Answers the merged fields and the names (messages) of the parts taken in.
pub fn merged_without_choice<F: Clone + PartialEq>(
    parts: &[Part<F>],
    mine: &F,
    theirs: &F,
    base: &F,
) -> Option<(F, Vec<&'static str>)> {
    let mut merged = mine.clone();
    let mut taken = Vec::new();
    for part in parts {
        // Whether `a` holds `b`'s version of this part.
        let same = |a: &F, b: &F| {
            let mut probe = a.clone();
            (part.take)(&mut probe, b);
            probe == *a
        };
        if same(mine, theirs) {
            continue;
        }
        if same(theirs, base) {
            // Changed by this editor alone: this editor's.
            continue;
        }
        if !same(mine, base) {
            // Changed by both, each otherwise: the editor chooses.
            return None;
        }
        (part.take)(&mut merged, theirs);
        taken.push(part.label);
    }
    Some((merged, taken))
}

/// This editor's version with the choices made.
fn merge<F: Clone>(mine: &F, theirs: &F, keep: &[(Part<F>, Keep)]) -> F {
    let mut merged = mine.clone();
    for (part, choice) in keep {
        match (choice, part.join) {
            (Keep::Mine, _) => {}
            (Keep::Theirs, _) | (Keep::Both, None) => (part.take)(&mut merged, theirs),
            (Keep::Both, Some(join)) => join(&mut merged, mine, theirs),
        }
    }
    merged
}

/// What a part keeps until the editor chooses: the other version where only the other
/// editor changed it since `base` (the version both went on from), so that saving the
/// choice as offered undoes nobody's change; this editor's own otherwise. Without a base,
/// this editor's own.
fn first_choice<F>(part: &Part<F>, mine: &F, base: Option<&F>, lang: Lang) -> Keep {
    match base {
        Some(base) if (part.show)(mine, lang) == (part.show)(base, lang) => Keep::Theirs,
        _ => Keep::Mine,
    }
}

/// The id of the choice's heading, which takes the focus when the editor is sent to it.
const CHOICE_HEADING: &str = "conflict-heading";

/// Takes the editor to the choice shown: its heading gets the focus (and comes into view).
pub(super) fn focus_the_choice() {
    use leptos::wasm_bindgen::JsCast;
    let heading = document()
        .get_element_by_id(CHOICE_HEADING)
        .and_then(|heading| heading.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        // A heading with `tabindex="-1"` takes focus.
        let _ = heading.focus();
    }
}

/// The conflict between this editor's fields (`mine`, as the editor goes on typing while it
/// is shown) and the `theirs` saved meanwhile by `who`, both gone on from `base` where the
/// editor knows it, in the page's language but for the item's words. `on_resolve` gets the merged version: this editor's fields as they are
/// when it chooses, with the parts it chose from theirs; `save_label` names what its button
/// does with them.
#[component]
pub fn ConflictView<F>(
    heading: String,
    #[prop(into)] save_label: Signal<String>,
    mine: Signal<F>,
    theirs: F,
    base: Option<F>,
    who: String,
    parts: Vec<Part<F>>,
    /// The language a version's (this editor's or the other) own words are in, by part
    /// key: Latvian for an item; a translation's own, but Latvian for a part left as the
    /// Latvian text.
    text_lang: TextLang<F>,
    /// The language the merged version's words are stored as: Latvian for an item, a
    /// translation's own.
    stored_in: Lang,
    on_resolve: Callback<F>,
) -> impl IntoView
where
    F: Clone + Send + Sync + 'static,
{
    let lang = crate::i18n::current_lang();
    let base = StoredValue::new(base);
    let text_lang = StoredValue::new(text_lang);
    let first = move |part: &Part<F>, mine: &F| {
        base.with_value(|base| first_choice(part, mine, base.as_ref(), lang))
    };
    let theirs_kept = StoredValue::new(theirs.clone());
    // Both versions are kept only where both sides' words are in the language the merged
    // version stores: a translation's part joined with the Latvian text (left, or as it was
    // before it changed) would store Latvian words as the translation's.
    let joinable = move |part: &Part<F>, mine: &F| {
        let stored_as_merged = |side: Side, fields: &F| {
            text_lang.with_value(|lang_of| lang_of(side, fields, part.key)) == stored_in
        };
        part.join.is_some()
            && (!part.text
                || (stored_as_merged(Side::Mine, mine)
                    && theirs_kept.with_value(|theirs| stored_as_merged(Side::Theirs, theirs))))
    };
    let differing: Vec<(Part<F>, Keep)> = mine.with_untracked(|mine| {
        parts
            .into_iter()
            .filter(|part| (part.show)(mine, lang) != (part.show)(&theirs, lang))
            .map(|part| (part, first(&part, mine)))
            .collect()
    });
    let choices = RwSignal::new(differing.clone());
    // The parts the editor chose for, with their text in this editor's version then. The
    // others follow the editor's typing while the view is shown: a part it starts changing is
    // its own again, so the choice offered never drops it; so does one it chose the other
    // version for and then typed in.
    let chosen = RwSignal::new(Vec::<(&'static str, String)>::new());
    Effect::new(move |_| {
        mine.with(|mine| {
            choices.update(|all| {
                for (part, keep) in all.iter_mut() {
                    let typed_since = chosen.with_untracked(|chosen| {
                        let at = chosen.iter().rev().find(|(key, _)| *key == part.key);
                        at.map(|(_, text)| *text != (part.show)(mine, lang))
                    });
                    match typed_since {
                        Some(false) => {}
                        Some(true) if *keep != Keep::Theirs => {}
                        _ => *keep = first(part, mine),
                    }
                    // Typing can take a side's words out of the stored language.
                    if *keep == Keep::Both && !joinable(part, mine) {
                        *keep = first(part, mine);
                    }
                }
            })
        })
    });
    let resolve = {
        let theirs = theirs.clone();
        move |_| {
            let merged =
                mine.with_untracked(|mine| merge(mine, &theirs, &choices.read_untracked()));
            on_resolve.run(merged);
            // The choice's button, which had the focus, goes with it once the page is drawn
            // again: back to where the editor was.
            request_animation_frame(super::text_field::focus_back);
        }
    };
    view! {
        <section class="conflict" aria-labelledby=CHOICE_HEADING>
            <h2 id=CHOICE_HEADING tabindex="-1">{heading}</h2>
            <p>
                {tr(lang, "conflict-intro")} " "
                {tr_with(lang, "conflict-theirs-by", &[("who", Arg::Text(&who))])}
            </p>
            {differing
                .into_iter()
                .map(|(part, _)| {
                    let name = format!("keep-{}", part.key);
                    let option = move |keep: Keep, label: String| {
                        let id = format!("{name}-{keep:?}");
                        let checked = move || choices.with(|all| all.iter().any(|(p, k)| p.key == part.key && *k == keep));
                        view! {
                            <span class="conflict__option">
                                <input
                                    type="radio"
                                    id=id.clone()
                                    name=name.clone()
                                    prop:checked=checked
                                    on:change=move |_| {
                                        let now = mine.with_untracked(|mine| (part.show)(mine, lang));
                                        chosen.update(|chosen| chosen.push((part.key, now)));
                                        choices.update(|all| {
                                            for (p, k) in all.iter_mut() {
                                                if p.key == part.key {
                                                    *k = keep;
                                                }
                                            }
                                        })
                                    }
                                />
                                <label for=id>{label}</label>
                            </span>
                        }
                    };
                    // Said while this editor has not changed the part (the reason "keep the
                    // other" is chosen), and read with the choice's buttons.
                    let only_theirs = move || mine.with(|mine| first(&part, mine)) == Keep::Theirs;
                    let hint_id = format!("conflict-hint-{}", part.key);
                    let words_lang = move |side: Side, fields: &F| {
                        part.text.then(|| text_lang.with_value(|lang_of| lang_of(side, fields, part.key)).code())
                    };
                    let theirs_lang = words_lang(Side::Theirs, &theirs);
                    let keep_both = {
                        let option = option.clone();
                        move || mine.with(|mine| joinable(&part, mine)).then(|| option(Keep::Both, tr(lang, "conflict-keep-both")))
                    };
                    view! {
                        <fieldset class="conflict__field" aria-describedby=move || only_theirs().then(|| hint_id.clone())>
                            <legend>{tr(lang, part.label)}</legend>
                            <p class="conflict__hint" id=format!("conflict-hint-{}", part.key) hidden=move || !only_theirs()>
                                {tr(lang, "conflict-only-theirs")}
                            </p>
                            <div class="conflict__sides">
                                <SideView heading=tr(lang, "conflict-mine") html=part.html lang=Signal::derive(move || mine.with(|mine| words_lang(Side::Mine, mine))) text=Signal::derive(move || mine.with(|mine| (part.show)(mine, lang)))/>
                                <SideView heading=tr(lang, "conflict-theirs") html=part.html lang=Signal::stored(theirs_lang) text=Signal::stored((part.show)(&theirs, lang))/>
                            </div>
                            <div class="conflict__choice">
                                {option(Keep::Mine, tr(lang, "conflict-keep-mine"))}
                                {option(Keep::Theirs, tr(lang, "conflict-keep-theirs"))}
                                {keep_both}
                            </div>
                        </fieldset>
                    }
                })
                .collect_view()}
            <button type="button" class="button button--primary" on:click=resolve>{save_label}</button>
        </section>
    }
}

/// Asks whether to publish what another editor hid from readers while this editor wrote
/// (nothing else changed; the editor's text is saved as the draft): `publish` shows it
/// again, `keep` leaves it hidden. It has the choice's heading, so asking to choose first
/// finds it.
#[component]
pub fn HiddenMeanwhile(publish: Callback<()>, keep: Callback<()>) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    view! {
        <section class="conflict" aria-labelledby=CHOICE_HEADING>
            <h2 id=CHOICE_HEADING tabindex="-1">{tr(lang, "hidden-meanwhile-heading")}</h2>
            <p>{tr(lang, "hidden-meanwhile-text")}</p>
            <div class="conflict__choice">
                <button type="button" class="button button--primary" on:click=move |_| publish.run(())>
                    {tr(lang, "hidden-meanwhile-publish")}
                </button>
                <button type="button" class="button" on:click=move |_| keep.run(())>
                    {tr(lang, "hidden-meanwhile-keep")}
                </button>
            </div>
        </section>
    }
}

/// One version of a field, its text in `lang` (none: the page's). The other's body was
/// sanitised by the server; this editor's own body is what their browser already shows.
#[component]
fn SideView(
    heading: String,
    html: bool,
    lang: Signal<Option<&'static str>>,
    text: Signal<String>,
) -> impl IntoView {
    let content = if html {
        view! { <div class="conflict__text prose" lang=lang inner_html=text></div> }.into_any()
    } else {
        view! { <p class="conflict__text" lang=lang>{text}</p> }.into_any()
    };
    view! {
        <div class="conflict__side">
            <h3>{heading}</h3>
            {content}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editing::{
        event_fields::{EventDetails, EventFields},
        shell::Editable,
        ArticleDetails, ArticleFields,
    };

    fn fields(title: &str, body: &str) -> ArticleFields {
        ArticleFields {
            title: title.into(),
            lead: "Ievads".into(),
            body_html: body.into(),
            contact: String::new(),
        }
    }

    fn choice<F>(parts: &[Part<F>], key: &str, keep: Keep) -> (Part<F>, Keep) {
        let part = parts.iter().find(|p| p.key == key).copied();
        (part.expect("a part with this key"), keep)
    }

    /// `mine` merged with `theirs`, keeping for each part named what is chosen for it.
    fn merged<F: Clone>(parts: &[Part<F>], mine: &F, theirs: &F, chosen: &[(&str, Keep)]) -> F {
        let choices: Vec<_> = chosen
            .iter()
            .map(|(key, keep)| choice(parts, key, *keep))
            .collect();
        merge(mine, theirs, &choices)
    }

    #[test]
    fn what_only_the_other_editor_changed_is_taken_in_without_a_choice() {
        let parts = ArticleDetails::parts();
        let base = fields("Virsraksts", "<p>Teksts</p>");
        let mine = fields("Mans virsraksts", "<p>Teksts</p>");
        let theirs = ArticleFields {
            lead: "Cits ievads".into(),
            ..base.clone()
        };
        // This editor changed nothing where the other did: theirs, without a choice.
        let merged = merged_without_choice(&parts, &base, &theirs, &base);
        assert_eq!(merged, Some((theirs.clone(), vec!["editor-field-lead"])));
        assert_eq!(
            merged_without_choice(&parts, &mine, &mine, &base),
            Some((mine.clone(), vec![]))
        );
        // A change of each, in different parts: each keeps its own.
        let both_kept = ArticleFields {
            lead: "Cits ievads".into(),
            ..mine.clone()
        };
        assert_eq!(
            merged_without_choice(&parts, &mine, &theirs, &base),
            Some((both_kept, vec!["editor-field-lead"]))
        );
        // Both changed the title: a choice.
        let both = fields("Cits virsraksts", "<p>Teksts</p>");
        assert_eq!(merged_without_choice(&parts, &mine, &both, &base), None);
        // Made bold here, reworded there: the same text as shown, but a change of each.
        let bold = fields("Virsraksts", "<p><strong>Teksts</strong></p>");
        let reworded = fields("Virsraksts", "<p>Cits teksts</p>");
        assert_eq!(merged_without_choice(&parts, &bold, &reworded, &base), None);
        // The other editor went on from this editor's draft (`mine` as the base) and changed
        // its title back: taken in, as any part only they changed.
        let reverted = merged_without_choice(&parts, &mine, &base, &mine);
        assert_eq!(reverted, Some((base.clone(), vec!["editor-field-title"])));
    }

    #[test]
    fn each_article_part_keeps_what_was_chosen() {
        let parts = ArticleDetails::parts();
        let mine = fields("Mans", "<p>Mans teksts</p>");
        let theirs = fields("Otrs", "<p>Otra teksts</p>");
        let chosen = [("title", Keep::Theirs), ("body", Keep::Both)];
        let merged = merged(&parts, &mine, &theirs, &chosen);
        assert_eq!(merged.title, "Otrs");
        assert_eq!(merged.body_html, "<p>Mans teksts</p><p>Otra teksts</p>");
        assert_eq!(merged.lead, "Ievads");
    }

    #[test]
    fn a_part_only_the_other_editor_changed_is_theirs_until_chosen_otherwise() {
        let parts = ArticleDetails::parts();
        let part = |key| choice(&parts, key, Keep::Mine).0;
        let base = fields("Virsraksts", "<p>Teksts</p>");
        // This editor changed the lead; the other one (whatever it did) not this title.
        let mine = ArticleFields {
            lead: "Mans ievads".into(),
            ..base.clone()
        };
        let first = |key, base| first_choice(&part(key), &mine, base, Lang::Lv);
        assert_eq!(first("title", Some(&base)), Keep::Theirs);
        assert_eq!(first("lead", Some(&base)), Keep::Mine);
        assert_eq!(
            first("title", None),
            Keep::Mine,
            "no base: nothing is assumed"
        );
    }

    /// An event's short description and an article's contact line are edited on one line,
    /// which would not show a blank line between two kept versions: they run on with " / ".
    #[test]
    fn both_versions_of_a_one_line_part_stay_on_one_line() {
        let event = |summary: &str| EventFields {
            summary: summary.into(),
            ..EventFields::default()
        };
        let (mine, theirs) = (event("Jura apraksts."), event("Annas apraksts."));
        let both = merged(
            &EventDetails::parts(),
            &mine,
            &theirs,
            &[("summary", Keep::Both)],
        );
        assert_eq!(both.summary, "Jura apraksts. / Annas apraksts.");
        let article = |contact: &str| ArticleFields {
            contact: contact.into(),
            ..fields("Virsraksts", "<p>Teksts</p>")
        };
        let (mine, theirs) = (article("Tālrunis 67000000"), article("info@example.lv"));
        let both = merged(
            &ArticleDetails::parts(),
            &mine,
            &theirs,
            &[("contact", Keep::Both)],
        );
        assert_eq!(both.contact, "Tālrunis 67000000 / info@example.lv");
    }

    #[test]
    fn an_events_dates_move_together_and_are_never_joined() {
        let parts = EventDetails::parts();
        let mine = EventFields {
            title: "Seminārs".into(),
            start_date: "2020-08-04".into(),
            start_time: "10:00".into(),
            end_date: "2020-08-04".into(),
            end_time: "12:00".into(),
            location: "Rīga".into(),
            ..EventFields::default()
        };
        let theirs = EventFields {
            start_date: "2020-08-06".into(),
            end_date: "2020-08-07".into(),
            location: "Cēsis".into(),
            ..mine.clone()
        };
        let chosen = [("when", Keep::Both), ("location", Keep::Both)];
        let merged = merged(&parts, &mine, &theirs, &chosen);
        assert_eq!(merged.when_text(Lang::Lv), theirs.when_text(Lang::Lv));
        assert_eq!(
            theirs.when_text(Lang::En),
            "6 August 2020 10:00 – 7 August 2020 12:00"
        );
        assert_eq!(merged.location, "Rīga / Cēsis");
        assert!(parts.iter().any(|p| p.key == "when" && p.join.is_none()));
    }

    #[test]
    fn a_translations_parts_are_named_as_its_item_names_them() {
        let parts = translation_parts(ItemKind::Event);
        let label = |key: &str| tr(Lang::En, choice(&parts, key, Keep::Mine).0.label);
        assert_eq!(label("lead"), "Short description");
        assert_eq!(label("extra"), "Location");
        let translation = |title: &str, extra: &str| TranslationFields {
            title: title.into(),
            extra: extra.into(),
            ..TranslationFields::default()
        };
        let mine = translation("Seminar", "Riga");
        let theirs = TranslationFields {
            version: 3,
            ..translation("Workshop", "Cesis")
        };
        let chosen = [("title", Keep::Both), ("extra", Keep::Theirs)];
        let merged = merged(&parts, &mine, &theirs, &chosen);
        assert_eq!(merged.title, "Seminar / Workshop");
        assert_eq!(merged.extra, "Cesis");
    }
}
