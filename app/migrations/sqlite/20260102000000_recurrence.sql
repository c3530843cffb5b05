-- Recurring events (RFC 5545 RRULE, expanded on demand, never one row per occurrence), and the
-- length of each event, so a date-range query can bound how far back it looks for starts.
ALTER TABLE events ADD COLUMN rrule TEXT;
-- Comma-separated Riga wall-clock starts of skipped occurrences, YYYYMMDDTHHMMSS.
ALTER TABLE events ADD COLUMN exdates TEXT NOT NULL DEFAULT '';
-- When the last occurrence ends; NULL for a series without end (and for single events).
ALTER TABLE events ADD COLUMN series_end INTEGER;
ALTER TABLE events ADD COLUMN span_seconds INTEGER NOT NULL DEFAULT 0;
UPDATE events SET span_seconds = ends_at - starts_at;

DROP INDEX events_published_end;
CREATE INDEX events_published_span ON events (status, span_seconds);
CREATE INDEX events_recurring ON events (status, starts_at) WHERE rrule IS NOT NULL;
