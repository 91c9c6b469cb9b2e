package io.dialtone.usage.control;

import java.util.List;

/**
 * A usage-limit change or request that the rules refuse (not an authorization refusal): nothing
 * changed; {@link #messageKey()} and {@link #arguments()} say why, in the page's language.
 */
public class LimitRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final List<Object> arguments;

  public LimitRefused(String messageKey, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = List.of(arguments);
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.toArray();
  }
}
