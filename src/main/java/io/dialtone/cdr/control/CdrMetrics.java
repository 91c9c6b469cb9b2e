package io.dialtone.cdr.control;

import io.dialtone.platform.control.DatabaseMigration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** The call record queue's depth for the operator's scrape (records waiting for their batch). */
@ApplicationScoped
public class CdrMetrics {

  @Inject MeterRegistry registry;
  @Inject CallRecorder recorder;

  void start(
      @Observes @Initialized(ApplicationScoped.class) @Priority(DatabaseMigration.PRIORITY + 20)
          Object event) {
    Gauge.builder("dialtone.cdr.queue", recorder, CallRecorder::queued)
        .description("Call records queued and not yet committed")
        .strongReference(true)
        .register(registry);
  }
}
