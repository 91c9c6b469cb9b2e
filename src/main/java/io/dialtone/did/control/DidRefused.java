package io.dialtone.did.control;

import java.util.List;

/**
 * A DID change that breaks a rule people can fix (a number libphonenumber does not accept, a range
 * too large, a number already in the inventory, a blocked continuity destination...). Thrown before
 * anything changed; shown through {@link #messageKey()} ({@code dids.refused.*}) with its
 * arguments.
 */
public class DidRefused extends Exception {

  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final List<String> arguments;

  public DidRefused(String messageKey, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = java.util.Arrays.stream(arguments).map(String::valueOf).toList();
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.toArray();
  }
}
