-- Whether readers saw the item at an old address (it had been published when it moved away),
-- so links to it may be out there: an address made from a title passes such an address by.
-- The addresses a new item's title gave it before it was first published were nobody's
-- links, and are taken again. Before this column, old addresses came only from an editor's change of
-- address (logged "changed address") or from a never-published item's title: an old address
-- counts as seen when an editor moved the item and it has been published since, a guess on
-- the safe side that at worst passes by an address nobody has links to.
ALTER TABLE previous_addresses ADD COLUMN seen BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE previous_addresses SET seen = TRUE
    WHERE ((kind = 'article'
            AND item_id IN (SELECT id FROM articles WHERE was_published))
        OR (kind = 'event'
            AND item_id IN (SELECT id FROM events WHERE was_published)))
      AND EXISTS (SELECT 1 FROM audit_log a
                  WHERE a.item_kind = previous_addresses.kind
                    AND a.item_id = previous_addresses.item_id
                    AND a.action = 'changed address');
