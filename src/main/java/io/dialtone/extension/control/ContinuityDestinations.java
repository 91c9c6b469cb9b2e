package io.dialtone.extension.control;

import io.dialtone.callpolicy.control.CallDecisions;
import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.callpolicy.control.Decision;
import io.dialtone.extension.control.ExtensionRefused.Reason;
import io.dialtone.extension.entity.Extension;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Checks a service continuity destination (where inbound calls go when no device is registered or
 * answers) against the account's call policy, exactly as a dialled number (SECURITY.md E6): for an
 * extension's destination, as that extension dialling it; for a DID's, at account level (no
 * extension). Short digits the policy reads as an internal number must name an extension that
 * exists in the account ({@code 555-01} is no destination when there is no extension 55501). Checks
 * no permission: its callers (extension settings, DID routing) have.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class ContinuityDestinations {

  @Inject CallDecisions decisions;
  @Inject Clock clock;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /**
   * The destination to store: {@code typed} stripped, or {@code null} for none (empty text).
   *
   * @param extension the extension whose destination it is, or {@code null} for an account-level
   *     one (a DID's)
   * @throws ExtensionRefused {@link Reason#DESTINATION_BLOCKED} with the deciding rule's message
   *     key as detail ({@code extensions.rule.<RULE>}) when the call policy refuses it, or {@code
   *     extensions.rule.NO_SUCH_EXTENSION} for internal digits that name no extension
   */
  public String check(long accountId, ExtensionNumber extension, String typed)
      throws ExtensionRefused {
    String target = typed == null || typed.isBlank() ? null : typed.strip();
    if (target == null) {
      return null;
    }
    if (target.length() > Extension.DESTINATION_MAX) {
      throw new ExtensionRefused(Reason.DESTINATION_BLOCKED, "extensions.rule.INVALID_NUMBER");
    }
    Decision decision =
        decisions.decide(AccountId.of(accountId), extension, target, clock.instant());
    if (!decision.allowed()) {
      throw new ExtensionRefused(
          Reason.DESTINATION_BLOCKED, "extensions.rule." + decision.rule().name());
    }
    if (decision.rule() == DecidingRule.INTERNAL_EXTENSION
        && !exists(accountId, decision.classification().digits())) {
      throw new ExtensionRefused(Reason.DESTINATION_BLOCKED, "extensions.rule.NO_SUCH_EXTENSION");
    }
    return target;
  }

  private boolean exists(long accountId, String digits) {
    return !em.createNamedQuery(Extension.FIND_LIVE_BY_NUMBER, Extension.class)
        .setParameter("accountId", AccountId.of(accountId))
        .setParameter("number", new ExtensionNumber(digits))
        .getResultList()
        .isEmpty();
  }
}
