package io.dialtone.identity.entity;

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
  VERIFY_AUDIT_CHAIN
}
