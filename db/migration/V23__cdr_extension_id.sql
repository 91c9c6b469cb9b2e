-- Call records (issue 5): each call names the extension it belongs to by id, not only by number.
-- An extension's number is free again as soon as it is deleted (V12: live_number); a customer user
-- reads the calls of their own extensions, so a reused number must not show them the calls of the
-- extension that held it before (cdr.control.CallRecords reads by extension_id).

-- The extension that held the number on the call when it was recorded (cdr.control.CallRecorder:
-- the live extension of that number in the account); NULL when none did (a DID without an
-- extension, an unknown number) — such calls are in the account's list, in no user's.
ALTER TABLE cdr
    ADD COLUMN extension_id BIGINT NULL COMMENT 'extension.id of the number on the call when recorded; NULL when none' AFTER extension,
    -- A customer user's list: equality on their extension(s), then the page's order (see V14).
    ADD KEY cdr_extension_id_ix (account_id, extension_id, start_time, id);

-- Calls recorded before this migration: the extension that held the number at the call's start
-- (created before it, not yet deleted then), so a number deleted and reused before today keeps
-- each holder's calls apart too.
UPDATE cdr c
JOIN extension e ON e.account_id = c.account_id AND e.number = c.extension
    AND e.created_at <= c.start_time AND (e.deleted_at IS NULL OR e.deleted_at > c.start_time)
SET c.extension_id = e.id
WHERE c.extension <> '';
