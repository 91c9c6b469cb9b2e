package io.dialtone.call.control;

import io.dialtone.platform.control.DatabaseMigration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The calls in progress on this node, for the operator's scrape ({@code
 * dialtone_calls_in_progress}).
 */
@ApplicationScoped
public class CallMetrics {

  @Inject MeterRegistry registry;
  @Inject CallRouting routing;

  void start(
      @Observes @Initialized(ApplicationScoped.class) @Priority(DatabaseMigration.PRIORITY + 20)
          Object event) {
    Gauge.builder("dialtone.calls.in_progress", routing, CallRouting::inProgress)
        .description("Calls admitted or being admitted on this node and not yet ended")
        .strongReference(true)
        .register(registry);
  }
}
