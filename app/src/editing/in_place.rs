//! What a signed-in editor sees on an article or event page: the reader's page with an edit
//! button, or the page turned into its editor. An item readers cannot see yet opens in
//! editing mode at once, but only once the page is interactive: an editor served as HTML
//! would take typing before its code had loaded, and lose it.

use leptos::prelude::*;

use super::{article_editor_view, event_editor_view};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorKind {
    Article,
    Event,
}

impl EditorKind {
    fn button(self) -> &'static str {
        match self {
            EditorKind::Article => "Rediģēt šo rakstu",
            EditorKind::Event => "Rediģēt notikumu",
        }
    }
}

/// `children` is the page as readers see it (or a note that they cannot yet); `reload` runs
/// when the editor leaves, so the page shows what was saved.
#[component]
pub fn EditInPlace(
    kind: EditorKind,
    slug: String,
    /// Readers cannot see it yet: open the editor at once.
    unpublished: bool,
    reload: Callback<()>,
    children: ChildrenFn,
) -> impl IntoView {
    let editing = RwSignal::new(false);
    if unpublished {
        // Effects run only in the browser, after hydration.
        Effect::new(move |_| editing.set(true));
    }
    let leave = Callback::new(move |()| {
        editing.set(false);
        reload.run(());
    });
    move || {
        if editing.get() {
            let slug = slug.clone();
            return view! {
                <Suspense fallback=|| view! { <p class="loading">"Atver rediģēšanai…"</p> }>
                    {move || {
                        let slug = slug.clone();
                        Suspend::new(async move {
                            match kind {
                                EditorKind::Article => article_editor_view(slug, leave).await,
                                EditorKind::Event => event_editor_view(slug, leave).await,
                            }
                        })
                    }}
                </Suspense>
            }
            .into_any();
        }
        view! {
            <div class="editor-bar" role="region" aria-label="Rediģēšana">
                <button type="button" class="button button--primary" on:click=move |_| editing.set(true)>
                    {kind.button()}
                </button>
            </div>
            {children()}
        }
        .into_any()
    }
}
