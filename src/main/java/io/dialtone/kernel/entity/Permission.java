package io.dialtone.kernel.entity;

/**
 * What a caller may do. Roles grant permissions ({@code RolePermissions}); controls check
 * permissions, never roles, and anything not granted is denied.
 */
public enum Permission {
  /** See one's own profile and sign-in history. */
  VIEW_OWN_PROFILE,
  /**
   * Change one's own password, second factor and e-mail address. Never granted while impersonating:
   * an agent acting for a customer cannot touch anybody's credentials.
   */
  MANAGE_OWN_CREDENTIALS,
  /** See the account tree of one's scope. */
  VIEW_ACCOUNTS,
  /** Create, edit, suspend and reactivate resellers. */
  MANAGE_RESELLERS,
  /** Create, edit, suspend and reactivate customer accounts below one's reseller. */
  MANAGE_CUSTOMERS,
  /** Edit the profile of one's account (company, country, time zone, language, billing e-mail). */
  MANAGE_ACCOUNT_PROFILE,
  /** Invite, edit, disable and re-enable users of the accounts in scope. */
  MANAGE_USERS,
  /** Reset another user's second factor (they enrol again at their next sign-in). */
  RESET_USER_MFA,
  /** Create support agents and platform administrators. */
  MANAGE_STAFF,
  /** Find any customer by name, number, e-mail, extension or DID. */
  SEARCH_CUSTOMERS,
  /** Act as a customer administrator, with a reason, time-boxed and audited. */
  IMPERSONATE,
  /** Read the audit trail of one's scope. */
  VIEW_AUDIT,
  /** Run the audit hash-chain verification. */
  VERIFY_AUDIT_CHAIN,
  /** Create, edit, disable and delete the extensions of one's customer account. */
  MANAGE_EXTENSIONS,
  /** See the extension assigned to oneself (a customer user's own line). */
  VIEW_OWN_EXTENSION,
  /**
   * Generate, regenerate or see a SIP secret (shown once), including through a bulk import. Never
   * while impersonating.
   */
  REVEAL_SIP_SECRET,
  /** Set one's own voicemail PIN. Never while impersonating. */
  SET_OWN_VOICEMAIL_PIN,
  /** Reset the voicemail PIN of an extension of one's account. Never while impersonating. */
  RESET_VOICEMAIL_PIN,
  /** Change the call-blocking rules of one's account and its extensions. */
  MANAGE_CALL_POLICY,
  /** Run the rule tester: how a number classifies and whether an extension may call it. */
  TEST_CALL_POLICY,
  /** Maintain the platform-wide blocked ranges that customers cannot lift. */
  MANAGE_PLATFORM_RANGES,
  /** Lower one's account's usage limits, and ask for a raise above the cap set from above. */
  MANAGE_USAGE_LIMITS,
  /** Approve or refuse limit-change requests of the customers in scope. */
  APPROVE_LIMIT_REQUESTS,
  /** Read call records in scope (a customer user: their own extension's). */
  VIEW_CDRS,
  /** Export call records in scope as CSV (audited). */
  EXPORT_CDRS,
  /** Maintain the rate deck (prices per destination prefix). */
  MANAGE_RATE_DECK,
  // dids (DID inventory, assignment and routing)
  /** Add numbers to the platform's DID inventory. */
  MANAGE_DID_INVENTORY,
  /** Assign the DIDs one holds to accounts below one's own, and take them back. */
  ASSIGN_DIDS,
  /**
   * See one's customer account's DIDs and route each to an extension, with its continuity
   * destination. Allowed while impersonating (no secret is involved).
   */
  ROUTE_DIDS,
  // SIP registrar (the bans page)
  /** See the SIP registrar's banned source addresses and lift a ban. */
  MANAGE_SIP_BANS,
  // carrier trunks
  /** Maintain the carrier trunks outbound calls leave through (and their credentials). */
  MANAGE_TRUNKS,
  // data keys (the key ring and its rotation)
  /** See the data keys and their use, rotate to a new key, retire an unused one. */
  MANAGE_DATA_KEYS
}
