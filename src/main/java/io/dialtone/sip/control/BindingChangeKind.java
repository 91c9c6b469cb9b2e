package io.dialtone.sip.control;

/** What happened to one binding of an extension. Stored by name: never renamed. */
public enum BindingChangeKind {
  /** A contact that was not registered registered (a refresh is no change). */
  REGISTERED,
  /** The phone removed the contact, another replaced it, or the portal dropped it. */
  UNREGISTERED,
  /** The contact was not refreshed in time. */
  EXPIRED
}
