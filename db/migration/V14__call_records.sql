-- Call records (issue 5, items 1-3): the CDR store, its daily usage totals and the rate deck.
--
-- Design bar: ../shared/bench/cdr-sql (10 M rows on MariaDB 11.4). Its lessons, applied here:
--  * the clustered key is the page's access path, (account_id, start_time, id): a 30-day list or
--    total of one account is one contiguous range per partition, no secondary->row lookups;
--  * every secondary index that serves a filtered list ends in (start_time, id), spelled out: on a
--    partitioned table MariaDB 11.4 does not use the implicit primary-key suffix of a secondary
--    index for ORDER BY start_time DESC, id DESC and would read and sort every match;
--  * totals and charts come from pre-aggregated daily rows, never from the CDRs (55-110x faster);
--  * monthly partitions make retention a DROP PARTITION (0.15 s) instead of a DELETE (10 s + purge).
-- Codes are TINYINTs (1 byte in every index entry), numbers and ids ASCII with byte comparison, so
-- a number prefix is a plain byte range.

-- One row per call attempt, answered or not, blocked attempts included. Written only by
-- cdr.control.CallRecorder (the SIP side) and the bench/demo generator; never updated.
CREATE TABLE cdr (
    id             BIGINT UNSIGNED  NOT NULL AUTO_INCREMENT,
    account_id     BIGINT           NOT NULL,
    extension      VARCHAR(8)       NOT NULL DEFAULT '' COMMENT 'the account''s extension on this call; empty when none (a DID without one)',
    direction      TINYINT UNSIGNED NOT NULL COMMENT '1 OUTBOUND, 2 INBOUND, 3 INTERNAL',
    caller         VARCHAR(32)      NOT NULL COMMENT 'E.164 where possible, else an extension or what was presented',
    callee         VARCHAR(32)      NOT NULL COMMENT 'E.164 where possible, else an extension or the dialled digits',
    remote_digits  VARCHAR(16)      NOT NULL DEFAULT '' COMMENT 'digits of the other party (callee out, caller in) without +: the number prefix search',
    dest_class     TINYINT UNSIGNED NOT NULL COMMENT 'class of the other party: 1 EMERGENCY 2 INTERNAL 3 LOCAL 4 NATIONAL 5 INTERNATIONAL 6 TOLL_FREE 7 PREMIUM 8 UNKNOWN 9 INVALID',
    dest_country   CHAR(2)          NULL COMMENT 'ISO 3166 region of the other party; NULL for internal, emergency, invalid',
    start_time     DATETIME(6)      NOT NULL COMMENT 'UTC: the INVITE (or the refusal)',
    answer_time    DATETIME(6)      NULL COMMENT 'UTC; NULL unless answered',
    end_time       DATETIME(6)      NOT NULL COMMENT 'UTC',
    billsec        INT UNSIGNED     NOT NULL DEFAULT 0 COMMENT 'answer to end, whole seconds',
    disposition    TINYINT UNSIGNED NOT NULL COMMENT '1 ANSWERED 2 NO_ANSWER 3 BUSY 4 FAILED 5 BLOCKED',
    block_reason   VARCHAR(32)      NULL COMMENT 'callpolicy DecidingRule name (never renamed); only when BLOCKED',
    block_rule_id  BIGINT           NULL COMMENT 'the stored rule that blocked: call_policy_rule.id, or platform_blocked_range.id for PLATFORM_BLOCKED_RANGE',
    trunk          VARCHAR(32)      NULL COMMENT 'carrier trunk that carried the call',
    trunk_attempts VARCHAR(255)     NULL COMMENT 'failover attempts in order, "trunk=SIP status" comma-separated (read on the detail view only)',
    cost           DECIMAL(12,5)    NULL COMMENT 'rated cost; 0 when free (inbound, internal, unanswered, blocked); NULL when an answered outbound call found no rate',
    currency       CHAR(3)          NOT NULL COMMENT 'ISO 4217 of cost: the account''s currency',
    call_id        VARCHAR(128)     NOT NULL COMMENT 'SIP Call-ID',
    -- Clustered on the page's access path (see the header); start_time must be in every unique key
    -- of a table partitioned on it, id makes the key unique.
    PRIMARY KEY (account_id, start_time, id),
    -- AUTO_INCREMENT needs an index starting with id; also the detail view by id.
    KEY cdr_id_ix (id),
    -- record() is idempotent on what the SIP side knows twice: the Call-ID and the start.
    UNIQUE KEY cdr_call_uk (call_id, start_time),
    -- Single-filter lists: equality on the filter, then the page's order; LIMIT 50 reads 50 entries.
    KEY cdr_extension_ix   (account_id, extension, start_time, id),
    KEY cdr_disposition_ix (account_id, disposition, start_time, id),
    KEY cdr_class_ix       (account_id, dest_class, start_time, id),
    KEY cdr_country_ix     (account_id, dest_country, start_time, id),
    -- Number prefix search, never a leading wildcard: a byte range on remote_digits within one
    -- account; start_time in the key filters the date range inside the index, the matches are
    -- then sorted (a range breaks the time order). Broad prefixes fall back to the primary key.
    KEY cdr_remote_ix      (account_id, remote_digits, start_time, id),
    -- Minimum duration: a range on billsec, like the prefix. Broad thresholds (a minute: most
    -- answered calls) scan the primary key newest-first and stop at 50; rare ones (half an hour,
    -- what a fraud review looks for) would scan the whole date range without it (210 ms at 2 M
    -- calls a year, bench/README.md).
    KEY cdr_billsec_ix     (account_id, billsec, start_time, id),
    CONSTRAINT cdr_direction_chk   CHECK (direction BETWEEN 1 AND 3),
    CONSTRAINT cdr_class_chk       CHECK (dest_class BETWEEN 1 AND 9),
    CONSTRAINT cdr_disposition_chk CHECK (disposition BETWEEN 1 AND 5),
    CONSTRAINT cdr_blocked_chk     CHECK ((disposition = 5) = (block_reason IS NOT NULL)),
    CONSTRAINT cdr_answered_chk    CHECK ((disposition = 1) = (answer_time IS NOT NULL)),
    CONSTRAINT cdr_times_chk       CHECK (end_time >= start_time)
    -- No foreign key to account: InnoDB refuses foreign keys on partitioned tables. Accounts are
    -- never deleted (suspended instead), and retention drops whole months.
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin
-- One partition per calendar month (UTC), named pYYYYMM, added ahead of time by
-- cdr.control.CdrPartitions (at start-up and daily: the current month and the next two). The
-- migration cannot know the date it runs, so it creates only the catch-all pmax: an insert never
-- fails for want of a partition, and CdrPartitions splits pmax while it is still empty (instant).
PARTITION BY RANGE COLUMNS (start_time) (
    PARTITION pmax VALUES LESS THAN (MAXVALUE)
);

-- Daily usage per account, maintained in the same transaction as each record (INSERT ... ON
-- DUPLICATE KEY UPDATE): what caps, gauges and the 30-day chart read (30 rows per account-month).
-- day is the calendar day in the account's time zone (a daily cap ends at the customer's midnight).
-- cost is in the account's currency; minutes are whole minutes per call, rounded up.
CREATE TABLE cdr_daily_account (
    account_id  BIGINT          NOT NULL,
    day         DATE            NOT NULL,
    calls       INT UNSIGNED    NOT NULL DEFAULT 0 COMMENT 'attempts, blocked included',
    answered    INT UNSIGNED    NOT NULL DEFAULT 0,
    blocked     INT UNSIGNED    NOT NULL DEFAULT 0,
    billsec     BIGINT UNSIGNED NOT NULL DEFAULT 0,
    minutes     BIGINT UNSIGNED NOT NULL DEFAULT 0,
    cost        DECIMAL(16,5)   NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, day)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- The same per extension ('' = calls of the account without an extension); keyed so one
-- extension's days are one range (a customer user's own usage, per-extension caps).
CREATE TABLE cdr_daily_extension (
    account_id  BIGINT          NOT NULL,
    extension   VARCHAR(8)      NOT NULL,
    day         DATE            NOT NULL,
    calls       INT UNSIGNED    NOT NULL DEFAULT 0,
    answered    INT UNSIGNED    NOT NULL DEFAULT 0,
    blocked     INT UNSIGNED    NOT NULL DEFAULT 0,
    billsec     BIGINT UNSIGNED NOT NULL DEFAULT 0,
    minutes     BIGINT UNSIGNED NOT NULL DEFAULT 0,
    cost        DECIMAL(16,5)   NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, extension, day)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- The rate deck: price per minute by destination prefix, replaced as a whole by a CSV upload of
-- the platform administrator. Read whole into memory (cdr.control.RateDeck); never per call.
-- Billing: the first first_increment seconds are billed whole, then blocks of next_increment
-- (60/60 per minute, 6/6 per six seconds, 1/1 per second, 30/6 ...).
CREATE TABLE rate (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    prefix           VARCHAR(16)   NOT NULL COMMENT '+ and 1-15 digits (E.164 prefix)',
    description      VARCHAR(100)  NULL,
    price_per_minute DECIMAL(10,5) NOT NULL,
    currency         CHAR(3)       NOT NULL,
    first_increment  SMALLINT      NOT NULL,
    next_increment   SMALLINT      NOT NULL,
    effective_from   DATETIME(6)   NOT NULL COMMENT 'UTC, inclusive',
    effective_to     DATETIME(6)   NULL COMMENT 'UTC, exclusive; NULL = open',
    PRIMARY KEY (id),
    CONSTRAINT rate_prefix_chk CHECK (CAST(prefix AS BINARY) REGEXP '^[+][0-9]{1,15}$'),
    CONSTRAINT rate_price_chk CHECK (price_per_minute >= 0),
    CONSTRAINT rate_currency_chk CHECK (CAST(currency AS BINARY) REGEXP '^[A-Z]{3}$'),
    CONSTRAINT rate_increment_chk CHECK (first_increment BETWEEN 1 AND 3600 AND next_increment BETWEEN 1 AND 3600),
    CONSTRAINT rate_period_chk CHECK (effective_to IS NULL OR effective_to > effective_from),
    UNIQUE KEY rate_uk (prefix, currency, effective_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
