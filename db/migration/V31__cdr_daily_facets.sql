-- Call records: the totals and charts of a filtered range from summary rows, never from the calls.
--
-- cdr_daily_account answers a range of whole days; a filter by direction, result, destination type
-- or country had to count the call rows (313 ms for 90 days of an account with 400,000 calls, up to
-- 835 ms). These two tables hold the same sums per day AND per value of those filters, maintained
-- in the same transaction as each record (cdr.control.CdrFacets, called by CdrWrites), so any
-- combination of them is a range read of at most a few hundred rows per day. The number prefix and
-- the minimum duration are not kept here (a prefix or a threshold of any length would multiply the
-- rows by the calls): a filter with either still counts the call rows through its index.
--
-- day is the calendar day in the account's time zone, as in cdr_daily_account; dest_country is ''
-- where the call has none (a key column cannot be NULL).

CREATE TABLE cdr_daily_facet (
    account_id   BIGINT           NOT NULL,
    day          DATE             NOT NULL,
    direction    TINYINT UNSIGNED NOT NULL,
    disposition  TINYINT UNSIGNED NOT NULL,
    dest_class   TINYINT UNSIGNED NOT NULL,
    dest_country CHAR(2)          NOT NULL DEFAULT '',
    calls        INT UNSIGNED     NOT NULL DEFAULT 0,
    answered     INT UNSIGNED     NOT NULL DEFAULT 0,
    blocked      INT UNSIGNED     NOT NULL DEFAULT 0,
    billsec      BIGINT UNSIGNED  NOT NULL DEFAULT 0,
    minutes      BIGINT UNSIGNED  NOT NULL DEFAULT 0,
    cost         DECIMAL(16,5)    NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, day, direction, disposition, dest_class, dest_country)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- The same per extension ('' = calls without one): one extension's days are one range.
CREATE TABLE cdr_daily_extension_facet (
    account_id   BIGINT           NOT NULL,
    extension    VARCHAR(8)       NOT NULL,
    day          DATE             NOT NULL,
    direction    TINYINT UNSIGNED NOT NULL,
    disposition  TINYINT UNSIGNED NOT NULL,
    dest_class   TINYINT UNSIGNED NOT NULL,
    dest_country CHAR(2)          NOT NULL DEFAULT '',
    calls        INT UNSIGNED     NOT NULL DEFAULT 0,
    answered     INT UNSIGNED     NOT NULL DEFAULT 0,
    blocked      INT UNSIGNED     NOT NULL DEFAULT 0,
    billsec      BIGINT UNSIGNED  NOT NULL DEFAULT 0,
    minutes      BIGINT UNSIGNED  NOT NULL DEFAULT 0,
    cost         DECIMAL(16,5)    NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, extension, day, direction, disposition, dest_class, dest_country)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- Calls stored before this migration are not in the tables above. Rather than a long backfill at
-- upgrade time (the account's calendar day needs its time zone, which SQL alone cannot apply
-- without MariaDB's time-zone tables), the readers count the call rows for the days up to the
-- one this migration ran on (in the account's zone), and the summary rows for every later day.
-- complete_from is NULL when the store was empty: the summary rows then hold every call.
CREATE TABLE cdr_facet_start (
    id            TINYINT     NOT NULL,
    complete_from DATETIME(6) NULL COMMENT 'UTC: calls started from then on are in the facet tables',
    PRIMARY KEY (id),
    CONSTRAINT cdr_facet_start_one_chk CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

INSERT INTO cdr_facet_start (id, complete_from)
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM cdr) THEN UTC_TIMESTAMP(6) ELSE NULL END;
