package io.dialtone.notification.boundary;

import io.dialtone.notification.control.MailFailure;
import io.dialtone.notification.control.MailTexts;
import io.dialtone.notification.control.Mailer;
import io.dialtone.notification.control.Notice;
import io.dialtone.notification.entity.OutgoingMail;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Sends each {@link Notice} once its transaction committed, on the default managed executor. */
@ApplicationScoped
public class NoticeDispatcher {

  private static final Logger LOG = Logger.getLogger(NoticeDispatcher.class.getName());
  private final MailTexts texts = new MailTexts();

  @Inject Mailer mailer;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notice notice) {
    OutgoingMail mail = texts.render(notice);
    try {
      executor.execute(() -> deliver(mail));
    } catch (RejectedExecutionException e) {
      LOG.log(Level.SEVERE, "mail queue full, " + mail + " dropped", e);
    }
  }

  private void deliver(OutgoingMail mail) {
    try {
      mailer.send(mail);
    } catch (MailFailure e) {
      LOG.log(Level.SEVERE, e.getMessage(), e.getCause());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, mail + " not sent", e);
    }
  }
}
