-- Whether readers saw the item at an old address (it had been published when it moved away),
-- so links to it may be out there: an address made from a title passes such an address by.
-- The addresses a new item's title gave it before it was first published were nobody's
-- links, and are taken again. Before this column, an old address counts as seen when its
-- item has been published since: a guess on the safe side, which at worst passes by an
-- address nobody has links to.
ALTER TABLE previous_addresses ADD COLUMN seen BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE previous_addresses SET seen = TRUE
    WHERE (kind = 'article'
           AND item_id IN (SELECT id FROM articles WHERE was_published))
       OR (kind = 'event'
           AND item_id IN (SELECT id FROM events WHERE was_published));
