package io.dialtone.sip.boundary;

import io.dialtone.platform.control.CallPathThreads;
import io.dialtone.platform.control.DatabaseMigration;
import io.dialtone.sip.control.CallHandler;
import io.dialtone.sip.control.MemoryLocationService;
import io.dialtone.sip.control.MemorySourceGuard;
import io.dialtone.sip.control.OptionsPing;
import io.dialtone.sip.control.SipCredentialCache;
import io.dialtone.sip.control.SipService;
import io.dialtone.sip.control.SipSettings;
import io.dialtone.sip.control.SourceBanned;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the SIP registrar with the application (after the database migration: the bindings are
 * read back first) and stops it with it. The SIP stack's threads read and parse; the registrar runs
 * on workers from the application's managed thread factory (its naming and class loader context). A
 * sweeper removes expired bindings and idle guard state and writes changed bindings behind. Off
 * with {@code DIALTONE_SIP_ENABLED=false} (the in-container tests and the tests that start a second
 * server use that).
 */
@ApplicationScoped
public class SipEndpoint implements OptionsPing {

  private static final Logger LOG = Logger.getLogger(SipEndpoint.class.getName());

  @Inject SipSettings settings;
  @Inject SipService service;
  @Inject MemoryLocationService location;
  @Inject MemorySourceGuard guard;
  @Inject SipCredentialCache credentials;
  @Inject Instance<CallHandler> calls;
  @Inject CallPathThreads callThreads;

  @Resource ManagedThreadFactory threadFactory;
  @Resource ManagedScheduledExecutorService scheduler;

  /** Requests waiting for a worker at most; beyond, new ones are dropped. */
  static final int WORK_QUEUE = 20_000;

  private ThreadPoolExecutor workers;
  private volatile JainSipTransport transport;
  private ScheduledFuture<?> sweeper;
  private ScheduledFuture<?> reloader;
  private ScheduledFuture<?> connectionSweeper;

  void start(
      @Observes @Initialized(ApplicationScoped.class) @Priority(DatabaseMigration.PRIORITY + 30)
          Object event) {
    if (!settings.enabled()) {
      LOG.info("SIP registrar disabled (dialtone.sip.enabled=false)");
      return;
    }
    location.load();
    int users = credentials.reloadAll();
    LOG.info(() -> "SIP registrar: " + users + " SIP users loaded");
    workers = workers();
    transport =
        new JainSipTransport(
            service,
            workers,
            new SipListenConfig(
                settings.listenAddress(),
                settings.port(),
                settings.tlsPort(),
                settings.keystore(),
                settings.keystorePassword(),
                settings.connectionLimits()),
            calls.isResolvable() ? calls.get() : null,
            callThreads.timers());
    try {
      transport.start();
    } catch (Exception e) {
      transport = null;
      LOG.log(Level.SEVERE, "ALERT SIP registrar could not start on " + settings.port(), e);
      return;
    }
    sweeper =
        scheduler.scheduleWithFixedDelay(
            this::sweep, settings.persistMillis(), settings.persistMillis(), TimeUnit.MILLISECONDS);
    connectionSweeper =
        scheduler.scheduleWithFixedDelay(this::sweepConnections, 1, 1, TimeUnit.SECONDS);
    long reload = Math.max(1000, settings.credentialsCacheTtl().toMillis());
    reloader =
        scheduler.scheduleWithFixedDelay(
            this::reloadCredentials, reload, reload, TimeUnit.MILLISECONDS);
    LOG.info(
        "SIP registrar listening on "
            + settings.listenAddress()
            + ": "
            + String.join(", ", transport.bound()));
  }

  /**
   * The threads that run the registrar: made by the application's managed thread factory, so the
   * application's naming, class loader and security context are set once per thread rather than per
   * request. A full queue rejects (the request is dropped, as a full socket buffer would).
   */
  private ThreadPoolExecutor workers() {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    return new ThreadPoolExecutor(
        threads,
        threads,
        0,
        TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(WORK_QUEUE),
        threadFactory,
        new ThreadPoolExecutor.AbortPolicy());
  }

  private void reloadCredentials() {
    try {
      credentials.reloadAll();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "SIP credentials reload failed; the previous ones stay", e);
    }
  }

  private void sweep() {
    try {
      location.sweep();
      location.flush();
      guard.sweep();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "SIP sweep failed", e);
    }
  }

  private void sweepConnections() {
    JainSipTransport current = transport;
    if (current != null) {
      try {
        current.sweepConnections();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "SIP connection sweep failed", e);
      }
    }
  }

  @Override
  public CompletableFuture<Integer> ping(String uri, Duration timeout) {
    JainSipTransport current = transport;
    return current == null ? CompletableFuture.completedFuture(0) : current.ping(uri, timeout);
  }

  @Override
  public boolean active() {
    return transport != null;
  }

  /** A source just banned keeps no connection. */
  void banned(@Observes SourceBanned event) {
    JainSipTransport current = transport;
    if (current != null) {
      current.endConnections(event.ban().address());
    }
  }

  void beforeShutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    stop();
  }

  @PreDestroy
  void stop() {
    if (sweeper != null) {
      sweeper.cancel(false);
      sweeper = null;
    }
    if (reloader != null) {
      reloader.cancel(false);
      reloader = null;
    }
    if (connectionSweeper != null) {
      connectionSweeper.cancel(false);
      connectionSweeper = null;
    }
    if (transport != null) {
      transport.close();
      transport = null;
      workers.shutdown();
      try {
        workers.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      workers = null;
      location.flush();
      LOG.info("SIP registrar stopped");
    }
  }

  /** Whether the registrar listens on every configured transport (true when it is disabled). */
  public boolean listening() {
    if (!settings.enabled()) {
      return true;
    }
    JainSipTransport current = transport;
    return current != null && !current.bound().isEmpty();
  }
}
