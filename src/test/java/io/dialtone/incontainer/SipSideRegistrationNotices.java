package io.dialtone.incontainer;

import io.dialtone.extension.control.RegistrationNotices;
import io.dialtone.sip.control.ContactsUnreachable;
import io.dialtone.sip.control.DeviceOffline;
import io.dialtone.sip.control.FailureBurst;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TEST FIXTURE ONLY, never in the WAR: the real {@link RegistrationNotices}, counting each
 * registrar event about an extension it has finished handling (its transaction completed, committed
 * or not), as {@link SipSideNotices} does for bans. Enabled only in deployments that add it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class SipSideRegistrationNotices extends RegistrationNotices {

  @Resource TransactionSynchronizationRegistry transactions;

  private final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();

  @Override
  @Transactional
  public int burst(FailureBurst burst) {
    countWhenDone("burst:" + burst.extensionId());
    return super.burst(burst);
  }

  @Override
  @Transactional
  public int offline(DeviceOffline offline) {
    countWhenDone("offline:" + offline.extensionId());
    return super.offline(offline);
  }

  @Override
  @Transactional
  public int unreachable(ContactsUnreachable unreachable) {
    countWhenDone("unreachable:" + unreachable.extensionId());
    return super.unreachable(unreachable);
  }

  /**
   * Events for {@code key} ({@code burst:id}, {@code offline:id}, {@code unreachable:id}) handled.
   */
  public int handled(String key) {
    AtomicInteger count = handled.get(key);
    return count == null ? 0 : count.get();
  }

  private void countWhenDone(String key) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            // nothing to do before the commit
          }

          @Override
          public void afterCompletion(int status) {
            handled.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
          }
        });
  }
}
