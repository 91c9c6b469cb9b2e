package io.dialtone.callpolicy.control;

import java.util.List;

/**
 * A rule change a person asked for that cannot be stored (not a number, an emergency number to
 * block, a duplicate ...). Carries the message key and arguments of the explanation pages show in
 * the caller's language; the exception's own message is for logs.
 */
public class RuleRefused extends Exception {

  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final List<String> arguments;

  public RuleRefused(String messageKey, String... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = List.of(arguments);
  }

  /** The bundle key of the explanation, e.g. {@code blocking.refused.number}. */
  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.toArray();
  }
}
