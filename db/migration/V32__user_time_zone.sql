-- A user's own time zone (My profile): the portal shows their times in it; NULL shows them in their
-- account's zone (account.time_zone), as before. An IANA zone id, checked by identity.control.
ALTER TABLE app_user
    ADD COLUMN time_zone VARCHAR(64) NULL COMMENT 'IANA zone id chosen by the user; NULL: the account''s zone' AFTER locale;
