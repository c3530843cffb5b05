-- Which opened editor (one browser tab) saved a shared draft, and which of its saves it was:
-- the mark the server gave that editor when it opened the item (`EditableItem::writer`) and
-- the number the editor gave the save, counting up. A later save or publication from the
-- same editor, although it names an older draft (the answer to this one was lost on the
-- way), is that editor's text going on: it goes over the draft instead of meeting it as
-- someone else's. An earlier one arriving late does not. Drafts saved before have neither.
ALTER TABLE article_drafts ADD COLUMN writer TEXT;
ALTER TABLE article_drafts ADD COLUMN writer_save INTEGER;
ALTER TABLE event_drafts ADD COLUMN writer TEXT;
ALTER TABLE event_drafts ADD COLUMN writer_save INTEGER;
