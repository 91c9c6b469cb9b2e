package io.dialtone.callpolicy.control;

import io.dialtone.kernel.entity.E164Number;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link RateLookup} of a deployment without the rate deck: by default nothing is rated, so
 * every outside call is blocked (SECURITY.md E2 fails closed). Emergency and internal calls are not
 * affected. An operator may declare the prefixes its carriers route before the deck prices them
 * with {@value #RATED_PREFIXES} (e.g. {@code +1,+44,+33}). The CDR component's {@code
 * cdr.control.RateDeck} replaces this bean (a CDI alternative with priority) and honours the same
 * declaration; a deployment that leaves the CDR component out still fails closed.
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
