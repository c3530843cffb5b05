-- Which opened translation editor (one browser tab) saved a translation, and which of its saves
-- it was, as for shared drafts (20260118000000_draft_writer.sql): a later save from the same
-- editor whose earlier answer was lost goes over its own translation instead of meeting it as
-- another translator's. The server makes the mark when it renders the page the editor opens
-- on. Translations saved before have neither.
ALTER TABLE article_translations ADD COLUMN writer TEXT;
ALTER TABLE article_translations ADD COLUMN writer_save INTEGER;
ALTER TABLE event_translations ADD COLUMN writer TEXT;
ALTER TABLE event_translations ADD COLUMN writer_save INTEGER;
