package io.dialtone.callpolicy.control;

import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.callpolicy.entity.AccountCallPolicy;
import io.dialtone.callpolicy.entity.CallPolicyRule;
import io.dialtone.callpolicy.entity.CustomRuleKind;
import io.dialtone.callpolicy.entity.DialPlan;
import io.dialtone.callpolicy.entity.ExtensionCallPolicy;
import io.dialtone.callpolicy.entity.PlatformBlockedRange;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.ExtensionType;
import io.dialtone.kernel.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Call blocking of one customer account, one transaction per use case: the class toggles, the lists
 * (allowed countries, local area codes, blocked prefixes and numbers, always-allowed numbers) and
 * each extension's narrowing. Every account and rule id from a request is checked against the
 * caller's scope ({@code MANAGE_CALL_POLICY}); what people type is normalized or refused ({@link
 * RuleInput}); every change fires {@link CallPolicyChanged} in the transaction (the compiled rules
 * are dropped after commit) and is audited with before → after.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class CallPolicyEditing {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject AccountTree tree;
  @Inject CallPolicyAudit audit;
  @Inject NumberClassifier classifier;
  @Inject Event<CallPolicyChanged> changed;
  @Inject Clock clock;

  /** What the page shows of an account in scope. */
  @Transactional
  public BlockingSettings settings(long accountId) {
    AccountView account = customer(accountId);
    AccountCallPolicy toggles = em.find(AccountCallPolicy.class, accountId);
    return new BlockingSettings(
        accountId,
        account.name(),
        account.country(),
        toggles != null ? toggles : AccountCallPolicy.defaults(accountId),
        rules(accountId),
        extensions(accountId),
        em.createNamedQuery(PlatformBlockedRange.LIST_ALL, PlatformBlockedRange.class)
            .getResultList());
  }

  /** Sets the account's class toggles; false when nothing changed. */
  @Transactional
  public boolean changeToggles(
      long accountId, boolean blockInternational, boolean blockLongDistance, boolean blockPremium) {
    customer(accountId);
    AccountCallPolicy policy = em.find(AccountCallPolicy.class, accountId);
    if (policy == null) {
      policy = AccountCallPolicy.defaults(accountId);
      em.persist(policy);
    }
    String before = toggles(policy);
    policy.change(blockInternational, blockLongDistance, blockPremium);
    String after = toggles(policy);
    if (before.equals(after)) {
      return false;
    }
    changed(AuditAction.CALL_POLICY_CHANGED, accountId, "account:" + accountId, before, after);
    return true;
  }

  /**
   * Adds a rule of {@code kind} from what was typed, for the account or one of its extensions
   * ({@code extension} null or blank: the account).
   *
   * @throws RuleRefused when the value is not one of its kind, or the rule exists already
   */
  @Transactional(rollbackOn = RuleRefused.class)
  public CallPolicyRule addRule(
      long accountId, String extension, @NotNull CustomRuleKind kind, String typed)
      throws RuleRefused {
    AccountView account = customer(accountId);
    ExtensionNumber scope = extension(extension);
    if (scope != null && !kind.perExtension()) {
      throw new RuleRefused("blocking.refused.accountOnly");
    }
    List<CallPolicyRule> rules = rules(accountId);
    String value = RuleInput.normalize(kind, typed, dialPlan(account, rules), classifier);
    boolean duplicate =
        rules.stream()
            .anyMatch(
                r ->
                    r.getKind() == kind
                        && r.getValue().equals(value)
                        && Objects.equals(r.getExtension(), scope));
    if (duplicate) {
      throw new RuleRefused("blocking.refused.duplicate", value);
    }
    CallPolicyRule rule = CallPolicyRule.of(accountId, scope, kind, value, clock.instant());
    em.persist(rule);
    em.flush();
    changed(AuditAction.CALL_POLICY_RULE_ADDED, accountId, target(rule), "none", describe(rule));
    return rule;
  }

  /** Removes a rule of an account in scope. */
  @Transactional
  public void removeRule(long ruleId) {
    CallPolicyRule rule = em.find(CallPolicyRule.class, ruleId);
    if (rule == null) {
      access.require(Permission.MANAGE_CALL_POLICY);
      throw access.refuse("call-policy-rule:" + ruleId, "no such rule");
    }
    customer(rule.getAccountId());
    em.remove(rule);
    changed(
        AuditAction.CALL_POLICY_RULE_REMOVED,
        rule.getAccountId(),
        target(rule),
        describe(rule),
        "none");
  }

  /**
   * Sets an extension's class of service and extra blocks (created when the account had none for
   * it).
   *
   * @throws RuleRefused when {@code extension} is not an extension number
   */
  @Transactional(rollbackOn = RuleRefused.class)
  public void saveExtension(
      long accountId,
      String extension,
      @NotNull ClassOfService classOfService,
      boolean blockInternational,
      boolean blockLongDistance,
      boolean blockPremium)
      throws RuleRefused {
    customer(accountId);
    ExtensionNumber number = extension(extension);
    if (number == null || !ExtensionRange.DEFAULT.contains(number.digits())) {
      throw new RuleRefused("blocking.refused.extension", Objects.toString(extension, ""));
    }
    ExtensionCallPolicy policy =
        extensions(accountId).stream()
            .filter(e -> e.getExtension().equals(number))
            .findFirst()
            .orElse(null);
    String before = "none";
    if (policy == null) {
      policy = ExtensionCallPolicy.forNew(accountId, number, ExtensionType.USER);
      em.persist(policy);
    } else {
      before = describe(policy);
    }
    policy.changeClassOfService(classOfService);
    policy.changeBlocks(blockInternational, blockLongDistance, blockPremium);
    String after = describe(policy);
    if (!before.equals(after)) {
      changed(
          AuditAction.EXTENSION_CALL_POLICY_CHANGED,
          accountId,
          "extension:" + accountId + "/" + number,
          before,
          after);
    }
  }

  /** Removes an extension's narrowing and its own rules: it may then call internal numbers only. */
  @Transactional
  public void removeExtension(long accountId, String extension) {
    customer(accountId);
    ExtensionNumber number =
        ExtensionNumber.isValid(extension) ? new ExtensionNumber(extension) : null;
    ExtensionCallPolicy policy =
        extensions(accountId).stream()
            .filter(e -> e.getExtension().equals(number))
            .findFirst()
            .orElseThrow(
                () -> access.refuse("extension:" + accountId + "/" + extension, "no such policy"));
    String before = describe(policy);
    for (CallPolicyRule rule : rules(accountId)) {
      if (number.equals(rule.getExtension())) {
        before += "; " + describe(rule);
        em.remove(rule);
      }
    }
    em.remove(policy);
    changed(
        AuditAction.EXTENSION_CALL_POLICY_CHANGED,
        accountId,
        "extension:" + accountId + "/" + number,
        before,
        "none");
  }

  /** The account's dial plan as the classifier needs it (country and local area codes). */
  static DialPlan dialPlan(AccountView account, List<CallPolicyRule> rules) {
    return new DialPlan(
        account.country(),
        rules.stream()
            .filter(r -> r.getKind() == CustomRuleKind.LOCAL_AREA_CODE)
            .map(CallPolicyRule::getValue)
            .toList(),
        ExtensionRange.DEFAULT);
  }

  private AccountView customer(long accountId) {
    access.requireInScope(Permission.MANAGE_CALL_POLICY, accountId);
    AccountView account =
        tree.find(accountId).orElseThrow(() -> access.refuse("account:" + accountId, "none"));
    if (account.kind() != AccountKind.CUSTOMER) {
      throw access.refuse("account:" + accountId, "call policy of a " + account.kind());
    }
    return account;
  }

  private List<CallPolicyRule> rules(long accountId) {
    return em.createNamedQuery(CallPolicyRule.LIST_BY_ACCOUNT, CallPolicyRule.class)
        .setParameter("accountId", accountId)
        .getResultList();
  }

  private List<ExtensionCallPolicy> extensions(long accountId) {
    return em
        .createNamedQuery(ExtensionCallPolicy.LIST_BY_ACCOUNT, ExtensionCallPolicy.class)
        .setParameter("accountId", accountId)
        .getResultList()
        .stream()
        .sorted(java.util.Comparator.comparing(e -> e.getExtension().digits()))
        .toList();
  }

  private static ExtensionNumber extension(String typed) throws RuleRefused {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    if (!ExtensionNumber.isValid(typed.strip())) {
      throw new RuleRefused("blocking.refused.extension", typed);
    }
    return new ExtensionNumber(typed.strip());
  }

  private void changed(
      AuditAction action, long accountId, String target, String before, String after) {
    changed.fire(CallPolicyChanged.account(accountId));
    audit.changed(action, accountId, target, before + " -> " + after);
  }

  private static String toggles(AccountCallPolicy p) {
    return "blockInternational="
        + p.isBlockInternational()
        + " blockLongDistance="
        + p.isBlockLongDistance()
        + " blockPremium="
        + p.isBlockPremium();
  }

  private static String describe(ExtensionCallPolicy e) {
    return "classOfService="
        + e.getClassOfService()
        + " blockInternational="
        + e.isBlockInternational()
        + " blockLongDistance="
        + e.isBlockLongDistance()
        + " blockPremium="
        + e.isBlockPremium();
  }

  private static String describe(CallPolicyRule rule) {
    return rule.getKind()
        + " "
        + rule.getValue()
        + (rule.getExtension() == null ? "" : " extension " + rule.getExtension());
  }

  private static String target(CallPolicyRule rule) {
    return "call-policy-rule:" + rule.getId();
  }
}
