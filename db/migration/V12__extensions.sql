-- Extensions (issue 4, item 1 and 2): an account's extensions, their SIP digest credentials and
-- voicemail PINs.
--
-- Numbers: 2 to 6 digits for every account (callpolicy's ExtensionRange.DEFAULT), never an
-- emergency number (checked by the application). Unique per account among extensions that are not
-- deleted: a deleted extension keeps its row (history: audit rows and CDRs name it by id and
-- number) but frees its number, through live_number, which is NULL once deleted (NULLs never
-- collide in a unique key).
--
-- SIP credentials: the secret itself is never stored. Stored is what RFC 7616 / RFC 8760 digest
-- needs, HA1 = H(sip_user ":" realm ":" secret) for SHA-256 and MD5, each AES-256-GCM encrypted
-- by the application (platform.control.DataCipher, 'v1:<key id>:<base64>'). sip_user is the
-- extension number; realm is the account's SIP domain ('<account number>.sip.<base domain>',
-- lower case), copied here so the registrar finds a credential by (realm, sip_user) with one index.
-- Deleting an extension wipes its HA1 values.
--
-- Voicemail PIN: a PBKDF2 hash (the password hasher's format), a flag forcing a change after an
-- administrator's reset, and the failure counter / lock of the voicemail system's PIN checks.
-- last_registered_at / last_call_at are written by the SIP and CDR sides ("not used for N days").
CREATE TABLE extension (
    id                      BIGINT       NOT NULL AUTO_INCREMENT,
    account_id              BIGINT       NOT NULL,
    number                  VARCHAR(8)   NOT NULL,
    display_name            VARCHAR(120) NOT NULL,
    type                    VARCHAR(16)  NOT NULL,
    status                  VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE',
    assigned_user_id        BIGINT       NULL,
    realm                   VARCHAR(200) NOT NULL,
    ha1_sha256              VARCHAR(255) NULL COMMENT 'AES-GCM ciphertext with key id, never plain',
    ha1_md5                 VARCHAR(255) NULL COMMENT 'AES-GCM ciphertext with key id, never plain',
    secret_changed_at       DATETIME(6)  NULL,
    max_registrations       INT          NOT NULL DEFAULT 1,
    continuity_destination  VARCHAR(32)  NULL,
    pin_hash                VARCHAR(255) NULL COMMENT 'PBKDF2 hash, never plain',
    pin_must_change         BOOLEAN      NOT NULL DEFAULT FALSE,
    pin_failures            INT          NOT NULL DEFAULT 0,
    pin_locked_until        DATETIME(6)  NULL,
    last_registered_at      DATETIME(6)  NULL,
    last_call_at            DATETIME(6)  NULL,
    created_at              DATETIME(6)  NOT NULL,
    deleted_at              DATETIME(6)  NULL,
    version                 BIGINT       NOT NULL DEFAULT 0,
    live_number             VARCHAR(8)   AS (CASE WHEN status <> 'DELETED' THEN number END) PERSISTENT,
    PRIMARY KEY (id),
    CONSTRAINT extension_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT extension_user_fk FOREIGN KEY (assigned_user_id) REFERENCES app_user (id),
    CONSTRAINT extension_number_chk CHECK (CAST(number AS BINARY) REGEXP '^[0-9]{1,8}$'),
    CONSTRAINT extension_type_chk CHECK (type IN ('USER', 'AUTO_ATTENDANT', 'VOICEMAIL', 'COMMON_AREA')),
    CONSTRAINT extension_status_chk CHECK (status IN ('ACTIVE', 'DISABLED', 'DELETED')),
    CONSTRAINT extension_max_registrations_chk CHECK (max_registrations BETWEEN 1 AND 5),
    CONSTRAINT extension_secret_chk CHECK (status = 'DELETED' OR (ha1_sha256 IS NOT NULL AND ha1_md5 IS NOT NULL)),
    UNIQUE KEY extension_live_number_uk (account_id, live_number),
    KEY extension_realm_ix (realm, live_number),
    KEY extension_user_ix (assigned_user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The hashes of an extension's previous PINs, newest first by id; the policy reads the last 4.
CREATE TABLE voicemail_pin_history (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    extension_id  BIGINT       NOT NULL,
    pin_hash      VARCHAR(255) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT voicemail_pin_history_extension_fk FOREIGN KEY (extension_id) REFERENCES extension (id),
    KEY voicemail_pin_history_extension_ix (extension_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
