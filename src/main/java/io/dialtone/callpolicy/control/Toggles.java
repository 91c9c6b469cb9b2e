package io.dialtone.callpolicy.control;

/**
 * The class toggles of an account, or the extra ones of an extension (which can only add blocks).
 */
record Toggles(boolean blockInternational, boolean blockLongDistance, boolean blockPremium) {

  /** A new account's toggles (SECURITY.md E1): international and premium blocked. */
  static final Toggles ACCOUNT_DEFAULTS = new Toggles(true, false, true);

  /** An extension that adds nothing to its account's toggles. */
  static final Toggles NONE = new Toggles(false, false, false);

  /** Blocked when blocked by either. */
  Toggles and(Toggles narrower) {
    return new Toggles(
        blockInternational || narrower.blockInternational,
        blockLongDistance || narrower.blockLongDistance,
        blockPremium || narrower.blockPremium);
  }
}
