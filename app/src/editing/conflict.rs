//! When someone else saved while this editor was typing: both versions side by side, and for
//! each field that differs a choice of this editor's text, the other's, or both. Nothing is
//! saved until the editor decides.

use leptos::prelude::*;

use super::{ArticleFields, EditableArticle};

/// Which text a field keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    Mine,
    Theirs,
    Both,
}

/// A field as the conflict view shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Lead,
    Body,
    Contact,
}

impl Field {
    const ALL: [Field; 4] = [Field::Title, Field::Lead, Field::Body, Field::Contact];

    fn label(self) -> &'static str {
        match self {
            Field::Title => "Virsraksts",
            Field::Lead => "Ievads",
            Field::Body => "Teksts",
            Field::Contact => "Kontaktinformācija",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Lead => "lead",
            Field::Body => "body",
            Field::Contact => "contact",
        }
    }

    fn of(self, fields: &ArticleFields) -> &str {
        match self {
            Field::Title => &fields.title,
            Field::Lead => &fields.lead,
            Field::Body => &fields.body_html,
            Field::Contact => &fields.contact,
        }
    }

    fn set(self, fields: &mut ArticleFields, value: String) {
        match self {
            Field::Title => fields.title = value,
            Field::Lead => fields.lead = value,
            Field::Body => fields.body_html = value,
            Field::Contact => fields.contact = value,
        }
    }

    /// Both texts in one: bodies one after the other, other fields joined by a separator.
    fn both(self, mine: &str, theirs: &str) -> String {
        match self {
            Field::Body => format!("{mine}{theirs}"),
            Field::Title => format!("{mine} / {theirs}"),
            Field::Lead | Field::Contact => format!("{mine}\n\n{theirs}"),
        }
    }
}

/// The merged fields for the choices made.
fn merge(mine: &ArticleFields, theirs: &ArticleFields, keep: &[(Field, Keep)]) -> ArticleFields {
    let mut merged = mine.clone();
    for (field, choice) in keep {
        let value = match choice {
            Keep::Mine => field.of(mine).to_string(),
            Keep::Theirs => field.of(theirs).to_string(),
            Keep::Both => field.both(field.of(mine), field.of(theirs)),
        };
        field.set(&mut merged, value);
    }
    merged
}

#[component]
pub fn ConflictView(
    mine: ArticleFields,
    theirs: EditableArticle,
    on_resolve: Callback<(ArticleFields, EditableArticle)>,
) -> impl IntoView {
    let their_fields = theirs
        .draft
        .as_ref()
        .map_or_else(|| theirs.current.clone(), |draft| draft.fields.clone());
    let who = theirs
        .draft
        .as_ref()
        .map(|draft| {
            format!(
                "{} ({})",
                draft
                    .saved_by
                    .clone()
                    .unwrap_or_else(|| "cits redaktors".into()),
                draft.saved_at
            )
        })
        .unwrap_or_else(|| "publicētā versija".into());
    let differing: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|field| field.of(&mine) != field.of(&their_fields))
        .collect();
    let choices = RwSignal::new(
        differing
            .iter()
            .map(|field| (*field, Keep::Mine))
            .collect::<Vec<_>>(),
    );
    let resolve = {
        let (mine, their_fields, theirs) = (mine.clone(), their_fields.clone(), theirs.clone());
        move |_| {
            let merged = merge(&mine, &their_fields, &choices.get_untracked());
            on_resolve.run((merged, theirs.clone()));
        }
    };
    view! {
        <section class="conflict" aria-labelledby="conflict-heading">
            <h2 id="conflict-heading">"Kāds cits saglabāja šo rakstu, kamēr jūs to rediģējāt"</h2>
            <p>
                "Nekas nav pazaudēts. Katram atšķirīgajam laukam izvēlieties, ko paturēt, un saglabājiet. "
                "Otra versija: " {who}
            </p>
            {differing
                .into_iter()
                .map(|field| {
                    let name = format!("keep-{}", field.key());
                    let option = move |keep: Keep, label: &'static str| {
                        let id = format!("{name}-{label}");
                        view! {
                            <span class="conflict__option">
                                <input
                                    type="radio"
                                    id=id.clone()
                                    name=name.clone()
                                    checked=keep == Keep::Mine
                                    on:change=move |_| choices.update(|all| {
                                        for (f, k) in all.iter_mut() {
                                            if *f == field {
                                                *k = keep;
                                            }
                                        }
                                    })
                                />
                                <label for=id>{label}</label>
                            </span>
                        }
                    };
                    view! {
                        <fieldset class="conflict__field">
                            <legend>{field.label()}</legend>
                            <div class="conflict__sides">
                                <Side heading="Jūsu versija" field text=field.of(&mine).to_string()/>
                                <Side heading="Otra versija" field text=field.of(&their_fields).to_string()/>
                            </div>
                            <div class="conflict__choice">
                                {option(Keep::Mine, "Paturēt manu")}
                                {option(Keep::Theirs, "Paturēt otru")}
                                {option(Keep::Both, "Paturēt abas")}
                            </div>
                        </fieldset>
                    }
                })
                .collect_view()}
            <button type="button" class="button button--primary" on:click=resolve>"Saglabāt izvēlēto"</button>
        </section>
    }
}

/// One version of a field. The other's body was sanitised by the server; this editor's own
/// body is what their browser already shows.
#[component]
fn Side(heading: &'static str, field: Field, text: String) -> impl IntoView {
    let content = if field == Field::Body {
        view! { <div class="conflict__text prose" inner_html=text></div> }.into_any()
    } else {
        view! { <p class="conflict__text">{text}</p> }.into_any()
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

    fn fields(title: &str, body: &str) -> ArticleFields {
        ArticleFields {
            title: title.into(),
            lead: "Ievads".into(),
            body_html: body.into(),
            contact: String::new(),
        }
    }

    #[test]
    fn each_field_keeps_what_was_chosen() {
        let mine = fields("Mans", "<p>Mans teksts</p>");
        let theirs = fields("Otrs", "<p>Otra teksts</p>");
        let merged = merge(
            &mine,
            &theirs,
            &[(Field::Title, Keep::Theirs), (Field::Body, Keep::Both)],
        );
        assert_eq!(merged.title, "Otrs");
        assert_eq!(merged.body_html, "<p>Mans teksts</p><p>Otra teksts</p>");
        assert_eq!(merged.lead, "Ievads");
    }
}
