/**
 * Carrier trunks: the carriers' SIP servers that take Dialtone's outbound calls and send its
 * inbound ones. Owns the tables {@code trunk} and {@code trunk_source}.
 *
 * <p>Call control asks {@code control.TrunkDirectory} which trunks to try for a call (by priority,
 * weighted random within one, unhealthy ones left out except for emergency calls) and which trunk
 * an inbound call comes from (its source addresses), answered from memory, and reports OPTIONS
 * probe results to {@code control.TrunkHealth}. Passwords are stored encrypted with the platform's
 * data key and leave this component only inside {@code control.TrunkLogin}, in memory.
 *
 * <p>Pages ({@code boundary}): {@code /trunks/index.xhtml} (list and health) and {@code
 * /trunks/edit.xhtml}, for platform administrators ({@code Permission.MANAGE_TRUNKS}) through
 * {@code control.TrunkManagement}, which checks access and audits every change.
 *
 * <p>Calls: audit, kernel, platform.
 */
package io.dialtone.trunk;
