-- Account profile and usage caps (issue 3). A cap left NULL means "no cap".
--
-- account_number is the human-friendly number people quote to support: a prefix by kind (P-, R-,
-- C-) and six digits from a sequence, never reused, unique. The BEFORE INSERT trigger assigns it on
-- every insert (the application's and hand-written ones alike); a value given in the INSERT is
-- replaced. (A column DEFAULT with NEXT VALUE FOR cannot be added by ALTER TABLE: MariaDB refuses it
-- with "ALTER command denied" on the sequence, whatever the grants.) The sequence stops at 999999:
-- widen the format before then. With binary logging on, creating the trigger needs SUPER or
-- log_bin_trust_function_creators=1.

CREATE SEQUENCE account_number_seq START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 999999 NOCACHE NOCYCLE;

ALTER TABLE account
    ADD COLUMN account_number        VARCHAR(16)   NULL AFTER name,
    ADD COLUMN country               CHAR(2)       NOT NULL DEFAULT 'CA',
    ADD COLUMN time_zone             VARCHAR(64)   NOT NULL DEFAULT 'America/Toronto',
    ADD COLUMN language              CHAR(2)       NOT NULL DEFAULT 'en',
    ADD COLUMN billing_email         VARCHAR(254)  NULL,
    ADD COLUMN currency              CHAR(3)       NOT NULL DEFAULT 'CAD',
    ADD COLUMN daily_spend_cap       DECIMAL(12,2) NULL,
    ADD COLUMN monthly_spend_cap     DECIMAL(12,2) NULL,
    ADD COLUMN monthly_minutes_cap   INT           NULL,
    ADD COLUMN concurrent_calls_cap  INT           NULL;

UPDATE account
SET account_number = CONCAT(CASE kind WHEN 'PLATFORM' THEN 'P-' WHEN 'RESELLER' THEN 'R-' ELSE 'C-' END,
                            LPAD(NEXT VALUE FOR account_number_seq, 6, '0'))
ORDER BY id;

-- DEFAULT '' only lets an INSERT leave the column out: the trigger always replaces it.
ALTER TABLE account
    MODIFY account_number VARCHAR(16) NOT NULL DEFAULT '',
    ADD CONSTRAINT account_number_uk UNIQUE (account_number),
    ADD CONSTRAINT account_number_chk CHECK (CAST(account_number AS BINARY) REGEXP '^[PRC]-[0-9]{6}$'),
    ADD CONSTRAINT account_country_chk CHECK (CAST(country AS BINARY) REGEXP '^[A-Z]{2}$'),
    ADD CONSTRAINT account_time_zone_chk CHECK (CHAR_LENGTH(time_zone) BETWEEN 1 AND 64),
    ADD CONSTRAINT account_language_chk CHECK (language IN ('en', 'fr')),
    ADD CONSTRAINT account_billing_email_chk CHECK (billing_email IS NULL OR billing_email LIKE '_%@_%'),
    ADD CONSTRAINT account_currency_chk CHECK (CAST(currency AS BINARY) REGEXP '^[A-Z]{3}$'),
    ADD CONSTRAINT account_daily_spend_cap_chk CHECK (daily_spend_cap IS NULL OR daily_spend_cap >= 0),
    ADD CONSTRAINT account_monthly_spend_cap_chk CHECK (monthly_spend_cap IS NULL OR monthly_spend_cap >= 0),
    ADD CONSTRAINT account_monthly_minutes_cap_chk CHECK (monthly_minutes_cap IS NULL OR monthly_minutes_cap >= 0),
    ADD CONSTRAINT account_concurrent_calls_cap_chk CHECK (concurrent_calls_cap IS NULL OR concurrent_calls_cap >= 0);

CREATE TRIGGER account_number_bi BEFORE INSERT ON account FOR EACH ROW
    SET NEW.account_number = CONCAT(CASE NEW.kind WHEN 'PLATFORM' THEN 'P-' WHEN 'RESELLER' THEN 'R-' ELSE 'C-' END,
                                    LPAD(NEXT VALUE FOR account_number_seq, 6, '0'));
