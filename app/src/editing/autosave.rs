//! What article and event editors share about saving: where the work stands (shown in a
//! polite live region), the draft saved a moment after typing stops, and a question before
//! anything loses unsaved typing: a reload, closing the tab, or a link inside the site.

use std::time::Duration;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::{closure::Closure, JsCast};

use crate::i18n::{tr, tr_with, Arg, Lang, Message};

/// Quiet time after the last keystroke before the draft is saved.
const AUTOSAVE_AFTER: Duration = Duration::from_secs(2);

/// How long a save may go unanswered before the editor is told and may save again. The
/// browser sets no limit of its own, and a connection that hangs would otherwise hold the
/// editor at "Saving…" for good, unable to save or to leave.
pub const ANSWER_WITHIN: Duration = Duration::from_secs(20);

/// What the editor is asked before unsaved typing would be lost.
fn leave_question(lang: Lang) -> String {
    tr(lang, "editor-leave-question")
}

thread_local! {
    /// The editor has just agreed to lose unsaved typing: the page's unloading, which follows
    /// at once, does not ask again.
    static LEAVING_AGREED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the editor may leave work in `state`: at once when it is saved, else if they say so
/// when asked. Once they agreed, the browser's own question on unloading stays quiet for a
/// moment ([`guard_leaving`]), so that leaving asks once, not twice.
pub fn may_leave(state: RwSignal<SaveState>, lang: Lang) -> bool {
    if !state.get_untracked().unsaved() {
        return true;
    }
    let agreed = window()
        .confirm_with_message(&leave_question(lang))
        .unwrap_or(false);
    if agreed {
        agreed_to_leave();
    }
    agreed
}

/// The editor agreed to leave unsaved work (the site asked): the browser's own question on
/// unloading stays quiet for a moment, so leaving asks once, not twice.
pub fn agreed_to_leave() {
    LEAVING_AGREED.set(true);
    // A leave that did not unload the page (a download, a failed navigation) is guarded
    // again.
    set_timeout(|| LEAVING_AGREED.set(false), Duration::from_secs(1));
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Unchanged,
    Unsaved,
    Saving,
    /// The draft was saved at this time.
    Saved(String),
    /// Saved for readers: the whole line to show, already in the page's language
    /// ("Publicēts 10:42:05").
    Done(String),
    /// Why the save failed, already in the page's language.
    Failed(String),
    /// Nothing was saved because the editor has something to do first (choose between two
    /// versions); what it had is saved. The whole line, in the page's language.
    Waiting(String),
    /// The save was refused because the editor's session ended: the bar offers signing in
    /// again in a new tab, since signing in on this page would leave the editor.
    SignedOut,
}

impl SaveState {
    /// The state in words, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            SaveState::Unchanged => tr(lang, "editor-state-unchanged"),
            SaveState::Unsaved => tr(lang, "editor-state-unsaved"),
            SaveState::Saving => tr(lang, "editor-state-saving"),
            SaveState::Saved(at) => tr_with(lang, "editor-state-saved", &[("at", Arg::Text(at))]),
            SaveState::Done(line) | SaveState::Waiting(line) => line.clone(),
            SaveState::Failed(message) => {
                let reason = [("reason", Arg::Text(message))];
                tr_with(lang, "editor-state-failed", &reason)
            }
            SaveState::SignedOut => SaveState::Failed(tr(lang, "editor-signed-out")).text(lang),
        }
    }

    /// Typing that no save has reached yet (a failed save reached nothing either).
    pub fn unsaved(&self) -> bool {
        matches!(
            self,
            SaveState::Unsaved | SaveState::Saving | SaveState::Failed(_) | SaveState::SignedOut
        )
    }
}

/// The server's message about `field` (a 422 names the field), to show next to it.
pub fn field_message(
    errors: RwSignal<Option<(String, String)>>,
    field: &'static str,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors
            .get()
            .filter(|(name, _)| name == field)
            .map(|(_, message)| message)
    })
}

/// Names one save [`Autosave::start_saving`] started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaveTicket(u64);

/// The save state and the autosave timer of one editor.
#[derive(Clone, Copy)]
pub struct Autosave {
    pub state: RwSignal<SaveState>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Counts saves, so a late check of one never judges the next.
    saves: StoredValue<u64>,
    lang: Lang,
}

impl Autosave {
    /// Starts in `state` and guards the page against losing unsaved typing for as long as
    /// the editor is open. Call it where the editor is built (it reads the page's language).
    pub fn new(state: SaveState) -> Self {
        let state = RwSignal::new(state);
        let lang = crate::i18n::current_lang();
        guard_leaving(state, lang);
        Autosave {
            state,
            timer: StoredValue::new(None),
            saves: StoredValue::new(0),
            lang,
        }
    }

    /// Marks a save under way. Should it bring no answer within [`ANSWER_WITHIN`], the
    /// editor is told, and the typing counts as unsaved again: leaving asks first, and the
    /// next keystroke or Ctrl+S saves anew. (An answer that comes later still counts.)
    pub fn start_saving(&self) -> SaveTicket {
        self.start(Message::new("editor-no-answer"))
    }

    /// As [`Autosave::start_saving`], for the editing bar's write (a publication): Ctrl+S
    /// would save a draft, so the message only asks to try again.
    pub fn start_writing(&self) -> SaveTicket {
        self.start(Message::new("editor-no-answer-write"))
    }

    fn start(&self, no_answer: Message) -> SaveTicket {
        self.state.set(SaveState::Saving);
        let save = self.saves.get_value() + 1;
        self.saves.set_value(save);
        let this = *self;
        set_timeout(
            move || {
                let still_waiting = this.saves.try_get_value() == Some(save)
                    && this.state.try_get_untracked() == Some(SaveState::Saving);
                if still_waiting {
                    this.state
                        .set(SaveState::Failed(no_answer.in_lang(this.lang)));
                }
            },
            ANSWER_WITHIN,
        );
        SaveTicket(save)
    }

    /// The ticket of the latest save or write started.
    pub fn ticket(&self) -> SaveTicket {
        SaveTicket(self.saves.get_value())
    }

    /// Whether the save `ticket` names is still the latest one: the answer to a save that
    /// timed out, and was followed by another, must not undo what the later one shows.
    pub fn latest(&self, ticket: SaveTicket) -> bool {
        self.saves.try_get_value() == Some(ticket.0)
    }

    /// Stops a pending autosave.
    pub fn cancel(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
    }

    /// Runs `action` once no draft save is under way, so a publication never races the
    /// draft save it must name.
    pub fn when_idle(&self, action: impl Fn() + Clone + 'static) {
        match self.state.try_get_untracked() {
            Some(SaveState::Saving) => {
                let this = *self;
                set_timeout(move || this.when_idle(action), Duration::from_millis(200));
            }
            Some(_) => action(),
            // The editor closed meanwhile: nothing is left to do it for.
            None => {}
        }
    }

    /// Marks the work unsaved and runs `save` once typing has stopped for a moment. Typing
    /// while a save is under way leaves it under way: its answer says whether the typing was
    /// in it ([`Autosave::answered`]), and `save` waits for that answer rather than racing it
    /// (a publication's answer, taken over by a draft save, would never be heard).
    pub fn schedule(&self, save: impl Fn() + Clone + 'static) {
        self.typed();
        self.cancel();
        let this = *self;
        // A save that answered meanwhile may have taken the typing already: then nothing is
        // left to save.
        let unsaved = move || this.state.try_get_untracked().is_some_and(|s| s.unsaved());
        let later = move || {
            let save = save.clone();
            this.when_idle(move || {
                if unsaved() {
                    save();
                }
            });
        };
        self.timer
            .set_value(set_timeout_with_handle(later, AUTOSAVE_AFTER).ok());
    }

    /// The editor typed: the work is unsaved, unless a save is under way (its answer says).
    pub fn typed(&self) {
        if self.state.get_untracked() != SaveState::Saving {
            self.state.set(SaveState::Unsaved);
        }
    }

    /// A save's answer came: `done` (what it did) if the editor's work is still what it sent
    /// (`unchanged`), else unsaved, for the typing that went on meanwhile (leaving asks, and
    /// the next save takes it).
    pub fn answered(&self, unchanged: bool, done: SaveState) {
        self.state
            .set(if unchanged { done } else { SaveState::Unsaved });
    }
}

/// Asks before a reload, closing the tab, or following a link while `state` is unsaved.
fn guard_leaving(state: RwSignal<SaveState>, lang: Lang) {
    let unload = window_event_listener(leptos::ev::beforeunload, move |event| {
        if state.get_untracked().unsaved() && !LEAVING_AGREED.get() {
            event.prevent_default();
            event.set_return_value(&leave_question(lang));
        }
    });
    on_cleanup(move || unload.remove());

    // Back and Forward while an editor is open: the page script asks here first, with the
    // site's question, and only then loads the page the browser went to (`island_loader.js`):
    // a browser's question on unloading, answered "stay", would leave that page's address in
    // the address bar.
    Effect::new(move |_| {
        let ask = Closure::<dyn Fn() -> bool>::new(move || may_leave(state, lang)).into_js_value();
        let name = wasm_bindgen::JsValue::from_str(MAY_LEAVE);
        let _ = web_sys::js_sys::Reflect::set(&window(), &name, &ask);
        let ask = SendWrapper::new(ask);
        on_cleanup(move || {
            // Another editor opened meanwhile has put its own there.
            let window = window();
            let name = wasm_bindgen::JsValue::from_str(MAY_LEAVE);
            if web_sys::js_sys::Reflect::get(&window, &name).is_ok_and(|now| now == *ask) {
                let _ = web_sys::js_sys::Reflect::delete_property(&window, &name);
            }
        });
    });

    // Links inside the site may be swapped in without unloading the page (the page script
    // loads pages the usual way while an editor is open, but a click can come first). Its
    // listener (on the window) skips clicks whose default was prevented, so a listener that
    // captures the click on the document answers first.
    Effect::new(move |_| {
        let on_click =
            Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |event: web_sys::MouseEvent| {
                if leaves_the_page(&event) && !may_leave(state, lang) {
                    event.prevent_default();
                    event.stop_propagation();
                }
            })
            .into_js_value();
        let _ = document().add_event_listener_with_callback_and_bool(
            "click",
            on_click.unchecked_ref(),
            true,
        );
        let on_click = SendWrapper::new(on_click);
        on_cleanup(move || {
            let _ = document().remove_event_listener_with_callback_and_bool(
                "click",
                on_click.unchecked_ref(),
                true,
            );
        });
    });
}

/// The function `island_loader.js` asks before Back or Forward leaves an open editor.
const MAY_LEAVE: &str = "notikumiMayLeave";

/// A click the router would follow to another page of the site: on a link, with the main
/// button and no modifier key (those open a new tab), not a download, not a link to a part of
/// this page, and not a link inside the text being edited.
fn leaves_the_page(event: &web_sys::MouseEvent) -> bool {
    if event.button() != 0
        || event.ctrl_key()
        || event.meta_key()
        || event.shift_key()
        || event.alt_key()
    {
        return false;
    }
    let link = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .filter(|element| {
            element
                .closest("[contenteditable]")
                .ok()
                .flatten()
                .is_none()
        })
        .and_then(|element| element.closest("a[href]").ok().flatten());
    link.is_some_and(|link| {
        let href = link.get_attribute("href").unwrap_or_default();
        !href.starts_with('#')
            && !link.has_attribute("download")
            && link
                .get_attribute("target")
                .is_none_or(|target| target == "_self")
    })
}
