package io.dialtone.sip.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The registrar's figures for the operator's scrape: REGISTER answers by status, failures by the
 * {@link FailureLog} result (auth-failed, replay, banned, scanner, malformed...), bans, and the
 * extensions registered now on this node.
 */
@ApplicationScoped
public class SipMetrics {

  @Inject MeterRegistry registry;
  @Inject MemoryLocationService location;

  private Counter bans;

  @PostConstruct
  void open() {
    bans =
        Counter.builder("dialtone.sip.bans")
            .description("Source addresses banned by the registrar")
            .register(registry);
    Gauge.builder("dialtone.sip.registered.extensions", location, l -> l.registeredExtensions())
        .description("Extensions with at least one binding on this node")
        .strongReference(true)
        .register(registry);
  }

  /** Registers the meters at start-up, so the scrape shows them before the first REGISTER. */
  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    bans.count();
  }

  /** A REGISTER was answered with {@code status}. */
  public void registration(int status) {
    Counter.builder("dialtone.sip.registrations")
        .description("REGISTER requests answered, by status")
        .tag("status", Integer.toString(status))
        .register(registry)
        .increment();
  }

  /** A request failed with {@code result} (the failure log's word). */
  public void failure(String result) {
    Counter.builder("dialtone.sip.failures")
        .description("SIP requests that failed, by reason")
        .tag("reason", result)
        .register(registry)
        .increment();
  }

  void banned(@Observes SourceBanned banned) {
    bans.increment();
  }
}
