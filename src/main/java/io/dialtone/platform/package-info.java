/**
 * Cross-cutting pieces every component relies on: configuration, cryptography (data keys, secure
 * tokens), the clock, database migration and readiness, web filters (security headers) and the
 * visitor's locale and translated messages. It also holds the two shapes every component uses the
 * same way: {@code control.Refusal}, the one exception for input a business rule refuses (shown by
 * {@code boundary.Messages#refusal}), and {@code control.ScheduledJobs}, the one way to run a job
 * on a schedule.
 *
 * <p>Rule: {@code platform} calls no business component (account, identity, audit, extension, ...).
 * Business components call {@code platform}, never the other way round, so it can change and be
 * tested alone.
 */
package io.dialtone.platform;
