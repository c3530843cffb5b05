//! An article's or event's English or Russian version, edited where it stands on the page in
//! that language. It starts from the existing translation, or from the Latvian text to
//! translate; its save button (or Ctrl+S) saves it, Esc leaves. Leaving with unsaved changes
//! asks first. A save names the version it started from: when someone else saved a newer
//! one meanwhile, the editor shows both and the translator chooses part by part.

use leptos::{html, prelude::*, task::spawn_local};

use super::{
    autosave::{field_message, SaveState},
    body_editor::{writable, BodyEditor},
    conflict::{translation_labels, translation_parts, ConflictView, Side, TextLang},
    drafting::Draft,
    get_translation, save_translation,
    shell::{editor_keys, undo_stays_in_field, EditorBar},
    text_field::{EditableText, Lines},
    translation_source::SourceChangedNote,
    translation_source_changed, ItemKind, SourceChanged, StoredTranslation, TranslationFields,
    TranslationSave, TranslationStart, Writer,
};
use crate::i18n::{tr, tr_with, Arg, Lang, PartLangs};

/// `lang` is the translation's language, which is also the page's: the editor's own words
/// are in it too.
#[component]
pub fn TranslationEditor(
    kind: ItemKind,
    slug: String,
    lang: Lang,
    start: TranslationStart,
    on_leave: Callback<()>,
) -> impl IntoView {
    let TranslationStart {
        text: start,
        writer,
        part_langs: start_langs,
        source_version,
    } = start;
    // A translation has no shared draft: only the fields, the conflict and the save state.
    let draft = Draft::<TranslationFields, TranslationFields>::new(start.clone(), None);
    // Each save carries this editor's mark and its number, so a save after one whose answer
    // was lost goes over this editor's own translation instead of meeting it as a conflict.
    let writer = StoredValue::new(Writer::opened(writer));
    let (fields, field_error, conflict) = (draft.fields, draft.field_error, draft.conflict);
    // The translation as this editor last knew it stored (as it started, then as saved): what
    // a conflict's two sides went on from.
    let known = StoredValue::new(start.clone());
    let state = draft.autosave.state;
    let body = NodeRef::<html::Div>::new();
    let error_for = move |field: &'static str| field_message(field_error, field);
    let edit = move |change: &dyn Fn(&mut TranslationFields)| {
        if draft.changed_by(change) {
            draft.autosave.typed();
        }
    };
    // Whether the Latvian text changed since the translation was written from it. A save
    // says which Latvian text the translator had before them: the page's, or the newer one
    // the note showed the changes of; a change made while they typed is told after it.
    let source = RwSignal::new(None::<SourceChanged>);
    let known_source = StoredValue::new(source_version);
    // Each question numbered: only the last one's answer counts (the first, asked on opening,
    // may arrive after the one a quick save asked, and would bring back an outdated note).
    let source_asked = StoredValue::new(0_u32);
    let ask_source = {
        let slug = slug.clone();
        move || {
            let slug = slug.clone();
            source_asked.update_value(|asked| *asked += 1);
            let this = source_asked.get_value();
            spawn_local(async move {
                let answer = translation_source_changed(kind, slug, lang).await;
                if source_asked.try_get_value() != Some(this) {
                    return;
                }
                if let Ok(changed) = answer {
                    if let Some(changed) = changed {
                        known_source.try_update_value(|known| *known = changed.now);
                    }
                    source.try_set(changed);
                }
            });
        }
    };
    if start.version > 0 {
        let ask_source = ask_source.clone();
        // Asked once the editor is on the page (effects run in the browser only).
        Effect::new(move |_| ask_source());
    }
    // The translation as stored now, as the conflict's other side (a part its translator left
    // comes as the Latvian text, as readers see it), and its parts' languages.
    let stored_slug = slug.clone();
    let theirs_langs = StoredValue::new(None::<PartLangs>);
    let theirs = move || {
        let slug = stored_slug.clone();
        async move {
            let StoredTranslation {
                text: theirs,
                part_langs,
            } = get_translation(kind, slug, lang).await?;
            theirs_langs.set_value(Some(part_langs));
            // The editor may have closed while the translation was on its way.
            Ok((!fields.is_disposed()).then_some(theirs))
        }
    };
    // A part that starts as the Latvian text (before the first save, or left untranslated)
    // is Latvian until it is changed: marked so for screen readers and spelling, and sent
    // as left, so it goes on following the Latvian text. The text it starts from, and each
    // part's language then (a part taken from the other translation where its translator
    // left it starts again from the Latvian text it held, see `resolve`).
    let started = StoredValue::new((start.clone(), start_langs));
    let langs_of = move |now: &TranslationFields| {
        let in_latvian =
            |was: Lang, now: &str, started: &str| match was == Lang::Lv && now == started {
                true => Lang::Lv,
                false => lang,
            };
        started.with_value(|(started, was)| PartLangs {
            title: in_latvian(was.title, &now.title, &started.title),
            lead: in_latvian(was.lead, &now.lead, &started.lead),
            body: in_latvian(was.body, &now.body_html, &started.body_html),
            extra: in_latvian(was.extra, &now.extra, &started.extra),
        })
    };
    let part_langs = Memo::new(move |_| fields.with(langs_of));
    // The conflict view's sides, each in its own parts' languages (see `translation_parts`).
    let text_lang: TextLang<TranslationFields> = std::sync::Arc::new(move |side, version, key| {
        // The other translator's as the server says them: a part whose Latvian text
        // changed meanwhile is still theirs left, not a translation.
        let langs = match (side, theirs_langs.get_value()) {
            (Side::Theirs, Some(langs)) => langs,
            _ => langs_of(version),
        };
        part_lang(&langs, key).unwrap_or(lang)
    });
    let save = move || {
        // A second Ctrl+S or click while the first is on its way would meet its own save.
        if state.get_untracked() == SaveState::Saving {
            return;
        }
        let request = TranslationSave {
            kind,
            slug: slug.clone(),
            lang,
            fields: fields.get_untracked(),
            writer: writer.try_update_value(Writer::next_save),
            part_langs: Some(part_langs.get_untracked()),
            source_version: known_source.try_get_value(),
        };
        let ticket = draft.autosave.start_saving();
        let theirs = theirs.clone();
        let ask_source = ask_source.clone();
        let sent = request.fields.clone();
        spawn_local(async move {
            let answer = save_translation(request).await;
            if !draft.autosave.latest(ticket) {
                return;
            }
            match answer {
                Ok(saved) => {
                    field_error.set(None);
                    // Typing that went on during the save is not saved: leaving still asks.
                    let unchanged = fields.with_untracked(|now| *now == sent);
                    fields.update(|fields| fields.version = saved.version);
                    known.set_value(TranslationFields {
                        version: saved.version,
                        ..sent
                    });
                    // Settled, or still behind a change made meanwhile.
                    ask_source();
                    let at = [("at", Arg::Text(&saved.at))];
                    let done = SaveState::Done(tr_with(lang, "translation-saved-at", &at));
                    draft.autosave.answered(unchanged, done);
                }
                Err(error) => draft.failed(lang, error, theirs),
            }
        });
    };
    let save = StoredValue::new(save);
    // A resolved conflict: the merged text is saved over the other translation.
    let resolve = Callback::new(move |merged: TranslationFields| {
        let Some(theirs) = conflict.get_untracked() else {
            return;
        };
        if let Some(element) = body.get_untracked() {
            element.set_inner_html(&writable(merged.body_html.clone()));
        }
        // A part taken from the other translation where its translator left the Latvian
        // text is still left: it is the Latvian text now (before `fields` changes, which
        // `part_langs` follows).
        if let Some(langs) = theirs_langs.get_value() {
            started.update_value(|(started, was)| {
                let parts = [
                    (
                        langs.title,
                        &merged.title,
                        &theirs.title,
                        &mut started.title,
                        &mut was.title,
                    ),
                    (
                        langs.lead,
                        &merged.lead,
                        &theirs.lead,
                        &mut started.lead,
                        &mut was.lead,
                    ),
                    (
                        langs.body,
                        &merged.body_html,
                        &theirs.body_html,
                        &mut started.body_html,
                        &mut was.body,
                    ),
                    (
                        langs.extra,
                        &merged.extra,
                        &theirs.extra,
                        &mut started.extra,
                        &mut was.extra,
                    ),
                ];
                for (their_lang, kept, their_text, latvian, latvian_lang) in parts {
                    if their_lang == Lang::Lv && kept == their_text {
                        latvian.clone_from(their_text);
                        *latvian_lang = Lang::Lv;
                    }
                }
            });
        }
        known.set_value(theirs.clone());
        fields.set(TranslationFields {
            version: theirs.version,
            ..merged
        });
        conflict.set(None);
        save.with_value(|save| save());
    });
    let conflict_view = move || {
        conflict.get().map(|theirs| {
            view! {
                <ConflictView
                    heading=tr(lang, "translation-conflict-heading")
                    save_label=tr(lang, "conflict-save")
                    mine=fields.into()
                    theirs
                    base=Some(known.get_value())
                    who=tr(lang, "translation-conflict-other")
                    parts=translation_parts(kind)
                    text_lang=text_lang.clone()
                    stored_in=lang
                    on_resolve=resolve
                />
            }
        })
    };
    // There is no draft of a translation: leaving with unsaved typing asks first.
    let leave = move || {
        if super::autosave::may_leave(state, lang) {
            on_leave.run(());
        }
    };
    // A memo each: typing in one field does not set the other fields' attributes again.
    let lang_of = move |part: fn(&PartLangs) -> Lang| {
        Signal::from(Memo::new(move |_| {
            part_langs.with(|langs| part(langs).code())
        }))
    };
    // While the choice waits, a save would meet the conflict it shows: the editor is told.
    let save_now = move || {
        if !draft.choice_pending(lang) {
            save.with_value(|save| save());
        }
    };
    let on_keydown = editor_keys(save_now, leave);
    let [title_label, lead_label, extra_label] =
        translation_labels(kind).map(|label| tr(lang, label));
    let language = [("language", Arg::Text(lang.native_name()))];
    let visibility = tr_with(lang, "translation-visibility", &language);
    let heading = Signal::derive(move || {
        fields.with(|f| {
            let args = [
                ("language", Arg::Text(lang.native_name())),
                ("title", Arg::Text(&f.title)),
            ];
            tr_with(lang, "translation-page-title", &args)
        })
    });
    view! {
        <div class="translation-editor" on:keydown=on_keydown on:beforeinput=undo_stays_in_field on:focusin=super::text_field::remember_field>
            <EditorBar
                state
                heading
                primary=tr(lang, "translation-save")
                on_primary=Callback::new(move |()| save_now())
                on_stop=Callback::new(move |()| leave())
            >
                <p class="editor-bar__visibility">{visibility}</p>
            </EditorBar>
            {move || source.get().map(|changed| view! { <SourceChangedNote changed lang/> })}
            {conflict_view}
            <article class="article article--editing">
                <EditableText
                    id="translate-title"
                    first=true
                    label=title_label
                    lines=Lines::Several(2)
                    class="editable--title"
                    lang=lang_of(|langs| langs.title)
                    value=Signal::derive(move || fields.with(|f| f.title.clone()))
                    on_input=Callback::new(move |value: String| edit(&|f| f.title.clone_from(&value)))
                    error=error_for("title")
                />
                <EditableText
                    id="translate-lead"
                    label=lead_label
                    lines=Lines::Several(3)
                    class="article__lead"
                    lang=lang_of(|langs| langs.lead)
                    value=Signal::derive(move || fields.with(|f| f.lead.clone()))
                    on_input=Callback::new(move |value: String| edit(&|f| f.lead.clone_from(&value)))
                    error=error_for("lead")
                />
                <BodyEditor
                    initial_html=start.body_html.clone()
                    node=body
                    on_change=Callback::new(move |html: String| edit(&|f| f.body_html.clone_from(&html)))
                    error=error_for("body")
                    text_lang=lang_of(|langs| langs.body)
                />
                <EditableText
                    id="translate-extra"
                    label=extra_label
                    lines=Lines::One
                    lang=lang_of(|langs| langs.extra)
                    value=Signal::derive(move || fields.with(|f| f.extra.clone()))
                    on_input=Callback::new(move |value: String| edit(&|f| f.extra.clone_from(&value)))
                    error=error_for("extra")
                />
            </article>
        </div>
    }
}

/// The language in `langs` of the translation's part `key`, as `translation_parts` keys them.
fn part_lang(langs: &PartLangs, key: &str) -> Option<Lang> {
    match key {
        "title" => Some(langs.title),
        "lead" => Some(langs.lead),
        "body" => Some(langs.body),
        "extra" => Some(langs.extra),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editing::conflict::translation_parts;

    #[test]
    fn every_part_of_a_translation_has_its_own_language() {
        for kind in ItemKind::ALL {
            for part in translation_parts(kind) {
                // Only the part itself in English: its language is read from its own field.
                let mut langs = PartLangs::from_codes("lv,lv,lv,lv");
                let field = match part.key {
                    "title" => &mut langs.title,
                    "lead" => &mut langs.lead,
                    "body" => &mut langs.body,
                    _ => &mut langs.extra,
                };
                *field = Lang::En;
                let found = part_lang(&langs, part.key);
                assert_eq!(found, Some(Lang::En), "{kind:?} {}", part.key);
            }
        }
    }
}
