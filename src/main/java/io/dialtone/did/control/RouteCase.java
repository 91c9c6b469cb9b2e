package io.dialtone.did.control;

/** What happens to an incoming call to a DID now, in one word; the page says it in a sentence. */
public enum RouteCase {
  /** The holder (or an account above it) is suspended: calls are not answered. */
  ACCOUNT_SUSPENDED,
  /** No extension and no continuity destination: calls are not answered. */
  NO_ROUTE,
  /** No extension: every call goes to the continuity destination. */
  CONTINUITY_ONLY,
  /** The extension is disabled and there is no continuity destination: calls fail. */
  EXTENSION_DISABLED,
  /** The extension is disabled: every call goes to the continuity destination. */
  EXTENSION_DISABLED_CONTINUITY,
  /** Calls ring the extension's registered phones; none is registered now. */
  NOT_REGISTERED,
  /** Calls ring the extension's registered phones; some are registered now. */
  RINGS
}
