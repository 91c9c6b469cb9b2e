/**
 * Usage limits (SECURITY.md E3, E4): the caps an account's calls must stay within, the customer's
 * own lower limits, limit-change requests and their approval, the 80 % / 100 % alerts and the call
 * policy's usage gate. Owns {@code usage_limit}, {@code usage_extension_limit}, {@code
 * limit_request}, {@code usage_alert} and {@code usage_notice}. The caps granted from above stay on
 * the account ({@code account.control.UsageCaps}, edited by resellers on the account pages); an
 * approved request or an ended temporary raise changes them through {@code
 * account.control.AccountManagement#changeCaps}, which refuses a raise above the parent's cap.
 *
 * <p>Calls {@code account} ({@code AccountTree}: caps, time zone, currency, the tree), {@code cdr}
 * ({@code UsageTotals}: the daily totals, never the CDRs; observes its {@code UsageRecorded}), the
 * kernel ({@code AccessControl}: {@code MANAGE_USAGE_LIMITS} for a customer's own limits and
 * requests, {@code APPROVE_LIMIT_REQUESTS} for deciding them, always in the caller's scope), {@code
 * identity} (the account's administrators as recipients), {@code notification} (e-mail) and {@code
 * audit}; implements {@code callpolicy}'s {@code UsageGate} ({@code control.CapGate}). {@code
 * control.ActiveCalls} is what SIP call control calls when a call starts and ends; a start checks
 * the concurrent-call cap's alerts ({@code control.CallCapAlerts}). A new limit request is told to
 * its deciders (the parent reseller's administrators, or the platform's), every notice goes to the
 * recipients' notice centre and mailbox ({@code Notifications.tell}); the gate drops an account's
 * cached caps when its limits change or when {@code account}'s {@code AccountCapsChanged} commits.
 *
 * <p>Pages ({@code boundary}): {@code /usage/index.xhtml} (usage against each cap, own limits,
 * extension caps, requests and notices; {@code control.UsageLimits}, {@code control.LimitRequests})
 * and {@code /usage/requests.xhtml} (pending requests of the approver's subtree).
 *
 * <p>Calls: account, audit, callpolicy, cdr, identity, kernel, notification, platform.
 */
package io.dialtone.usage;
