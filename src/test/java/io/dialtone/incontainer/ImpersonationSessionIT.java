package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.account.control.AccountManagement;
import io.dialtone.account.control.AccountProfile;
import io.dialtone.account.entity.Account;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditContext;
import io.dialtone.audit.control.AuditEntry;
import io.dialtone.audit.control.AuditHash;
import io.dialtone.audit.control.AuditQuery;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.identity.boundary.ImpersonationSessions;
import io.dialtone.identity.control.ImpersonationPolicy;
import io.dialtone.identity.control.ImpersonationRefused;
import io.dialtone.identity.control.Impersonations;
import io.dialtone.incontainer.SeededAccounts.Tenants;
import io.dialtone.kernel.control.Impersonation;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Role;
import io.dialtone.platform.control.AccessDenied;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Impersonation in Payara Micro on MariaDB (SECURITY.md F4, C3): who may act for whom, the time box
 * from the configuration (60 minutes by default), every row written meanwhile naming the customer,
 * and the end of an expired impersonation as the authentication mechanism triggers it, without
 * waiting an hour: the session holds an impersonation whose end has passed.
 */
@ExtendWith(ArquillianExtension.class)
public class ImpersonationSessionIT {

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("identity");
  }

  @Inject Impersonations impersonations;
  @Inject ImpersonationSessions sessions;
  @Inject ImpersonationPolicy policy;
  @Inject AccountManagement management;
  @Inject SeededAccounts accounts;
  @Inject AuditQuery audit;
  @Inject AuditContext auditContext;
  @Inject HttpServletRequest request;
  @Inject AuditTrail trail;
  @Inject Parallel parallel;

  @Test
  void anAgentActsForSixtyMinutesAtMostAndEveryRowMeanwhileNamesTheCustomer() throws Exception {
    Tenants t = accounts.tenants();
    String agent = accounts.signInAs(Role.SUPPORT_AGENT, Account.PLATFORM_ID);

    SignedInUser acting = impersonations.start(t.a1(), "  TICKET-9 caps  ", "192.0.2.1");

    Impersonation impersonation = acting.impersonation();
    assertThat(policy.length()).isEqualTo(Duration.ofMinutes(60));
    assertThat(Duration.between(impersonation.startedAt(), impersonation.endsAt()))
        .isEqualTo(Duration.ofMinutes(60));
    assertThat(impersonation.reason()).isEqualTo("TICKET-9 caps");
    assertThat(acting.actor()).isEqualTo(agent);
    assertThat(acting.accountId()).isEqualTo(t.a1());

    // What the authentication mechanism does for each request of the impersonating session:
    request.getSession().setAttribute(SignedInUser.SESSION_ATTRIBUTE, acting);
    auditContext.actingFor(acting.onBehalfOf());
    management.editOwnProfile(AccountProfile.defaults("Renamed by support"));
    assertThatThrownBy(() -> impersonations.start(t.a2(), "second one", null))
        .isInstanceOf(AccessDenied.class);

    List<AuditEntry> rows = audit.recentForActor(agent, AuditQuery.MAX_RESULTS);
    assertThat(rows)
        .extracting(AuditEntry::getAction)
        .containsExactly(
            AuditAction.ACCESS_DENIED,
            AuditAction.ACCOUNT_UPDATED,
            AuditAction.IMPERSONATION_STARTED);
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.getOnBehalfOf()).isEqualTo("account:" + t.a1());
              assertThat(AuditHash.rowHash(row)).isEqualTo(row.getRowHash());
            });
    assertThat(rows.get(2).getDetail()).isEqualTo("TICKET-9 caps");
    assertThat(rows.get(2).getAccountId()).isEqualTo(t.a1());

    // Outside a request (a container thread, as scheduled jobs run): nothing added, no failure.
    String job = "job:" + UUID.randomUUID();
    List<String> onBehalfOf =
        parallel.run(
            1,
            () -> {
              trail.record(
                  AuditRecord.builder(AuditAction.AUDIT_CHAIN_VERIFIED, AuditResult.SUCCESS)
                      .actor(job)
                      .build());
              return audit.recentForActor(job, 1).getFirst().getOnBehalfOf();
            });
    assertThat(onBehalfOf).containsExactly((String) null);
  }

  @Test
  void onlyActiveCustomerAccountsInTheCallersScopeCanBeEntered() throws Exception {
    Tenants t = accounts.tenants();
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    management.suspend(t.b2());
    assertThatThrownBy(() -> impersonations.start(t.a1(), "platform admins do not", null))
        .isInstanceOf(AccessDenied.class);

    accounts.signInAs(Role.SUPPORT_AGENT, Account.PLATFORM_ID);
    assertThatThrownBy(() -> impersonations.start(t.a(), "a reseller", null))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> impersonations.start(Account.PLATFORM_ID, "the platform", null))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> impersonations.start(t.b2(), "suspended", null))
        .isInstanceOf(ImpersonationRefused.class)
        .extracting(e -> ((ImpersonationRefused) e).messageKey())
        .isEqualTo("support_act.suspended");
    assertThatThrownBy(() -> impersonations.start(t.b1(), " ", null))
        .isInstanceOf(ImpersonationRefused.class)
        .extracting(e -> ((ImpersonationRefused) e).messageKey())
        .isEqualTo("support_act.reasonInvalid");

    accounts.signInAs(Role.RESELLER_ADMIN, t.a());
    assertThatThrownBy(() -> impersonations.start(t.b1(), "not my customer", null))
        .isInstanceOf(AccessDenied.class);
    assertThat(impersonations.start(t.a2(), "my customer", null).accountId()).isEqualTo(t.a2());

    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    assertThatThrownBy(() -> impersonations.start(t.a1(), "myself", null))
        .isInstanceOf(AccessDenied.class);
  }

  @Test
  void anExpiredImpersonationEndsUnderANewSessionIdWithTheAgentRestored() {
    Tenants t = accounts.tenants();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    SignedInUser agent =
        new SignedInUser(
            Math.abs(System.nanoTime() % 1_000_000_000L),
            "agent@example.test",
            "Agent",
            Account.PLATFORM_ID,
            Set.of(Role.SUPPORT_AGENT),
            now.minus(Duration.ofHours(2)),
            0,
            null);
    SignedInUser goingOn = acting(agent, t.a1(), now.minusSeconds(60), now.plusSeconds(3540));
    SignedInUser expired = acting(agent, t.a1(), now.minusSeconds(3601), now.minusSeconds(1));

    request.getSession().setAttribute(SignedInUser.SESSION_ATTRIBUTE, goingOn);
    assertThat(sessions.endIfOver(request, goingOn)).isEmpty();
    assertThat(SignedInUser.in(request.getSession(false))).contains(goingOn);

    request.getSession().setAttribute(SignedInUser.SESSION_ATTRIBUTE, expired);
    String before = request.getSession().getId();
    assertThat(sessions.endIfOver(request, expired))
        .contains(request.getContextPath() + "/support/index.xhtml?ended=over");

    assertThat(SignedInUser.in(request.getSession(false))).contains(agent);
    assertThat(request.getSession().getId()).isNotEqualTo(before);
    assertThat(auditContext.onBehalfOf()).isNull();
    AuditEntry end = audit.recentForActor(agent.actor(), 1).getFirst();
    assertThat(end.getAction()).isEqualTo(AuditAction.IMPERSONATION_ENDED);
    assertThat(end.getDetail()).isEqualTo("expired");
    assertThat(end.getOnBehalfOf()).isEqualTo("account:" + t.a1());
    assertThat(end.getAccountId()).isEqualTo(t.a1());
    assertThat(AuditHash.rowHash(end)).isEqualTo(end.getRowHash());
  }

  private static SignedInUser acting(SignedInUser agent, long account, Instant from, Instant to) {
    return new SignedInUser(
        agent.userId(),
        agent.email(),
        agent.displayName(),
        account,
        Set.of(Role.CUSTOMER_ADMIN),
        agent.authenticatedAt(),
        agent.sessionEpoch(),
        new Impersonation(agent, "Customer", "TICKET-1", from, to));
  }
}
