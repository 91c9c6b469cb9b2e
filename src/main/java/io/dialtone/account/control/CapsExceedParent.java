package io.dialtone.account.control;

import io.dialtone.platform.control.Refusal;
import java.util.List;

/**
 * A customer's caps would be above its reseller's: nothing was changed. {@link #caps()} names the
 * caps over the limit (dailySpend, monthlySpend, monthlyMinutes, concurrentCalls); each is one
 * explanation, {@code accounts_edit.capAboveParent.<cap>}.
 */
public class CapsExceedParent extends Refusal {

  private static final long serialVersionUID = 1L;

  private final List<String> caps;

  public CapsExceedParent(List<String> caps) {
    super(caps.stream().map(cap -> Explanation.of("accounts_edit.capAboveParent." + cap)).toList());
    this.caps = List.copyOf(caps);
  }

  public List<String> caps() {
    return caps;
  }
}
