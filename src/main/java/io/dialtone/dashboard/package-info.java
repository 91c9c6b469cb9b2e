/**
 * Views over the other components, owning no table: the role dashboards of the home page, the audit
 * log page and the support-access page. Reads accounts through {@code account}'s {@code
 * AccountOverview} and {@code AccountTree}, users and sign-in activity through {@code identity}'s
 * {@code UserOverview} and {@code SecurityOverview}, and events through {@code audit}'s queries.
 * Also the platform administrator's data keys page ({@code control.DataKeyAdministration}: access
 * check and audit around {@code platform}'s {@code DataKeyRotation}). Nothing calls it.
 *
 * <p>Calls: account, audit, call, cdr, did, extension, identity, kernel, notification, platform,
 * sip, trunk, usage.
 */
package io.dialtone.dashboard;
