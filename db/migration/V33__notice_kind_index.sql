-- The support and customer administrator home pages count, per customer account, the bursts of
-- failed phone registrations (someone guessing an extension's password) its administrators were
-- told of lately: the notices of one kind since a time, grouped by account.
CREATE INDEX portal_notice_kind_ix ON portal_notice (kind, created_at, account_id);
