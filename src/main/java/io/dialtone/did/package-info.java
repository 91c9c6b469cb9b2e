/**
 * DIDs (direct inward dialling numbers): the platform's inventory of E.164 numbers (validated and
 * normalized with libphonenumber, national formats read with the account's country), which account
 * holds each (the platform, a reseller or a customer: one at a time), the extension or the ring
 * group of the customer each one rings and its service continuity destination, and the customers'
 * ring groups (members in order, all at once or in order, their own continuity destination). Owns
 * {@code did}, {@code ring_group}, {@code ring_group_member}.
 *
 * <p>Use cases, each a control checking permission and scope and audited: {@code
 * control.DidInventory} (platform administrators add one number, a list/CSV or a range of at most
 * 10,000), {@code control.DidAssignments} (platform and reseller administrators assign numbers
 * below them and take them back), {@code control.DidRouting} (customer administrators, and agents
 * acting as one, route a number to an extension and set its continuity destination), {@code
 * control.Dids} (lists scoped by role), {@code control.RingGroups} (customer administrators list,
 * create, change and delete their account's ring groups; {@code control.RingGroupCleanup} takes a
 * deleted extension out of its groups on {@code extension}'s {@code ExtensionDeleted}). Pages
 * ({@code boundary}): {@code /dids/index.xhtml}, {@code /dids/edit.xhtml?id=}, {@code
 * /ringgroups/index.xhtml} and {@code /ringgroups/edit.xhtml?id=}.
 *
 * <p>Calls {@code account} ({@code AccountTree}: holders, scope, country), the kernel ({@code
 * AccessControl}, the {@code E164Number} value type), {@code extension} (its {@code Extensions}
 * list for routes and {@code ContinuityDestinations}, which asks {@code
 * callpolicy.control.CallDecisions} at account level), {@code audit}, {@code platform}, {@code
 * notification} ({@code control.DidNotices}: a customer's administrators are told of a number
 * assigned to them, notice page and e-mail). A suspended account gets no numbers; two additions of
 * one number at once end in a message, not an error. Is called through {@code
 * control.DidDirectory}: by {@code extension}'s voicemail PIN policy via the {@code
 * extension.control.RoutedNumbers} interface it implements, by the extension page's outbound caller
 * ID through {@code extension.control.AccountNumbers} (so {@code extension} never calls this
 * component), by {@code support}'s {@code DidLookup}, and by {@code call}'s admission for the
 * caller ID a call presents ({@code DidDirectory#callerId}: the extension's DID while the account
 * holds it, else the account's default, which {@code control.DidRouting} sets). Call control
 * resolves a called number with {@code control.InboundRoutes}: the active customer holding it, the
 * active extension it rings, or its ring group's active members in order ({@code
 * control.RingGroupRoute}), and its continuity destination ({@code control.InboundRoute}); a number
 * of the platform's or a reseller's stock, or of a suspended account, resolves to nothing.
 *
 * <p>Calls: account, audit, extension, kernel, notification, platform.
 */
package io.dialtone.did;
