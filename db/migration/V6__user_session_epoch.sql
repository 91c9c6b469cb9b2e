-- SECURITY.md C5: disabling a user (or resetting their MFA, or a password change) ends their
-- sessions. Each session remembers the epoch it signed in with; moving the epoch on ends them all
-- at their next request, on every node, without a session registry.
ALTER TABLE app_user
    ADD COLUMN session_epoch BIGINT NOT NULL DEFAULT 0 AFTER last_sign_in_at;
