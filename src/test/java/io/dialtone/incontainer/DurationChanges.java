package io.dialtone.incontainer;

import io.dialtone.usage.control.MaxCallDurationChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Observes the maximum call durations told after commit, as a cache of them on the call side does,
 * so a test sees what such a cache would be told (and when).
 */
@ApplicationScoped
public class DurationChanges {

  private final List<MaxCallDurationChanged> told = new CopyOnWriteArrayList<>();

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MaxCallDurationChanged event) {
    told.add(event);
  }

  /** The durations told for {@code accountId}, oldest first. */
  public List<Duration> of(long accountId) {
    return told.stream()
        .filter(e -> e.accountId() == accountId)
        .map(MaxCallDurationChanged::maxDuration)
        .toList();
  }
}
