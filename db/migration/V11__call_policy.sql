-- Call policy (issue 4, items 3 and 5): what an account's extensions may dial.
--
-- Stored here are the settings people change; the application compiles them per account into an
-- in-memory form (callpolicy.control.AccountPolicy) and answers every call from that, so these
-- tables are read once per account and change, never per call. Numbers and prefixes are stored
-- in E.164 form ('+' and up to 15 digits), as libphonenumber normalizes what people dial.
-- Extensions are named by account and number: the extension table (another part of issue 4) may
-- add a foreign key to them once it exists.

-- One row per account that changed a default; an account without one has the defaults below.
-- International and premium are blocked until the customer allows them (SECURITY.md E1).
CREATE TABLE call_policy_account (
    account_id           BIGINT      NOT NULL,
    block_international  BOOLEAN     NOT NULL DEFAULT TRUE,
    block_long_distance  BOOLEAN     NOT NULL DEFAULT FALSE,
    block_premium        BOOLEAN     NOT NULL DEFAULT TRUE,
    version              BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id),
    CONSTRAINT call_policy_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An extension's narrowing: its class of service and blocks added to the account's (an extension
-- can only block more, never lift an account block). An extension without a row may call internal
-- and emergency numbers only, so a missing row never opens the way out.
CREATE TABLE call_policy_extension (
    id                   BIGINT      NOT NULL AUTO_INCREMENT,
    account_id           BIGINT      NOT NULL,
    extension_number     VARCHAR(8)  NOT NULL,
    class_of_service     VARCHAR(16) NOT NULL,
    block_international  BOOLEAN     NOT NULL DEFAULT FALSE,
    block_long_distance  BOOLEAN     NOT NULL DEFAULT FALSE,
    block_premium        BOOLEAN     NOT NULL DEFAULT FALSE,
    version              BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT call_policy_extension_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT call_policy_extension_number_chk CHECK (CAST(extension_number AS BINARY) REGEXP '^[0-9]{1,8}$'),
    CONSTRAINT call_policy_extension_cos_chk
        CHECK (class_of_service IN ('INTERNAL_ONLY', 'LOCAL', 'NATIONAL', 'INTERNATIONAL')),
    UNIQUE KEY call_policy_extension_uk (account_id, extension_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The account's lists, one row per entry, so each entry has an id a decision can name
-- ("blocked by rule 42"). Kinds:
--   ALLOW_COUNTRY    rule_value = ISO 3166 region (GB): international allowed there (account only)
--   LOCAL_AREA_CODE  rule_value = prefix of the national number (613; 20 in London) (account only)
--   ALLOW_NUMBER     rule_value = E.164 number, always allowed (account, or one extension)
--   BLOCK_NUMBER     rule_value = E.164 number, blocked (account, or one extension)
--   BLOCK_PREFIX     rule_value = '+' and digits, every number starting so is blocked (account, or one
--                    extension)
-- scope makes "the account itself" ('') a value the unique key can compare (NULLs never collide).
CREATE TABLE call_policy_rule (
    id                BIGINT      NOT NULL AUTO_INCREMENT,
    account_id        BIGINT      NOT NULL,
    extension_number  VARCHAR(8)  NULL COMMENT 'NULL: the whole account',
    kind              VARCHAR(16) NOT NULL,
    rule_value        VARCHAR(16) NOT NULL,
    created_at        DATETIME(6) NOT NULL,
    scope             VARCHAR(8)  AS (COALESCE(extension_number, '')) PERSISTENT,
    PRIMARY KEY (id),
    CONSTRAINT call_policy_rule_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT call_policy_rule_kind_chk
        CHECK (kind IN ('ALLOW_COUNTRY', 'LOCAL_AREA_CODE', 'ALLOW_NUMBER', 'BLOCK_NUMBER', 'BLOCK_PREFIX')),
    CONSTRAINT call_policy_rule_extension_chk
        CHECK (extension_number IS NULL
               OR CAST(extension_number AS BINARY) REGEXP '^[0-9]{1,8}$'
                  AND kind IN ('ALLOW_NUMBER', 'BLOCK_NUMBER', 'BLOCK_PREFIX')),
    CONSTRAINT call_policy_rule_value_chk
        CHECK (CASE kind
                 WHEN 'ALLOW_COUNTRY' THEN CAST(rule_value AS BINARY) REGEXP '^[A-Z]{2}$'
                 WHEN 'LOCAL_AREA_CODE' THEN CAST(rule_value AS BINARY) REGEXP '^[0-9]{1,6}$'
                 WHEN 'BLOCK_PREFIX' THEN CAST(rule_value AS BINARY) REGEXP '^[+][0-9]{1,15}$'
                 ELSE CAST(rule_value AS BINARY) REGEXP '^[+][1-9][0-9]{1,14}$'
               END),
    UNIQUE KEY call_policy_rule_uk (account_id, scope, kind, rule_value)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Platform-wide blocked ranges: high-risk prefixes no customer rule can lift. Managed by platform
-- administrators; read whole into memory (a few hundred rows at most).
CREATE TABLE platform_blocked_range (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    prefix      VARCHAR(16)  NOT NULL COMMENT '+ and digits',
    note        VARCHAR(200) NULL COMMENT 'why, for the platform administrators',
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT platform_blocked_range_prefix_chk CHECK (CAST(prefix AS BINARY) REGEXP '^[+][0-9]{1,15}$'),
    UNIQUE KEY platform_blocked_range_uk (prefix)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Starting set: the non-geographic ranges that toll-fraud reports name first (satellite and
-- international networks, international premium rate). No business customer of a Canadian/US
-- hosted PBX needs them; a platform administrator may remove a row.
INSERT INTO platform_blocked_range (prefix, note, created_at) VALUES
    ('+870', 'Inmarsat satellite (ITU-T E.164 global service)', UTC_TIMESTAMP(6)),
    ('+881', 'Global mobile satellite systems', UTC_TIMESTAMP(6)),
    ('+882', 'International networks (revenue-share fraud)', UTC_TIMESTAMP(6)),
    ('+883', 'International networks (revenue-share fraud)', UTC_TIMESTAMP(6)),
    ('+979', 'International premium rate service', UTC_TIMESTAMP(6));
