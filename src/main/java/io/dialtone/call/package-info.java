/**
 * Call control: the life of a call from an authenticated INVITE to its CDR. Owns, so far, the
 * admission of a call and its ledger; the SIP proxy (transactions, forking, trunks) is built on
 * them.
 *
 * <p>{@code control.CallAdmission} decides one call: a short number that is a live extension of the
 * caller's account is an internal call; anything else is read in the account's country, emergency
 * numbers go out whatever the rules and caps, other numbers ask {@code callpolicy}'s {@code
 * CallDecisions} (classes of service, rules, platform ranges, spend caps) and {@code usage}'s
 * concurrent-call caps; a refusal leaves a blocked CDR through {@code cdr}'s {@code CallRecorder}.
 * An admitted call holds a {@code control.CallTicket}: the proxy reports what happens on it, and
 * its closing writes the call's one CDR and releases its place in {@code
 * usage.control.ActiveCalls}.
 *
 * <p>The proxy side: {@code control.CallRouting} receives the authenticated INVITEs from {@code
 * sip} (it implements {@code sip.control.CallHandler}), bounds the calls in progress and routes
 * each admitted call with a {@code control.RoutedCall}: forked to the callee's contacts, or out
 * through {@code trunk}'s carrier trunks with failover (a carrier's call forwarded out presents its
 * caller and names the DID in Diversion: {@code control.ForwardedIdentity}); {@code
 * control.TrunkProbe} pings every enabled trunk with OPTIONS and reports to {@code
 * trunk.control.TrunkHealth}.
 *
 * <p>Calls: account, callpolicy, cdr, did, extension, kernel, platform, sip, trunk, usage.
 */
package io.dialtone.call;
