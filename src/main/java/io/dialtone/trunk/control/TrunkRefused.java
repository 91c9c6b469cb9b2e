package io.dialtone.trunk.control;

import io.dialtone.platform.control.Refusal;
import java.util.List;

/**
 * A trunk change that cannot be stored: each explanation names one field's problem (bundle keys
 * {@code trunks.refused.*}), all of them at once so the administrator fixes the form in one go.
 */
public class TrunkRefused extends Refusal {

  private static final long serialVersionUID = 1L;

  public TrunkRefused(String key, Object... arguments) {
    super(key, arguments);
  }

  TrunkRefused(List<Explanation> explanations) {
    super(explanations);
  }
}
