-- SECURITY.md J: audit rows are append-only for the application. Rows are inserted once, with their
-- final hash; nothing updates or deletes them (retention will drop whole partitions with the
-- migration user). A changed row would still be caught by the hash chain; these triggers stop it.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';
