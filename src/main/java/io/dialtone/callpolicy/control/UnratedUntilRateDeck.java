package io.dialtone.callpolicy.control;

import io.dialtone.callpolicy.entity.DestinationClass;
import io.dialtone.callpolicy.entity.E164Number;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link RateLookup} until the rate deck exists (CDR issue): by default nothing is rated, so
 * every outside call is blocked (SECURITY.md E2 fails closed). An operator may declare the prefixes
 * its carriers price meanwhile with {@value #RATED_PREFIXES} (e.g. {@code +1,+44,+33}); the rate
 * deck replaces this bean. Emergency and internal calls are not affected.
 */
@ApplicationScoped
public class UnratedUntilRateDeck implements RateLookup {

  /** Comma-separated prefixes ({@code +} and digits) counted as rated; none by default. */
  public static final String RATED_PREFIXES = "dialtone.callpolicy.rated-prefixes";

  private final PrefixTrie rated = new PrefixTrie();

  /** For CDI's proxy only. */
  protected UnratedUntilRateDeck() {}

  @Inject
  public UnratedUntilRateDeck(
      @ConfigProperty(name = RATED_PREFIXES) Optional<String> ratedPrefixes) {
    for (String prefix : ratedPrefixes.orElse("").split(",")) {
      if (!prefix.isBlank()) {
        rated.addPrefix(CustomRules.prefixDigits(prefix.strip()), 0);
      }
    }
  }

  @Override
  public boolean isRated(E164Number number, DestinationClass destination) {
    return rated.match(number.digits()) != PrefixTrie.NONE;
  }
}
