/**
 * Call policy: which destinations an account's extensions may call. Classifies a dialled string
 * (libphonenumber, with the account's country as default region) and decides ALLOW or BLOCK with
 * the rule that decided, from compiled per-account rules kept in memory ({@code
 * control.CallDecisions}). Owns {@code call_policy_account}, {@code call_policy_extension}, {@code
 * call_policy_rule} and {@code platform_blocked_range}.
 *
 * <p>Calls {@code account} (the account's country, through {@code AccountTree}), the kernel ({@code
 * AccessControl}: every rule page's use case checks permission and scope; the value types {@code
 * ExtensionNumber}, {@code ExtensionType}), {@code audit} (every change, before → after) and {@code
 * platform}; publishes its vocabulary ({@code DestinationClass}, {@code Decision}, {@code
 * DecidingRule}, ...) in {@code control}; reaches rates and usage caps only through its own seams
 * ({@code RateLookup}, {@code UsageGate}) that the CDR and usage-limit components implement. Is
 * called by the SIP call control and the rule pages; never calls them.
 *
 * <p>Pages ({@code boundary}): {@code /calls/blocking.xhtml} (an account's rules and its
 * extensions' narrowing, {@code control.CallPolicyEditing}), {@code /calls/tester.xhtml} (the rule
 * tester, {@code control.RuleTester}; {@code ?account=&extension=&number=} pre-fill it) and {@code
 * /calls/ranges.xhtml} (platform ranges, {@code control.PlatformRangeManagement}).
 *
 * <p>Calls: account, audit, kernel, platform.
 */
package io.dialtone.callpolicy;
