-- Usage limits (issue 4, item 4; SECURITY.md E3, E4). The caps granted from above (reseller or
-- platform) stay in account (daily_spend_cap ...); this adds what the usage component owns:
--
-- usage_limit            the customer administrator's own working limits, at most the granted caps
--                        (NULL: none of their own; the granted cap alone applies)
-- usage_extension_limit  concurrent-call cap per extension, set by the customer administrator
-- limit_request          a request to raise a granted cap: PENDING, then APPROVED or REFUSED by
--                        the reseller (or platform) administrator; an approved temporary raise
--                        (ends_on) is ENDED by the daily job, which restores previous_amount
-- usage_alert            the 80 % / 100 % alerts sent, one row per cap, period and threshold: the
--                        primary key makes "at most once per cap and period" hold across nodes
-- usage_notice           the portal notices of an account (alerts, decisions, ended raises)
--
-- Amounts are in the account's currency (spend) or whole minutes / calls (the others).
CREATE TABLE usage_limit (
    account_id        BIGINT        NOT NULL,
    daily_spend       DECIMAL(12,2) NULL,
    monthly_spend     DECIMAL(12,2) NULL,
    monthly_minutes   INT           NULL,
    concurrent_calls  INT           NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id),
    CONSTRAINT usage_limit_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT usage_limit_values_chk CHECK (
        (daily_spend IS NULL OR daily_spend >= 0) AND (monthly_spend IS NULL OR monthly_spend >= 0)
        AND (monthly_minutes IS NULL OR monthly_minutes >= 0)
        AND (concurrent_calls IS NULL OR concurrent_calls >= 0))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE usage_extension_limit (
    account_id        BIGINT       NOT NULL,
    extension         VARCHAR(8)   NOT NULL,
    concurrent_calls  INT          NOT NULL,
    PRIMARY KEY (account_id, extension),
    CONSTRAINT usage_extension_limit_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT usage_extension_limit_chk CHECK (concurrent_calls >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE limit_request (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    account_id        BIGINT        NOT NULL,
    cap               VARCHAR(24)   NOT NULL,
    amount            DECIMAL(12,2) NOT NULL,
    reason            VARCHAR(500)  NOT NULL,
    ends_on           DATE          NULL,
    status            VARCHAR(16)   NOT NULL,
    requested_by      BIGINT        NOT NULL,
    requested_at      DATETIME(6)   NOT NULL,
    decided_by        BIGINT        NULL,
    decided_at        DATETIME(6)   NULL,
    decision_comment  VARCHAR(500)  NULL,
    previous_amount   DECIMAL(12,2) NULL,
    ended_at          DATETIME(6)   NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT limit_request_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT limit_request_cap_chk CHECK (cap IN ('DAILY_SPEND', 'MONTHLY_SPEND', 'MONTHLY_MINUTES', 'CONCURRENT_CALLS')),
    CONSTRAINT limit_request_status_chk CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED', 'ENDED')),
    CONSTRAINT limit_request_amount_chk CHECK (amount >= 0),
    KEY limit_request_account_ix (account_id, requested_at),
    KEY limit_request_status_ix (status, ends_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE usage_alert (
    account_id    BIGINT       NOT NULL,
    cap           VARCHAR(24)  NOT NULL,
    period_start  DATE         NOT NULL,
    threshold     INT          NOT NULL,
    sent_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (account_id, cap, period_start, threshold),
    CONSTRAINT usage_alert_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE usage_notice (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    account_id   BIGINT        NOT NULL,
    kind         VARCHAR(24)   NOT NULL,
    cap          VARCHAR(24)   NOT NULL,
    amount       VARCHAR(40)   NULL,
    detail       VARCHAR(500)  NULL,
    created_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT usage_notice_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    KEY usage_notice_account_ix (account_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
