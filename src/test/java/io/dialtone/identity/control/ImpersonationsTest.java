package io.dialtone.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.account.control.AccountTree;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.kernel.control.Impersonation;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.kernel.entity.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The time box and the end of an impersonation, with a fixed clock and no database. */
class ImpersonationsTest {

  private static final Instant START = Instant.parse("2026-11-28T09:00:00Z");
  private static final long CUSTOMER = 42L;

  private final List<AuditRecord> recorded = new ArrayList<>();
  private boolean customerActive = true;

  private final SignedInUser agent =
      new SignedInUser(
          7L,
          "agent@example.test",
          "Alex Agent",
          1L,
          Set.of(Role.SUPPORT_AGENT),
          START.minus(Duration.ofHours(1)),
          3L,
          null);

  private final SignedInUser acting =
      Impersonations.actingAs(
          agent,
          CUSTOMER,
          new Impersonation(agent, "Acme", "TICKET-1", START, START.plus(Duration.ofMinutes(60))));

  @Test
  void actingAsACustomerKeepsTheAgentAsThePersonWithTheCustomersScope() {
    assertThat(acting.userId()).isEqualTo(agent.userId());
    assertThat(acting.actor()).isEqualTo("user:7");
    assertThat(acting.accountId()).isEqualTo(CUSTOMER);
    assertThat(acting.onBehalfOf()).isEqualTo("account:42");
    assertThat(acting.sessionEpoch()).isEqualTo(agent.sessionEpoch());
    assertThat(acting.authenticatedAt()).isEqualTo(agent.authenticatedAt());
    assertThat(acting.roles()).containsExactly(Role.CUSTOMER_ADMIN);
    assertThat(acting.permissions())
        .contains(Permission.MANAGE_ACCOUNT_PROFILE, Permission.VIEW_AUDIT)
        .doesNotContain(
            Permission.MANAGE_OWN_CREDENTIALS,
            Permission.RESET_USER_MFA,
            Permission.REVEAL_SIP_SECRET,
            Permission.SET_OWN_VOICEMAIL_PIN,
            Permission.RESET_VOICEMAIL_PIN,
            Permission.IMPERSONATE,
            Permission.SEARCH_CUSTOMERS);
  }

  @Test
  void itGoesOnUntilItsEnd() {
    Impersonations at = at(START.plus(Duration.ofMinutes(59)).plusSeconds(59));

    assertThat(at.endIfOver(acting, "192.0.2.1")).isEmpty();
    assertThat(recorded).isEmpty();
  }

  @Test
  void atItsEndTheAgentIsRestoredAndTheEndAuditedAsExpired() {
    Impersonations at = at(START.plus(Duration.ofMinutes(60)));

    assertThat(at.endIfOver(acting, "192.0.2.1")).contains(agent);

    assertThat(recorded).singleElement().satisfies(this::isEndedExpired);
  }

  @Test
  void longAfterItsEndTheSameHappens() {
    assertThat(at(START.plus(Duration.ofHours(5))).endIfOver(acting, null)).contains(agent);
    assertThat(recorded).singleElement().satisfies(this::isEndedExpired);
  }

  @Test
  void aSuspendedCustomerEndsItEarly() {
    customerActive = false;

    assertThat(at(START.plusSeconds(10)).endIfOver(acting, null)).contains(agent);

    assertThat(recorded)
        .singleElement()
        .extracting(AuditRecord::detail)
        .isEqualTo("account suspended");
  }

  @Test
  void aSessionThatIsNotImpersonatingIsLeftAlone() {
    assertThat(at(START.plus(Duration.ofDays(1))).endIfOver(agent, null)).isEmpty();
    assertThat(recorded).isEmpty();
  }

  @Test
  void stoppingRestoresTheAgentAndAuditsIt() {
    assertThat(at(START.plusSeconds(30)).stop(acting, "192.0.2.9")).isEqualTo(agent);

    assertThat(recorded)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo(AuditAction.IMPERSONATION_ENDED);
              assertThat(r.detail()).isEqualTo("stopped");
              assertThat(r.sourceIp()).isEqualTo("192.0.2.9");
            });
    assertThatThrownBy(() -> at(START).stop(agent, null)).isInstanceOf(IllegalStateException.class);
  }

  private void isEndedExpired(AuditRecord record) {
    assertThat(record.action()).isEqualTo(AuditAction.IMPERSONATION_ENDED);
    assertThat(record.actor()).isEqualTo("user:7");
    assertThat(record.onBehalfOf()).isEqualTo("account:42");
    assertThat(record.accountId()).isEqualTo(CUSTOMER);
    assertThat(record.detail()).isEqualTo("expired");
  }

  private Impersonations at(Instant now) {
    Impersonations impersonations = new Impersonations();
    impersonations.clock = Clock.fixed(now, ZoneOffset.UTC);
    impersonations.audit =
        new AuditTrail() {
          @Override
          public void record(AuditRecord record) {
            recorded.add(record);
          }
        };
    impersonations.tree =
        new AccountTree() {
          @Override
          public boolean isActiveWithAncestors(long accountId) {
            return customerActive;
          }
        };
    return impersonations;
  }
}
