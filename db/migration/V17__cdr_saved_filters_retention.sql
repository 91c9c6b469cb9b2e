-- Call records (issue 5, items 4-6): each user's saved CDR filters, and each account's retention.

-- A user's named filters of the CDR page. The filter is the page's own compact encoding
-- (cdr.control.SavedCriteria: key=value pairs); read and written only for the user who owns it.
CREATE TABLE cdr_saved_filter (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    user_id     BIGINT       NOT NULL,
    name        VARCHAR(60)  NOT NULL,
    criteria    VARCHAR(500) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY cdr_saved_filter_uk (user_id, name),
    CONSTRAINT cdr_saved_filter_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- How many months of call records an account keeps, when it is not the default (24). Never below
-- 12 (the provider's policy tells customers to review their calls; a year is the floor). The
-- nightly retention job (cdr.control.CdrRetentionSweep) drops whole monthly partitions older than
-- every account's retention allows, and deletes older rows of accounts with a shorter one.
CREATE TABLE cdr_retention (
    account_id  BIGINT       NOT NULL,
    months      SMALLINT     NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (account_id),
    KEY cdr_retention_months_ix (months, account_id),
    CONSTRAINT cdr_retention_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT cdr_retention_months_chk CHECK (months BETWEEN 12 AND 120)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
