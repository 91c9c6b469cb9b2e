package io.dialtone.callpolicy.control;

import io.dialtone.kernel.entity.E164Number;

/** A test rate deck: the destinations under the given prefixes ({@code +} and digits) are rated. */
public final class RatedPrefixes implements RateLookup {

  private final PrefixTrie rated = new PrefixTrie();

  public RatedPrefixes(String... prefixes) {
    for (String prefix : prefixes) {
      rated.addPrefix(CustomRules.prefixDigits(prefix), 1);
    }
  }

  /** Every destination has a rate. */
  public static RatedPrefixes everything() {
    return new RatedPrefixes("+1", "+2", "+3", "+4", "+5", "+6", "+7", "+8", "+9");
  }

  @Override
  public boolean isRated(E164Number number, DestinationClass destination) {
    return rated.match(number.digits()) != PrefixTrie.NONE;
  }
}
