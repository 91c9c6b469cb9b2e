-- Call records: the totals of the filters the summary rows cannot answer, read from one index.
--
-- The summary tables (V31, V38) answer a filter's totals for whole days, except a number prefix of
-- more than five digits, a number prefix with an extension, a minimum duration between two of the
-- page's limits (a filter saved before they became a list) and a customer user's filters (their
-- extensions by id). Those count the call rows through the filter's index: every match was then a
-- lookup of its row in the clustered key for its result, duration and cost (the busiest 6-digit
-- prefix, 14,000 calls in 90 days: 138 ms p95 at moderate load, 720 ms under load; an extension
-- with a prefix up to 647 ms). The four indexes below keep the list's key (equality, then
-- start_time, id: the list's order, unchanged) and add every column a count reads or filters on, so
-- the count reads index entries only, in order, and no row.
--
-- Cost: wider entries in four of the eleven indexes, no new index: at 2 M calls each is 135 MB
-- instead of ≈ 96 (the table's indexes 926 MB instead of 769); rebuilt in 27 s at 2 M calls on
-- the 2-core test machine (bench/README.md).

ALTER TABLE cdr
    DROP KEY cdr_extension_ix,
    ADD KEY cdr_extension_ix (account_id, extension, start_time, id,
        direction, disposition, dest_class, dest_country, remote_digits, billsec, cost),
    DROP KEY cdr_extension_id_ix,
    ADD KEY cdr_extension_id_ix (account_id, extension_id, start_time, id,
        extension, direction, disposition, dest_class, dest_country, remote_digits, billsec, cost),
    DROP KEY cdr_remote_ix,
    ADD KEY cdr_remote_ix (account_id, remote_digits, start_time, id,
        extension, direction, disposition, dest_class, dest_country, billsec, cost),
    DROP KEY cdr_billsec_ix,
    ADD KEY cdr_billsec_ix (account_id, billsec, start_time, id,
        extension, direction, disposition, dest_class, dest_country, remote_digits, cost),
    ALGORITHM = INPLACE, LOCK = NONE;
