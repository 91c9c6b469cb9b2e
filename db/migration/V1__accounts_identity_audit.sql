-- Walking skeleton: the account tree, users with roles and MFA, one-time tokens, the audit trail.
-- All times are UTC, stored as DATETIME(6) (no implicit time-zone conversion, no 2038 limit).

CREATE TABLE account (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    parent_id   BIGINT       NULL,
    kind        VARCHAR(16)  NOT NULL,
    name        VARCHAR(120) NOT NULL,
    status      VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE',
    created_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT account_parent_fk FOREIGN KEY (parent_id) REFERENCES account (id),
    CONSTRAINT account_kind_chk CHECK (kind IN ('PLATFORM', 'RESELLER', 'CUSTOMER')),
    CONSTRAINT account_status_chk CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    CONSTRAINT account_root_chk CHECK ((kind = 'PLATFORM') = (parent_id IS NULL)),
    KEY account_parent_ix (parent_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The platform account is the root of the tree; everything else hangs below it.
INSERT INTO account (id, parent_id, kind, name, status, created_at)
VALUES (1, NULL, 'PLATFORM', 'Dialtone platform', 'ACTIVE', UTC_TIMESTAMP(6));

CREATE TABLE app_user (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    account_id       BIGINT       NOT NULL,
    email            VARCHAR(254) NOT NULL,
    display_name     VARCHAR(120) NULL,
    status           VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
    password_hash    VARCHAR(255) NULL,
    totp_secret      VARCHAR(255) NULL COMMENT 'AES-GCM ciphertext with key id, never plain',
    totp_last_step   BIGINT       NULL COMMENT 'last accepted RFC 6238 time step: a step is usable once',
    failed_attempts  INT          NOT NULL DEFAULT 0,
    locked_until     DATETIME(6)  NULL,
    locale           VARCHAR(8)   NULL,
    last_sign_in_at  DATETIME(6)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT app_user_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT app_user_status_chk CHECK (status IN ('PENDING', 'ACTIVE', 'DISABLED')),
    UNIQUE KEY app_user_email_uk (email),
    KEY app_user_account_ix (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE user_role (
    user_id  BIGINT      NOT NULL,
    role     VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT user_role_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT user_role_chk CHECK (role IN ('CUSTOMER_USER', 'CUSTOMER_ADMIN', 'RESELLER_ADMIN',
                                             'SUPPORT_AGENT', 'PLATFORM_ADMIN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE recovery_code (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    user_id    BIGINT       NOT NULL,
    code_hash  CHAR(64)     NOT NULL COMMENT 'SHA-256 of a 100-bit random code',
    used_at    DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT recovery_code_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    UNIQUE KEY recovery_code_hash_uk (user_id, code_hash)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- One-time links (first-run setup now, invitations and password resets later).
CREATE TABLE one_time_token (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    purpose     VARCHAR(16)  NOT NULL,
    token_hash  CHAR(64)     NOT NULL COMMENT 'SHA-256 of the token; the token itself is never stored',
    user_id     BIGINT       NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6)  NULL,
    voided_at   DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT one_time_token_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT one_time_token_purpose_chk CHECK (purpose IN ('SETUP', 'INVITATION', 'PASSWORD_RESET')),
    UNIQUE KEY one_time_token_hash_uk (token_hash),
    KEY one_time_token_purpose_ix (purpose, used_at, voided_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only, tamper-evident: row_hash = SHA-256(prev_hash + canonical content of the row).
CREATE TABLE audit_event (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at   DATETIME(6)   NOT NULL,
    actor         VARCHAR(254)  NULL,
    on_behalf_of  VARCHAR(254)  NULL,
    action        VARCHAR(64)   NOT NULL,
    target        VARCHAR(254)  NULL,
    result        VARCHAR(16)   NOT NULL,
    source_ip     VARCHAR(45)   NULL,
    detail        VARCHAR(1000) NULL,
    prev_hash     CHAR(64)      NOT NULL,
    row_hash      CHAR(64)      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT audit_event_result_chk CHECK (result IN ('SUCCESS', 'FAILURE', 'DENIED')),
    KEY audit_event_actor_ix (actor, occurred_at, id),
    KEY audit_event_time_ix (occurred_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A single row that serialises appends to the chain (SELECT ... FOR UPDATE) and remembers its tip.
CREATE TABLE audit_chain_head (
    id         TINYINT   NOT NULL,
    last_id    BIGINT    NOT NULL,
    last_hash  CHAR(64)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT audit_chain_head_single_chk CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

INSERT INTO audit_chain_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
