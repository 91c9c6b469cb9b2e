package io.dialtone.extension.control;

import io.dialtone.sip.control.BindingsChanged;
import io.dialtone.sip.control.ContactsUnreachable;
import io.dialtone.sip.control.DeviceOffline;
import io.dialtone.sip.control.FailureBurst;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands the registrar's events about an extension (failure bursts, devices going offline) and call
 * control's (a call reached none of its phones) to {@link RegistrationNotices}, and the registrar's
 * binding changes to {@link RegistrationHistory}. The registrar's threads never wait for the
 * database: these synchronous observers (called after the firing transaction committed, or at once
 * outside one) only hand the work to the default managed executor. The registrar fires each event
 * both synchronously and asynchronously; observing one of the two is enough, so its events have no
 * {@code @ObservesAsync} here (it would handle every event twice). A failure is logged at SEVERE
 * and never reaches the registrar; a full executor queue drops the notice (logged).
 */
@ApplicationScoped
public class RegistrationEvents {

  private static final Logger LOG = Logger.getLogger(RegistrationEvents.class.getName());

  @Inject RegistrationNotices notices;
  @Inject RegistrationHistory history;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  void burst(@Observes(during = TransactionPhase.AFTER_SUCCESS) FailureBurst event) {
    later(() -> notices.burst(event), event);
  }

  void offline(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceOffline event) {
    later(() -> notices.offline(event), event);
  }

  /**
   * Call control may fire {@link ContactsUnreachable} synchronously, asynchronously or both: both
   * are observed, and the hourly limit of {@link RegistrationNotices} makes a second handling of
   * the same event tell nobody.
   */
  void unreachable(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContactsUnreachable event) {
    later(() -> notices.unreachable(event), event);
  }

  void unreachableAsync(@ObservesAsync ContactsUnreachable event) {
    safely(() -> notices.unreachable(event), event);
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) BindingsChanged event) {
    later(
        () -> history.record(event.changes()),
        "BindingsChanged[" + event.changes().size() + " changes]");
  }

  private void later(Runnable work, Object event) {
    try {
      executor.execute(() -> safely(work, event));
    } catch (RejectedExecutionException e) {
      LOG.log(Level.SEVERE, "executor full: " + event + " not notified", e);
    }
  }

  private static void safely(Runnable work, Object event) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "handling " + event + " failed", e);
    }
  }
}
