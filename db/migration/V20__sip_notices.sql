-- Portal notices from the SIP registrar (issue 6): one row per recipient, shown on the extension
-- pages (customers) and the bans page (platform administrators) until the recipient dismisses it.
--
--   DEVICE_OFFLINE  every registration of an extension expired or was removed (subject = number)
--   FAILURE_BURST   someone is guessing an extension's password (subject = number, detail = count)
--   SOURCE_BANNED   the registrar banned a source address (subject = address, detail = reason)
--
-- dedupe_key makes "at most once" hold across nodes and repeated events: the writer inserts with
-- INSERT IGNORE and mails only the recipients whose row was new. Keys: 'offline:<extension id>:
-- <last seen, epoch ms>' (once per offline transition), 'burst:<extension id>:<window number>'
-- (once per extension and window), 'ban:<address>:<since, epoch ms>' (once per ban).
CREATE TABLE sip_notice (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    user_id       BIGINT       NOT NULL,
    account_id    BIGINT       NOT NULL COMMENT 'the account the notice is about',
    extension_id  BIGINT       NULL,
    kind          VARCHAR(24)  NOT NULL,
    subject       VARCHAR(64)  NOT NULL,
    detail        VARCHAR(64)  NULL,
    occurred_at   DATETIME(6)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    dismissed_at  DATETIME(6)  NULL,
    dedupe_key    VARCHAR(128) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT sip_notice_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT sip_notice_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT sip_notice_kind_chk CHECK (kind IN ('DEVICE_OFFLINE', 'FAILURE_BURST', 'SOURCE_BANNED')),
    UNIQUE KEY sip_notice_once_uk (user_id, dedupe_key),
    KEY sip_notice_open_ix (user_id, dismissed_at, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
