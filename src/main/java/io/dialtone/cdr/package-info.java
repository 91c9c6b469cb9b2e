/**
 * Call records: one row per call attempt (answered, unanswered, failed or blocked), their daily
 * usage totals, and the rate deck that prices them. Owns {@code cdr} (monthly partitions), {@code
 * cdr_daily_account}, {@code cdr_daily_extension}, the facet tables of the page's filtered totals
 * ({@code cdr_daily_facet}, {@code cdr_daily_extension_facet}, {@code cdr_daily_number_facet},
 * {@code cdr_daily_extension_duration} and their start markers), {@code cdr_summary_backfill},
 * {@code rate}, {@code cdr_saved_filter} and {@code cdr_retention}.
 *
 * <p>Writes: {@code control.CallRecorder#record} (or {@code #submit}) is how the SIP side stores a
 * call: queued and stored by group commit ({@code control.GroupCommit}, up to 500 calls per
 * transaction through {@code control.CdrBatchWriter}), each rated ({@code control.RateDeck}), named
 * with its extension's id ({@code extension.ExtensionDirectory.liveIds}) and added to the daily
 * totals in the same transaction. {@code control.CdrPartitions} adds monthly partitions ahead of
 * time. A stored record fires {@code control.UsageRecorded} (the usage limits observe it after
 * commit). Reads: {@code control.CallRecords} for pages (permission and scope checked), {@code
 * control.UsageTotals} for usage caps and gauges (system callers: no caller check). The CDR tables
 * are read and written with plain JDBC on the application's data source (inside the JTA
 * transaction): the queries are hand-shaped to the indexes, the key is composite and partitioned,
 * and idempotent inserts need the duplicate-key error without marking the transaction for rollback.
 * The rate deck is a JPA entity.
 *
 * <p>Pages: {@code boundary.cdrs} (the list, a call's detail, saved filters, the CSV export through
 * {@code control.CdrExports} and its download servlet, the retention through {@code
 * control.CdrRetention}); {@code control.CdrRetentionJob} applies the retention nightly; {@code
 * control.CdrSummaryBackfillJob} adds the calls stored before the facet tables to them, day by day,
 * until every range reads summary rows (its progress on the platform dashboard).
 *
 * <p>Calls {@code account} (time zone and currency of an account, scope through the kernel's {@code
 * AccessControl}), {@code extension} (a customer user's own extensions, {@code Extensions.mine};
 * the live extension of a number, {@code ExtensionDirectory.liveIds}), {@code audit}, and
 * implements {@code callpolicy}'s {@code RateLookup} seam; uses {@code callpolicy}'s {@code
 * DestinationClass} and {@code DecidingRule} and the kernel's {@code E164Number}. Is called by SIP
 * call control and the CDR pages.
 *
 * <p>Calls: account, audit, callpolicy, extension, kernel, platform.
 */
package io.dialtone.cdr;
