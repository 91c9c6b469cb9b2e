/**
 * Cross-cutting pieces every component relies on: configuration, cryptography (data keys, secure
 * tokens), the clock, database migration and readiness, web filters (security headers) and the
 * visitor's locale and translated messages.
 *
 * <p>Rule: {@code platform} calls no business component (account, identity, audit, extension, ...).
 * Business components call {@code platform}, never the other way round, so it can change and be
 * tested alone.
 *
 * <p>Calls: nothing.
 */
package io.dialtone.platform;
