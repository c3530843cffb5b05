-- Whether readers ever saw the event, as `articles.was_published` says it of articles: so an
-- editor is told a hidden event from one never published, also after the trash (which makes
-- an item a draft without keeping a revision). Before this column, an event readers saw is
-- one published now, one with a published version kept, one the audit log says was
-- published, or one that was not made by an editor (the demo, an import).
ALTER TABLE events ADD COLUMN was_published BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE events SET was_published = TRUE
    WHERE status = 'published'
       OR EXISTS (SELECT 1 FROM event_revisions r
                  WHERE r.event_id = events.id AND r.status = 'published')
       OR EXISTS (SELECT 1 FROM audit_log
                  WHERE item_kind = 'event' AND item_id = events.id AND action = 'published')
       OR NOT EXISTS (SELECT 1 FROM audit_log
                      WHERE item_kind = 'event' AND item_id = events.id
                        AND action = 'created');
