-- Moves on in every transaction that writes what readers see (storage/changes.rs): a running
-- server polls it to notice such writes made by other processes on the same file (an
-- operator's command). PostgreSQL announces writes with NOTIFY instead.
CREATE TABLE content_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n INTEGER NOT NULL
);
INSERT INTO content_generation (id, n) VALUES (1, 0);
