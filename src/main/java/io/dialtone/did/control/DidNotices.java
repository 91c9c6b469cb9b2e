package io.dialtone.did.control;

import io.dialtone.account.control.AccountView;
import io.dialtone.did.entity.Did;
import io.dialtone.notification.boundary.Notifications;
import io.dialtone.notification.control.NoticeKind;
import io.dialtone.notification.control.NoticeRecipients;
import io.dialtone.notification.control.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Tells a customer's active administrators that a phone number was assigned to their account: a
 * notice on their notice page (in the caller's transaction) and an e-mail after commit, each in
 * their language.
 */
@ApplicationScoped
public class DidNotices {

  @Inject NoticeRecipients recipients;
  @Inject Notifications notifications;

  /** How many administrators were told. */
  public int assigned(Did did, AccountView customer) {
    List<Recipient> admins = recipients.accountAdministrators(customer.id());
    for (Recipient admin : admins) {
      notifications.post(
          customer.id(), admin, NoticeKind.DID_ASSIGNED, did.getNumber().value(), customer.name());
    }
    return admins.size();
  }
}
