package io.dialtone.callpolicy.control;

import io.dialtone.kernel.entity.E164Number;

/** The platform-wide blocked ranges (high-risk prefixes), compiled; no account can lift them. */
public final class PlatformRanges {

  private final PrefixTrie ranges = new PrefixTrie();

  /** No range blocked yet; add them with {@link #block}, then share it read-only. */
  public static PlatformRanges none() {
    return new PlatformRanges();
  }

  /** Adds a blocked range: {@code +} and its digits, e.g. {@code +881}. */
  public PlatformRanges block(long rangeId, String prefix) {
    ranges.addPrefix(CustomRules.prefixDigits(prefix), rangeId);
    return this;
  }

  /** The id of the most specific range holding {@code number}, or {@link PrefixTrie#NONE}. */
  long blocking(E164Number number) {
    return ranges.match(number.digits());
  }

  public int size() {
    return ranges.size();
  }
}
