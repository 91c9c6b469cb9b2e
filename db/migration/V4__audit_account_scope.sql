-- The account an audit event concerns, so each administrator sees the events of their subtree.
-- Part of the hashed content of the row (AuditHash), like every other column.
ALTER TABLE audit_event
    ADD COLUMN account_id BIGINT NULL AFTER on_behalf_of,
    ADD KEY audit_event_account_ix (account_id, occurred_at, id);
