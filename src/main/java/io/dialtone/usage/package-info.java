/**
 * Usage limits (SECURITY.md E3, E4): the caps an account's calls must stay within, the customer's
 * own lower limits, limit-change requests and their approval, the 80 % / 100 % alerts and the call
 * policy's usage gate. Owns {@code usage_limit}, {@code usage_extension_limit}, {@code
 * limit_request} and {@code usage_alert}. The caps granted from above stay on the account ({@code
 * account.control.UsageCaps}, edited by resellers on the account pages); an approved request or an
 * ended temporary raise changes them through {@code account.control.AccountManagement#changeCaps},
 * which refuses a raise above the parent's cap.
 *
 * <p>Calls {@code account} ({@code AccountTree}: caps, time zone, currency, the tree), {@code cdr}
 * ({@code UsageTotals}: the daily totals, never the CDRs; observes its {@code UsageRecorded}),
 * {@code identity} ({@code AccessControl}: {@code MANAGE_USAGE_LIMITS} for a customer's own limits
 * and requests, {@code APPROVE_LIMIT_REQUESTS} for deciding them, always in the caller's scope; the
 * the account's administrators and a request's deciders come from {@code notification}'s {@code
 * NoticeRecipients}), {@code notification} (notices and e-mail) and {@code audit}; implements
 * {@code callpolicy}'s {@code UsageGate} ({@code control.CapGate}). {@code control.ActiveCalls} is
 * what SIP call control calls when a call starts and ends; a start checks the concurrent-call cap's
 * alerts ({@code control.CallCapAlerts}). A new limit request is told to its deciders (the parent
 * reseller's administrators, or the platform's), every notice goes to the recipients' notice page
 * and mailbox ({@code Notifications.post}); the gate drops an account's cached caps when its limits
 * change or when {@code account}'s {@code AccountCapsChanged} commits. A change of an account's
 * maximum call duration fires {@code control.MaxCallDurationChanged} (the new duration), for call
 * control's copy of it.
 *
 * <p>Pages ({@code boundary}): {@code /usage/index.xhtml} (usage against each cap, own limits,
 * extension caps, requests and the viewer's notices about the account; {@code control.UsageLimits},
 * {@code control.LimitRequests}) and {@code /usage/requests.xhtml} (pending requests of the
 * approver's subtree).
 *
 * <p>Calls: account, audit, callpolicy, cdr, kernel, notification, platform.
 */
package io.dialtone.usage;
