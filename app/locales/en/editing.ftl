# Editors' tools: the desk, the editors, history and conflicts.

## Editing an article or event where it stands

editor-opening = Opening for editing…
# The editing toolbar, as a named region.
editor-bar = Editing
# The page title while editing.
editor-editing = Editing: { $title }
editor-edit-article = Edit this article
editor-edit-event = Edit this event
editor-save-draft = Save draft
editor-save-event = Save event
editor-publish = Publish
editor-stop = Stop editing
editor-delete = Delete
editor-article-delete-question = Move this article to the trash? It can be restored on the editors' desk.
editor-event-delete-question = Move this event to the trash?
editor-readers-see-published = Readers see the published version.
editor-recurring-note = Recurring event: the dates are those of its first occurrence; the way it repeats stays as it is.

## Where the work stands ($at is a time, or a date and time)

editor-state-unchanged = No changes
editor-state-unsaved = Unsaved changes…
editor-state-saving = Saving…
editor-state-saved = Draft saved at { $at }
editor-state-failed = Could not save: { $reason }
editor-published-at = Published at { $at }
editor-saved-as-draft-at = Saved as a draft at { $at }
# Why a save failed: it follows "Could not save:".
editor-saved-meanwhile = someone else saved their version in the meantime; choose what to keep above the fields
editor-saved-meanwhile-kept = Your draft is saved, but someone else saved their version in the meantime: choose what to keep above the fields
editor-kept-as-draft = Your text is kept as a draft.
editor-choose-first = first choose what to keep, above the fields
editor-choose-first-saved = The draft is saved; first choose what to keep, above the fields
editor-taken-in = Another editor meanwhile saved changes to parts you have not changed since then ({ $parts }): they are now in your text.
editor-no-answer = the server did not answer; your text is still here, try again (Ctrl+S)
editor-no-answer-write = the server did not answer; your text is still here, try again
editor-signed-out = you are no longer signed in; your text is still here: sign in again in another tab, then save (Ctrl+S)
editor-text-in-trash = someone moved this item to the trash; your text is still here: restore the item from the trash on the editors' desk, then save (Ctrl+S)
editor-sign-in-again = Sign in (in a new tab)
editor-leave-question = There are unsaved changes. Leave the page anyway?

## Fields, as the editors, conflicts and history name them

editor-field-title = Title
editor-field-lead = Lead
editor-field-body = Text
editor-field-contact = Contact information
# An event's title.
editor-field-name = Title
# An event's dates and times as one part.
editor-field-when = Date and time
editor-field-location = Location
editor-field-category = Category
editor-field-summary = Short description
editor-field-status = Status
editor-date = Date
# A time of day; also the audit log's column.
editor-time = Time
editor-start = Start
editor-end = End
editor-all-day = All day
editor-no-category = No category
editor-status-unpublished-hidden = Unpublished (hidden from readers)
editor-status-published = Published
# An event's status as conflicts and history compare it.
editor-status-word-published = published
editor-status-word-unpublished = unpublished

## An article's settings

editor-settings = Settings
editor-address = Address: { $path }
editor-address-save = Change address
editor-address-changed = Address changed.
editor-settings-save = Save settings
editor-settings-saved = Settings saved.
editor-changed-meanwhile = Another editor changed the same meanwhile: what they saved is shown now. If you want yours, choose again and save.
editor-choice-first = Another editor changed the text meanwhile: first choose what to keep, then save again.

## The body editor's toolbar

editor-toolbar = Text formatting
editor-format-paragraph = Paragraph
editor-format-heading = Heading
editor-format-bold = Bold
editor-format-italic = Italic
editor-format-link = Link
editor-format-bulleted-list = Bulleted list
editor-format-numbered-list = Numbered list
editor-format-quote = Quotation
editor-format-image = Image
editor-format-describe = Image descriptions (alt text)
editor-describe-image = A description of image { $number } of { $count } for those who cannot see it (alt text)
editor-describe-none = There is no image in the text.
editor-link-question = Link address (https://…)
editor-link-refused = A link can only lead to a web address (https://…), an e-mail address (mailto:…), a phone number (tel:…) or a page of this site (/…).

## Images in the body

upload-choose-image = Choose an image
upload-uploading = Uploading “{ $name }” ({ $size } kB)…
upload-progress = Upload
upload-alt-question = A description of the image for those who cannot see it (alt text)
upload-no-alt = The image has no description: add one before publishing.
upload-not-an-image = The file is not a JPEG, PNG, WebP or GIF image.
upload-too-large = The image is too large: { $max } MB allowed.
upload-too-many-pixels = The image has too many pixels: { $max } megapixels allowed.
upload-unreadable = The image cannot be read: the file may be damaged.
upload-not-stored = The image could not be stored.
upload-not-processed = The image could not be processed.
# An HTTP status code.
upload-failed-status = Error { $status }
upload-in-browser-only = Images are uploaded in the browser.

## Someone else saved meanwhile

conflict-article-heading = Someone else saved this article while you were editing it
conflict-event-heading = Someone else saved this event while you were editing it
conflict-older-draft-heading = This draft was begun on an older version: a newer one has been saved since
conflict-undoes-heading = While you were editing, someone else changed what readers see: publishing would undo it
hidden-meanwhile-heading = While you were editing, someone else hid this from readers
hidden-meanwhile-text = Readers do not see it now. If you publish, they will see it again.
hidden-meanwhile-publish = Publish anyway
hidden-meanwhile-keep = Don't publish
conflict-intro = Nothing is lost. For each part that differs, choose what to keep, then save.
# $who: an editor's e-mail address and a time, or one of the versions below.
conflict-theirs-by = The other version: { $who }
conflict-mine = Your version
conflict-theirs = The other version
conflict-only-theirs = Only the other version changed this part, so it is kept unless you choose otherwise.
conflict-keep-mine = Keep mine
conflict-keep-theirs = Keep the other
conflict-keep-both = Keep both
conflict-save = Save what was chosen
conflict-save-and-publish = Save what was chosen and publish
conflict-save-to-event = Save what was chosen to the event
conflict-saved-version = the saved version
conflict-other-editor = another editor

## Version history

history-heading = Version history
history-loading = Loading the history…
history-version = Version { $version }
history-current = current version
history-original = original version
history-restore = Restore version { $version }
history-restored = Version { $version } restored as version { $new }. Reloading the page…
history-restore-question = Restore version { $version }? It becomes the newest version; the current one is kept in the history.
history-restore-unsaved = Your unsaved changes will be lost.
history-restored-now = Version { $version } restored as version { $new }.
history-compare-from = Compare from
history-compare-to = to
history-compare = Compare
history-differences = Differences between versions { $older } and { $newer }

## Translating ($language is the language's own name: English, Русский)

translation-start = Translate into English
translation-page-title = Translating ({ $language }): { $title }
translation-visibility = Translation: { $language }. Readers see it as soon as it is saved.
translation-save = Save translation
translation-saved-at = Translation saved at { $at }
translation-conflict-heading = Someone else saved this translation while you were writing it
translation-conflict-other = another editor's translation
translation-source-changed = The Latvian text has changed since this translation was saved: { $parts }. Check that the translation still matches it.
translation-source-show = Show the changes to the Latvian text
translation-source-hide = Hide the changes
translation-source-differences = Changes to the Latvian text since the translation

## The editors' desk and the audit log

desk-heading = Editors' desk
desk-description = Drafts and the trash.
desk-new-article = + New article
desk-drafts = Unpublished articles and events
desk-no-drafts = There are no unpublished articles or events.
desk-trash = Trash
desk-trash-empty = The trash is empty.
desk-event = Event
# Also the audit log's column of items.
desk-article = Article
desk-audit-item = Item
desk-deleted-at = deleted { $when }
desk-restore = Restore “{ $title }”
desk-restored = Restored as a draft.
desk-trashed = Moved to the trash; it can be restored below.
desk-audit-log = Activity log
desk-audit-page = Page { $page }
desk-audit-description = Who changed what.
desk-audit-latest = Latest actions
desk-audit-empty = The log holds no actions yet.
desk-audit-who = Who
desk-audit-action = Action

## Adding and moving events on the month grid ($date as in date-long)

editor-add-event = Add an event
editor-add-event-on = Add an event: { $date }
editor-month-help = For editors: “+” on a day adds an event; an event can be dragged to another day, or, on its day, press M, choose a day with the arrow keys and press Enter. On a touch screen: tap ⇄ next to the event, then the day.
editor-move-event = Move “{ $title }” to another day
editor-move-by-keys = Moving “{ $title }”: choose a day with the arrow keys and press Enter; Esc cancels.
editor-move-by-touch = Moving “{ $title }”: tap the day to move it to; Esc cancels.
editor-move-nothing = There is no event on this day to move.
editor-move-series = A repeating event is not moved one occurrence at a time: change its start in the event's editor.
editor-move-cancelled = Move cancelled.
editor-moved = “{ $title }” moved to { $date }.
editor-move-failed = Could not move “{ $title }”: { $reason }
editor-move-in-trash = someone moved it to the trash; it can be restored on the editors' desk.

## The audit log's actions

audit-created = created
audit-changed = changed
audit-published = published
audit-changed-settings = changed settings
# A settings change that published the article, or hid it from readers.
audit-shown = showed to readers
audit-hidden = hid from readers
audit-changed-address = changed the address
audit-deleted = deleted
audit-restored = restored
audit-moved = moved to { $day }
audit-translated = { $code ->
    [ru] translated into Russian
   *[other] translated into English
}
audit-restored-version = restored version { $version }
