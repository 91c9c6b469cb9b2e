package io.dialtone.cdr.control;

import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.callpolicy.control.RateLookup;
import io.dialtone.callpolicy.control.UnratedUntilRateDeck;
import io.dialtone.cdr.entity.Rate;
import io.dialtone.kernel.entity.E164Number;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rate deck as the rest of the application asks it: the rate of a number in a currency at a
 * time (longest prefix effective then), and, for the call policy, whether a destination is rated at
 * all now (SECURITY.md E2). Answers from an in-memory {@link RateTable}, loaded on first use,
 * replaced after an upload commits ({@link RateDeckChanged}) and reloaded after {@code
 * dialtone.rates.cache-seconds} (60) at most, so the other nodes of a cluster follow an upload.
 *
 * <p>Replaces the call policy's fail-closed {@code UnratedUntilRateDeck} (an alternative with
 * priority: deployments without this component keep the fail-closed default).
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 10)
@Transactional(dontRollbackOn = RuntimeException.class)
public class RateDeck implements RateLookup {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "dialtone.rates.cache-seconds", defaultValue = "60")
  long maxAgeSeconds;

  Clock clock = Clock.systemUTC();

  private volatile Loaded loaded;

  private record Loaded(RateTable table, long expiresAtNanos) {}

  /**
   * Prefixes the operator declared routable before the deck prices them ({@code
   * DIALTONE_CALLPOLICY_RATED_PREFIXES}, none by default): their calls pass the policy and are
   * recorded without a cost until the deck has a rate.
   */
  @Inject
  @ConfigProperty(name = UnratedUntilRateDeck.RATED_PREFIXES)
  Optional<String> declaredRated;

  private UnratedUntilRateDeck declared;

  @PostConstruct
  void declare() {
    declared = new UnratedUntilRateDeck(declaredRated);
  }

  @Override
  public boolean isRated(E164Number number, DestinationClass destination) {
    return table().isRated(number.digits(), clock.instant())
        || declared.isRated(number, destination);
  }

  /** The rate of {@code digits} (E.164 without +) in {@code currency} at {@code at}. */
  public Optional<Rate> rateFor(String digits, String currency, Instant at) {
    return table().find(digits, currency, at);
  }

  /** The deck in memory now (loads it if needed). */
  public RateTable table() {
    Loaded current = loaded;
    if (current == null || System.nanoTime() - current.expiresAtNanos >= 0) {
      current = reload();
    }
    return current.table();
  }

  /** Drops the table: the next question reloads the deck. */
  public synchronized void invalidate() {
    loaded = null;
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) RateDeckChanged change) {
    invalidate();
  }

  private synchronized Loaded reload() {
    Loaded current = loaded;
    if (current == null || System.nanoTime() - current.expiresAtNanos >= 0) {
      RateTable table =
          new RateTable(em.createNamedQuery(Rate.LIST_ALL, Rate.class).getResultList());
      current = new Loaded(table, System.nanoTime() + maxAgeSeconds * 1_000_000_000L);
      loaded = current;
    }
    return current;
  }
}
