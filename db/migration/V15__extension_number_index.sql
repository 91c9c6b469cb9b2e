-- Support finds customers by extension number (issue 3, item 7): an index on the live number alone,
-- so the lookup never scans every account's extensions.
CREATE INDEX extension_live_number_ix ON extension (live_number);
