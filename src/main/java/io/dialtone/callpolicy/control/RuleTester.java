package io.dialtone.callpolicy.control;

import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.callpolicy.entity.CallPolicyRule;
import io.dialtone.callpolicy.entity.ExtensionCallPolicy;
import io.dialtone.callpolicy.entity.PlatformBlockedRange;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * The rule tester: what {@link CallDecisions} answers for a number dialled from an account in the
 * caller's scope ({@code TEST_CALL_POLICY}: customer admins their own account, resellers their
 * customers, support and platform any), at its level or from one of its extensions, with the stored
 * rule that decided.
 *
 * <p>Audited lightly: a customer testing its own rules reads nothing new and changes nothing, so it
 * is not audited (the trail would fill with keystrokes); staff looking at another account's policy
 * is, once per test, with the number and the verdict.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class RuleTester {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject AccountTree tree;
  @Inject CallDecisions decisions;
  @Inject CallPolicyAudit audit;
  @Inject Clock clock;

  /** The customer accounts the caller may test, by name. */
  @Transactional
  public List<AccountView> testableAccounts() {
    SignedInUser caller = access.require(Permission.TEST_CALL_POLICY);
    return tree.subtreeOf(caller.accountId()).stream()
        .filter(a -> a.kind() == AccountKind.CUSTOMER)
        .sorted(java.util.Comparator.comparing(AccountView::name, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  /** The extension numbers with a call policy in an account in scope. */
  @Transactional
  public List<String> extensionsOf(long accountId) {
    customer(accountId);
    return em
        .createNamedQuery(ExtensionCallPolicy.LIST_BY_ACCOUNT, ExtensionCallPolicy.class)
        .setParameter("accountId", accountId)
        .getResultList()
        .stream()
        .map(e -> e.getExtension().digits())
        .sorted()
        .toList();
  }

  /**
   * The decision for {@code dialled} from {@code extension} of an account in scope ({@code null} or
   * blank: the account level, as for a DID's continuity target).
   */
  @Transactional
  public TestResult test(long accountId, String extension, String dialled) {
    SignedInUser caller = customer(accountId);
    ExtensionNumber from =
        extension == null || extension.isBlank() ? null : new ExtensionNumber(extension.strip());
    Decision decision = decisions.decide(AccountId.of(accountId), from, dialled, clock.instant());
    if (caller.accountId() != accountId) {
      audit.changed(
          AuditAction.CALL_POLICY_TESTED,
          accountId,
          "account:" + accountId,
          "extension "
              + (from == null ? "-" : from.digits())
              + " dialled "
              + shortened(dialled)
              + ": "
              + decision.rule());
    }
    return explain(decision);
  }

  /** What was dialled, cut to what the classifier reads at most (it comes from a URL). */
  private static String shortened(String dialled) {
    if (dialled == null) {
      return "";
    }
    return dialled.length() <= NumberClassifier.MAX_DIALLED
        ? dialled
        : dialled.substring(0, NumberClassifier.MAX_DIALLED) + "…";
  }

  private TestResult explain(Decision decision) {
    if (decision.ruleId() == null) {
      return new TestResult(decision, null, null, null);
    }
    if (decision.rule() == DecidingRule.PLATFORM_BLOCKED_RANGE) {
      PlatformBlockedRange range = em.find(PlatformBlockedRange.class, decision.ruleId());
      return new TestResult(decision, null, range == null ? null : range.getPrefix(), null);
    }
    CallPolicyRule rule = em.find(CallPolicyRule.class, decision.ruleId());
    if (rule == null) {
      return new TestResult(decision, null, null, null);
    }
    ExtensionNumber owner = rule.getExtension();
    return new TestResult(
        decision, rule.getKind(), rule.getValue(), owner == null ? null : owner.digits());
  }

  private SignedInUser customer(long accountId) {
    SignedInUser caller = access.requireInScope(Permission.TEST_CALL_POLICY, accountId);
    tree.find(accountId)
        .filter(a -> a.kind() == AccountKind.CUSTOMER)
        .orElseThrow(() -> access.refuse("account:" + accountId, "not a customer account"));
    return caller;
  }
}
