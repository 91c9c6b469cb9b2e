package io.dialtone.platform.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The application's one metrics registry (Micrometer, rendered in the Prometheus text format by
 * {@link #scrape()}): JVM memory, GC, threads, classes, CPU and uptime, plus what components
 * register on the {@link MeterRegistry} they inject (HTTP requests, sign-ins, SIP registrations and
 * failures, bans, the CDR queue, background jobs, the audit chain check). Per node: each node
 * answers its own scrape.
 */
@ApplicationScoped
public class OperationsMetrics {

  private PrometheusMeterRegistry registry;
  private JvmGcMetrics gc;

  @PostConstruct
  void open() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("application", "dialtone");
    new JvmMemoryMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** The registry components count on. */
  @Produces
  MeterRegistry registry() {
    return registry;
  }

  /** Every meter in the Prometheus text exposition format (version 0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  @PreDestroy
  void close() {
    gc.close();
    registry.close();
  }
}
