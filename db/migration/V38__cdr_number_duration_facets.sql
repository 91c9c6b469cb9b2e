-- Call records: the totals of a filter by number prefix or minimum duration from summary rows.
--
-- The facet tables of V31 hold the sums per day and per direction, result, destination type and
-- country; a filter by the other party's number prefix or by a minimum duration still counted the
-- call rows (0.3-2.5 s for 90 days of an account with 2 M calls). Both tables below add two keys
-- to those sums, maintained in the same transaction as each record (cdr.control.CdrFacets):
--
-- duration: the class of the billable seconds, bounded by fixed limits (CdrFacets.DURATION_LIMITS:
--   0, 1, 5, 10, 15, 20, 30, 45 s, 1, 1.5, 2, 3, 5, 10, 15, 20, 30, 60 min): class i holds the
--   calls from limit i up to the next. "At least T seconds" is the classes from the first limit
--   at or above T, plus, when T is not a limit, the calls between T and that limit counted from
--   the call rows (billsec index): exact either way.
-- prefix: the first 0 to 5 digits of the other party's stored digits (remote_digits). Each call is
--   counted once per length ('' = every call, then 1, 2, ... 5 digits), so a prefix of up to five
--   digits is one key; a longer prefix is selective enough to count its calls from the rows
--   (remote_digits index).
--
-- day is the calendar day in the account's time zone, as in cdr_daily_facet; dest_country is ''
-- where the call has none. The duration precedes the day in the key: a range of days for a set
-- of duration classes is one short index range per class.

CREATE TABLE cdr_daily_number_facet (
    account_id   BIGINT           NOT NULL,
    prefix       VARCHAR(5)       NOT NULL,
    duration     TINYINT UNSIGNED NOT NULL,
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
    PRIMARY KEY (account_id, prefix, duration, day, direction, disposition, dest_class, dest_country)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- The same per extension ('' = calls without one), by duration only (an extension's calls to a
-- number prefix are few enough to count from the rows).
CREATE TABLE cdr_daily_extension_duration (
    account_id   BIGINT           NOT NULL,
    extension    VARCHAR(8)       NOT NULL,
    duration     TINYINT UNSIGNED NOT NULL,
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
    PRIMARY KEY (account_id, extension, duration, day, direction, disposition, dest_class, dest_country)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- Calls stored before this migration are not in the tables above; as for V31 (the calendar day
-- needs the account's time zone, which SQL alone cannot apply), the readers count the call rows
-- for the days up to the one this migration ran on, and the summary rows for every later day.
-- complete_from is NULL when the store was empty.
CREATE TABLE cdr_number_facet_start (
    id            TINYINT     NOT NULL,
    complete_from DATETIME(6) NULL COMMENT 'UTC: calls started from then on are in the tables above',
    PRIMARY KEY (id),
    CONSTRAINT cdr_number_facet_start_one_chk CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

INSERT INTO cdr_number_facet_start (id, complete_from)
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM cdr) THEN UTC_TIMESTAMP(6) ELSE NULL END;
