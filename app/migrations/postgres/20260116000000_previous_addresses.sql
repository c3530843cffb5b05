-- The addresses editors moved items away from: a reader following an old link (a bookmark, a
-- search result, a press release) is sent on to where the item is now.
CREATE TABLE previous_addresses (
    kind TEXT NOT NULL,
    slug TEXT NOT NULL,
    item_id BIGINT NOT NULL,
    PRIMARY KEY (kind, slug)
);
