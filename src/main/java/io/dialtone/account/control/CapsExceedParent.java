package io.dialtone.account.control;

import java.util.List;

/**
 * A customer's caps would be above its reseller's: nothing was changed. {@link #caps()} names the
 * caps over the limit (dailySpend, monthlySpend, monthlyMinutes, concurrentCalls) for the page.
 */
public class CapsExceedParent extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> caps;

  public CapsExceedParent(List<String> caps) {
    super("caps above the parent's: " + caps);
    this.caps = List.copyOf(caps);
  }

  public List<String> caps() {
    return caps;
  }
}
