-- Call records: the summary rows of the calls stored before the facet tables existed (V31, V38).
--
-- Until now the readers counted the call rows for every day up to the one V38 ran on (about 2.9 s
-- for 90 days of an account with 2 M calls), because SQL alone cannot put those calls on the
-- account's calendar day (MariaDB's time-zone tables are not loaded). cdr.control.CdrSummaryBackfill
-- fills the facet tables in Java instead, one account's day per transaction, newest day first:
-- it reads the day's call rows with shared locks (REPEATABLE READ: new calls of that day wait),
-- and sets each summary row of that day to the sums of those rows (a set, not an addition), so a
-- call written after V38 and already counted is counted once; in the same transaction it moves
-- complete_from back to that day. A restart resumes from complete_from. When every account is
-- done, the start markers of V31 and V38 become NULL and every range reads summary rows only.
--
-- complete_from and oldest_day are calendar days in the account's time zone.
CREATE TABLE cdr_summary_backfill (
    account_id    BIGINT          NOT NULL,
    complete_from DATE            NOT NULL COMMENT 'the facet tables hold every call of the account from this day on',
    oldest_day    DATE            NOT NULL COMMENT 'the day of the account''s oldest call when the backfill started: done when complete_from reaches it',
    calls_counted BIGINT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'call rows read so far',
    started_at    DATETIME(6)     NOT NULL COMMENT 'UTC',
    finished_at   DATETIME(6)     NULL COMMENT 'UTC; NULL while days remain',
    PRIMARY KEY (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
