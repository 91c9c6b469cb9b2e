-- One-time links for every purpose of issue 3: an administrator's MFA reset sends the user a link
-- to enrol a new authenticator; an e-mail change is confirmed from the new address. The token may
-- carry a small payload (the new address), never a secret.
ALTER TABLE one_time_token
    DROP CONSTRAINT one_time_token_purpose_chk,
    ADD CONSTRAINT one_time_token_purpose_chk
        CHECK (purpose IN ('SETUP', 'INVITATION', 'PASSWORD_RESET', 'MFA_RESET', 'EMAIL_CHANGE')),
    ADD COLUMN payload VARCHAR(254) NULL AFTER user_id;
