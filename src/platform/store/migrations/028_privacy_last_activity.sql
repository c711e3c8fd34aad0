-- When the person last signed in (a session opened: password, link, ProConnect), for the
-- retention of idle accounts (privacy/retention_rules.hpp). NULL until then: the account's
-- creation counts. Existing accounts start from their latest session still stored.
ALTER TABLE users ADD COLUMN last_active_at BIGINT;
UPDATE users SET last_active_at = (SELECT MAX(s.created_at) FROM web_sessions s WHERE s.user_id = users.id);
