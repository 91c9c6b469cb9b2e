package io.dialtone.incontainer;

import io.dialtone.notification.control.Notice;
import io.dialtone.notification.control.NoticeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * TEST FIXTURE ONLY: records every {@link Notice} handed to the mail dispatcher after its
 * transaction committed (the same phase as the real dispatcher), so the SIP portal tests count who
 * was mailed. Added only by those tests.
 */
@ApplicationScoped
public class SipSideMails {

  private final List<Notice> sent = new CopyOnWriteArrayList<>();

  void record(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notice notice) {
    sent.add(notice);
  }

  /** The notices of {@code kind} sent to {@code recipient} so far. */
  public List<Notice> to(String recipient, NoticeKind kind) {
    return sent.stream().filter(n -> n.recipient().equals(recipient) && n.kind() == kind).toList();
  }
}
