package io.dialtone.callpolicy.boundary;

import io.dialtone.callpolicy.control.Classification;
import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.callpolicy.control.RuleTester;
import io.dialtone.callpolicy.control.TestResult;
import io.dialtone.callpolicy.entity.CustomRuleKind;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.boundary.LocaleBacking;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /calls/tester.xhtml}: the rule tester. {@code ?account=&extension=&number=} pre-fill it
 * (and run it when a number is given), so the call records can link a blocked attempt here; the
 * control checks the account against the caller's scope.
 */
@Named
@ViewScoped
public class TesterBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Deciding rules a customer administrator changes on the blocking page. */
  private static final Set<DecidingRule> EDITABLE =
      EnumSet.of(
          DecidingRule.ALWAYS_ALLOWED_NUMBER,
          DecidingRule.BLOCKED_NUMBER,
          DecidingRule.CLASS_OF_SERVICE,
          DecidingRule.PREMIUM_BLOCKED,
          DecidingRule.INTERNATIONAL_BLOCKED,
          DecidingRule.COUNTRY_NOT_ALLOWED,
          DecidingRule.LONG_DISTANCE_BLOCKED);

  @Inject transient RuleTester tester;
  @Inject transient AccessControl access;
  @Inject LocaleBacking language;

  private Long accountId;
  private String extension;
  private String number;
  private List<AccountOption> accounts;
  private List<String> extensions;
  private Outcome outcome;

  /** An account to pick. */
  public record AccountOption(long id, String name) implements Serializable {}

  /**
   * What the page shows of a test.
   *
   * @param editOutcome the page where the caller can change the deciding rule, or {@code null}
   * @param noSuchExtension short digits the policy reads as internal, but no extension of the
   *     account has that number: the call would not connect, whatever the policy says
   */
  public record Outcome(
      String dialled,
      String normalized,
      DestinationClass destination,
      String country,
      boolean allowed,
      DecidingRule rule,
      CustomRuleKind ruleKind,
      String ruleValue,
      String ruleExtension,
      String editOutcome,
      boolean noSuchExtension)
      implements Serializable {}

  /** View action: the accounts in scope, the pre-filled account, and a test when a number came. */
  public void load() {
    accounts =
        tester.testableAccounts().stream().map(a -> new AccountOption(a.id(), a.name())).toList();
    if (accountId == null) {
      if (accounts.isEmpty()) {
        extensions = List.of();
        return; // a reseller without customers yet: nothing to test
      }
      long own = access.caller().accountId();
      accountId = accounts.stream().anyMatch(a -> a.id() == own) ? own : accounts.getFirst().id();
    }
    refreshExtensions();
    if (number != null && !number.isBlank()) {
      test();
    }
  }

  /** The account changed: its extensions, at the account level again. */
  public void refreshExtensions() {
    extensions = tester.extensionsOf(accountId);
    if (extension != null && !extensions.contains(extension)) {
      Messages.addGlobalError("tester.unknownExtension", extension);
      extension = null;
    }
    outcome = null;
  }

  public void test() {
    if (accountId == null) {
      Messages.addGlobalError("tester.noAccount");
      return;
    }
    if (extension != null && !extensions.contains(extension)) {
      Messages.addGlobalError("tester.unknownExtension", extension);
      extension = null;
    }
    TestResult result = tester.test(accountId, extension, number);
    Classification call = result.decision().classification();
    DecidingRule rule = result.decision().rule();
    boolean noSuchExtension =
        rule == DecidingRule.INTERNAL_EXTENSION && !extensions.contains(call.digits());
    outcome =
        new Outcome(
            number,
            call.number() != null ? call.number().value() : call.digits(),
            call.destination(),
            call.country() == null ? null : Countries.name(call.country(), language.getLocale()),
            result.decision().allowed() && !noSuchExtension,
            rule,
            result.ruleKind(),
            result.ruleValue(),
            result.ruleExtension(),
            editOutcome(rule),
            noSuchExtension);
  }

  private String editOutcome(DecidingRule rule) {
    if (EDITABLE.contains(rule) && access.may(Permission.MANAGE_CALL_POLICY)) {
      return "/calls/blocking";
    }
    if (rule == DecidingRule.PLATFORM_BLOCKED_RANGE
        && access.may(Permission.MANAGE_PLATFORM_RANGES)) {
      return "/calls/ranges";
    }
    return null;
  }

  public Long getAccountId() {
    return accountId;
  }

  public void setAccountId(Long accountId) {
    this.accountId = accountId;
  }

  public String getExtension() {
    return extension;
  }

  public void setExtension(String extension) {
    this.extension = extension == null || extension.isBlank() ? null : extension.strip();
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public List<AccountOption> getAccounts() {
    return accounts;
  }

  public List<String> getExtensions() {
    return extensions;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  /** Whether the caller picks among several accounts (customer admins have only their own). */
  public boolean isSeveralAccounts() {
    return accounts != null && accounts.size() > 1;
  }
}
