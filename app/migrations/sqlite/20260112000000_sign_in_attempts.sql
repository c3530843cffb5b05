-- Sign-in attempts are counted before the password is checked, so attempts made at once are
-- counted one after another. `previous_failure_at` keeps the time of the attempt before the
-- last, which decides whether the last one had to wait. Keys are now
-- "pair:<email>|<address>" and "address:<address>"; the old "account:" rows age out.
ALTER TABLE login_failures ADD COLUMN previous_failure_at INTEGER;
-- Rows untouched for an hour are purged by age.
CREATE INDEX login_failures_age ON login_failures (last_failure_at);
