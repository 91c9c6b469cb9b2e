package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.account.control.AccountView;
import io.dialtone.account.entity.Account;
import io.dialtone.callpolicy.control.CallDecisions;
import io.dialtone.callpolicy.control.CallPolicyEditing;
import io.dialtone.callpolicy.control.ClassOfService;
import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.callpolicy.control.Decision;
import io.dialtone.callpolicy.control.PlatformRangeManagement;
import io.dialtone.callpolicy.control.RuleRefused;
import io.dialtone.callpolicy.control.RuleTester;
import io.dialtone.callpolicy.control.TestResult;
import io.dialtone.callpolicy.entity.CallPolicyRule;
import io.dialtone.callpolicy.entity.CustomRuleKind;
import io.dialtone.callpolicy.entity.PlatformBlockedRange;
import io.dialtone.incontainer.SeededAccounts.Tenants;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.Role;
import io.dialtone.platform.control.AccessDenied;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The call policy's controls in Payara Micro on MariaDB (SECURITY.md E1, F1–F3): another tenant's
 * account, rule or extension is refused and nothing changes; a change reaches {@link
 * CallDecisions#decide} as soon as it commits (the compiled copy is dropped); a platform range
 * beats a customer's always-allowed number. Every destination is rated here ({@link
 * EverythingRated}), so the decisions reach the customer rules.
 */
@ExtendWith(ArquillianExtension.class)
public class CallPolicyScopeIT {

  private static final String LONDON = "+442079460000";

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("callpolicy").addClass(EverythingRated.class);
  }

  @Inject CallPolicyEditing editing;
  @Inject RuleTester tester;
  @Inject PlatformRangeManagement ranges;
  @Inject CallDecisions decisions;
  @Inject SeededAccounts accounts;
  @Inject CallPolicyRows rows;

  @Test
  void anotherTenantsAccountRuleOrExtensionIsRefusedAndNothingChanges() throws RuleRefused {
    Tenants t = accounts.tenants();
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.b1());
    CallPolicyRule victimRule = editing.addRule(t.b1(), null, CustomRuleKind.BLOCK_PREFIX, "+4470");
    editing.saveExtension(t.b1(), "201", ClassOfService.LOCAL, false, false, false);
    String before = rows.snapshot(t.b1());

    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    assertAllRefused(t.b1(), victimRule.getId());
    assertThatThrownBy(() -> tester.test(t.b1(), null, LONDON)).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> tester.extensionsOf(t.b1())).isInstanceOf(AccessDenied.class);

    accounts.signInAs(Role.RESELLER_ADMIN, t.a());
    assertAllRefused(t.a1(), victimRule.getId()); // a reseller tests, never edits
    assertThatThrownBy(() -> tester.test(t.b1(), null, LONDON)).isInstanceOf(AccessDenied.class);
    assertThat(tester.testableAccounts().stream().map(AccountView::id))
        .contains(t.a1(), t.a2())
        .doesNotContain(t.b1(), t.b2(), t.a());
    assertThat(tester.test(t.a1(), null, "911").decision().rule())
        .isEqualTo(DecidingRule.EMERGENCY_NUMBER);
    assertThatThrownBy(() -> tester.test(t.a(), null, LONDON)).isInstanceOf(AccessDenied.class);

    accounts.signInAs(Role.CUSTOMER_USER, t.b1());
    assertAllRefused(t.b1(), victimRule.getId());
    assertThatThrownBy(() -> tester.test(t.b1(), null, LONDON)).isInstanceOf(AccessDenied.class);

    accounts.signInAs(Role.CUSTOMER_ADMIN, t.b1());
    assertThatThrownBy(() -> ranges.add("+8812", "not mine")).isInstanceOf(AccessDenied.class);
    assertThat(rows.snapshot(t.b1())).isEqualTo(before);
    assertThat(rows.audited("ACCESS_DENIED", t.b1())).isPositive();
  }

  @Test
  void aChangeReachesTheDecisionAsSoonAsItCommits() throws RuleRefused {
    Tenants t = accounts.tenants();
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    ExtensionNumber reception = new ExtensionNumber("201");
    assertThat(decide(t.a1(), null, LONDON)).isEqualTo(DecidingRule.INTERNATIONAL_BLOCKED);
    assertThat(decide(t.a1(), reception, LONDON)).isEqualTo(DecidingRule.CLASS_OF_SERVICE);

    assertThat(editing.changeToggles(t.a1(), false, false, true)).isTrue();
    assertThat(decide(t.a1(), null, LONDON)).isEqualTo(DecidingRule.COUNTRY_NOT_ALLOWED);
    editing.addRule(t.a1(), null, CustomRuleKind.ALLOW_COUNTRY, "GB");
    assertThat(decide(t.a1(), null, LONDON)).isEqualTo(DecidingRule.NO_RULE_AGAINST);

    CallPolicyRule blocked =
        editing.addRule(t.a1(), null, CustomRuleKind.BLOCK_NUMBER, "011 44 20 7946 0000");
    Decision decision = decisions.decide(AccountId.of(t.a1()), null, LONDON, Instant.now());
    assertThat(decision.rule()).isEqualTo(DecidingRule.BLOCKED_NUMBER);
    assertThat(decision.ruleId()).isEqualTo(blocked.getId());
    TestResult tested = tester.test(t.a1(), null, "+44 20 7946 0000");
    assertThat(tested.ruleKind()).isEqualTo(CustomRuleKind.BLOCK_NUMBER);
    assertThat(tested.ruleValue()).isEqualTo(LONDON);
    editing.removeRule(blocked.getId());
    assertThat(decide(t.a1(), null, LONDON)).isEqualTo(DecidingRule.NO_RULE_AGAINST);

    editing.saveExtension(t.a1(), "201", ClassOfService.INTERNATIONAL, false, false, false);
    assertThat(decide(t.a1(), reception, LONDON)).isEqualTo(DecidingRule.NO_RULE_AGAINST);
    assertThat(tester.extensionsOf(t.a1())).containsExactly("201");
    editing.saveExtension(t.a1(), "201", ClassOfService.INTERNATIONAL, true, false, false);
    assertThat(decide(t.a1(), reception, LONDON)).isEqualTo(DecidingRule.INTERNATIONAL_BLOCKED);
    editing.addRule(t.a1(), "201", CustomRuleKind.ALLOW_NUMBER, LONDON);
    assertThat(decide(t.a1(), reception, LONDON)).isEqualTo(DecidingRule.ALWAYS_ALLOWED_NUMBER);
    editing.removeExtension(t.a1(), "201");
    assertThat(decide(t.a1(), reception, LONDON)).isEqualTo(DecidingRule.CLASS_OF_SERVICE);

    assertThat(rows.audited("CALL_POLICY_CHANGED", t.a1())).isEqualTo(1);
    assertThat(rows.audited("CALL_POLICY_RULE_ADDED", t.a1())).isEqualTo(3);
    assertThat(rows.audited("CALL_POLICY_RULE_REMOVED", t.a1())).isEqualTo(1);
    assertThat(rows.audited("EXTENSION_CALL_POLICY_CHANGED", t.a1())).isEqualTo(3);
    assertThat(rows.audited("CALL_POLICY_TESTED", t.a1())).isZero(); // its own admin: not audited
  }

  @Test
  void badInputIsRefusedWithAReasonAndStoresNothing() throws RuleRefused {
    Tenants t = accounts.tenants();
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    String before = rows.snapshot(t.a1());
    assertRefused(() -> editing.addRule(t.a1(), null, CustomRuleKind.BLOCK_NUMBER, "911"));
    assertRefused(() -> editing.addRule(t.a1(), null, CustomRuleKind.BLOCK_NUMBER, "nonsense"));
    assertRefused(() -> editing.addRule(t.a1(), "12a", CustomRuleKind.BLOCK_PREFIX, "+44"));
    assertRefused(() -> editing.addRule(t.a1(), "201", CustomRuleKind.ALLOW_COUNTRY, "GB"));
    assertRefused(
        () -> editing.saveExtension(t.a1(), "1", ClassOfService.LOCAL, false, false, false));
    assertThat(rows.snapshot(t.a1())).isEqualTo(before);
    editing.addRule(t.a1(), null, CustomRuleKind.BLOCK_PREFIX, "+44 70");
    assertRefused(() -> editing.addRule(t.a1(), null, CustomRuleKind.BLOCK_PREFIX, "+4470"));
  }

  @Test
  void aPlatformRangeCannotBeLiftedByACustomersAlwaysAllowedNumber() throws RuleRefused {
    Tenants t = accounts.tenants();
    String number = "+44207946" + (1000 + ThreadLocalRandom.current().nextInt(9000));
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    editing.addRule(t.a1(), null, CustomRuleKind.ALLOW_NUMBER, number);
    assertThat(decide(t.a1(), null, number)).isEqualTo(DecidingRule.ALWAYS_ALLOWED_NUMBER);

    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    long addedBefore = rows.audited("PLATFORM_RANGE_ADDED");
    PlatformBlockedRange range = ranges.add(number.substring(0, 11), "in-container test");
    try {
      Decision decision = decisions.decide(AccountId.of(t.a1()), null, number, Instant.now());
      assertThat(decision.rule()).isEqualTo(DecidingRule.PLATFORM_BLOCKED_RANGE);
      assertThat(decision.ruleId()).isEqualTo(range.getId());
      assertThat(tester.test(t.a1(), null, number).ruleValue()).isEqualTo(range.getPrefix());
      assertThat(rows.audited("PLATFORM_RANGE_ADDED")).isEqualTo(addedBefore + 1);
      assertThat(rows.audited("CALL_POLICY_TESTED", t.a1())).isEqualTo(1);
    } finally {
      ranges.remove(range.getId());
    }
    assertThat(decide(t.a1(), null, number)).isEqualTo(DecidingRule.ALWAYS_ALLOWED_NUMBER);
    assertThat(ranges.ranges()).extracting(PlatformBlockedRange::getPrefix).contains("+881");
  }

  private DecidingRule decide(long accountId, ExtensionNumber extension, String dialled) {
    return decisions.decide(AccountId.of(accountId), extension, dialled, Instant.now()).rule();
  }

  private void assertAllRefused(long accountId, long ruleId) {
    List<ThrowingCallable> attempts =
        List.of(
            () -> editing.settings(accountId),
            () -> editing.changeToggles(accountId, false, false, false),
            () -> editing.addRule(accountId, null, CustomRuleKind.ALLOW_COUNTRY, "GB"),
            () -> editing.addRule(accountId, null, CustomRuleKind.ALLOW_NUMBER, LONDON),
            () -> editing.removeRule(ruleId),
            () ->
                editing.saveExtension(
                    accountId, "201", ClassOfService.INTERNATIONAL, false, false, false),
            () -> editing.removeExtension(accountId, "201"));
    for (ThrowingCallable attempt : attempts) {
      assertThatThrownBy(attempt).isInstanceOf(AccessDenied.class);
    }
  }

  private static void assertRefused(ThrowingCallable attempt) {
    assertThatThrownBy(attempt).isInstanceOf(RuleRefused.class);
  }
}
