package io.dialtone.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.audit.entity.AuditEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rows written while an agent acts for a customer name the customer, and still verify. */
class AuditOnBehalfOfTest {

  private final AuditRecord plain =
      AuditRecord.builder(AuditAction.ACCOUNT_UPDATED, AuditResult.SUCCESS)
          .actor("user:7")
          .account(42L)
          .target("account:42")
          .build();

  @Test
  void aRecordThatNamesNobodyTakesTheRequestsOnBehalfOf() {
    AuditRecord filled = plain.orOnBehalfOf("account:42");

    assertThat(filled.onBehalfOf()).isEqualTo("account:42");
    assertThat(filled).usingRecursiveComparison().ignoringFields("onBehalfOf").isEqualTo(plain);
  }

  @Test
  void aRecordThatNamesSomeoneKeepsIt() {
    AuditRecord named =
        AuditRecord.builder(AuditAction.ACCESS_DENIED, AuditResult.DENIED)
            .onBehalfOf("account:9")
            .build();

    assertThat(named.orOnBehalfOf("account:42")).isSameAs(named);
  }

  @Test
  void withoutARequestOnBehalfOfNothingChanges() {
    assertThat(plain.orOnBehalfOf(null)).isSameAs(plain);
  }

  @Test
  void theFilledValueIsPartOfTheVerifiedHash() {
    Instant at = Instant.parse("2026-11-28T09:00:00.123456Z");
    AuditEvent event = plain.orOnBehalfOf("account:42").toEvent(at, AuditHash.GENESIS);

    assertThat(event.getOnBehalfOf()).isEqualTo("account:42");
    assertThat(AuditHash.rowHash(event)).isEqualTo(event.getRowHash());
    assertThat(event.getRowHash()).isNotEqualTo(plain.toEvent(at, AuditHash.GENESIS).getRowHash());
  }
}
