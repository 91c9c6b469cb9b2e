package io.dialtone.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.dialtone.audit.entity.AuditEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

  @Test
  void escapesEveryTextField() {
    AuditRecord record =
        AuditRecord.builder(AuditAction.SIGN_IN_FAILED, AuditResult.FAILURE)
            .actor("eve\nINFO forged")
            .onBehalfOf("x\ry")
            .target("user:\u00001")
            .sourceIp("10.0.0.1\n")
            .detail("{\"result\":\"SUCCESS\"}\r\n")
            .build();

    assertThat(record.actor()).isEqualTo("eve\\nINFO forged");
    assertThat(record.onBehalfOf()).isEqualTo("x\\ry");
    assertThat(record.target()).isEqualTo("user:\\u00001");
    assertThat(record.sourceIp()).isEqualTo("10.0.0.1\\n");
    assertThat(record.detail()).isEqualTo("{\"result\":\"SUCCESS\"}\\r\\n");
  }

  @Test
  void cutsEveryTextFieldToItsColumn() {
    String long2000 = "y".repeat(2000);
    AuditRecord record =
        new AuditRecord(
            long2000,
            long2000,
            AuditAction.SIGN_OUT,
            long2000,
            AuditResult.SUCCESS,
            long2000,
            long2000,
            null);

    assertThat(record.actor()).hasSize(AuditEvent.ACTOR_LENGTH);
    assertThat(record.onBehalfOf()).hasSize(AuditEvent.ACTOR_LENGTH);
    assertThat(record.target()).hasSize(AuditEvent.TARGET_LENGTH);
    assertThat(record.sourceIp()).hasSize(AuditEvent.SOURCE_IP_LENGTH);
    assertThat(record.detail()).hasSize(AuditEvent.DETAIL_LENGTH);
  }

  @Test
  void rebuildingFromItsOwnValuesChangesNothing() {
    AuditRecord once =
        AuditRecord.builder(AuditAction.SIGN_OUT, AuditResult.SUCCESS).actor("a\\n\nb").build();
    AuditRecord twice =
        new AuditRecord(
            once.actor(),
            once.onBehalfOf(),
            once.action(),
            once.target(),
            once.result(),
            once.sourceIp(),
            once.detail(),
            once.accountId());
    assertThat(twice).isEqualTo(once);
  }

  @Test
  void requiresActionAndResult() {
    assertThatNullPointerException()
        .isThrownBy(() -> AuditRecord.builder(null, AuditResult.SUCCESS).build());
    assertThatNullPointerException()
        .isThrownBy(() -> AuditRecord.builder(AuditAction.SIGN_OUT, null).build());
  }

  @Test
  void toEventCarriesTheContentAndAVerifiableHash() {
    Instant at = Instant.parse("2026-03-01T10:15:30.123456Z");
    AuditRecord record =
        AuditRecord.builder(AuditAction.SIGN_IN_MFA, AuditResult.SUCCESS)
            .actor("alice@example.com")
            .sourceIp("192.0.2.7")
            .build();

    AuditEvent event = record.toEvent(at, AuditHash.GENESIS);

    assertThat(event.getActor()).isEqualTo("alice@example.com");
    assertThat(event.getAction()).isEqualTo(AuditAction.SIGN_IN_MFA);
    assertThat(event.getOccurredAt()).isEqualTo(at);
    assertThat(event.getPrevHash()).isEqualTo(AuditHash.GENESIS);
    assertThat(event.getRowHash()).isEqualTo(AuditHash.rowHash(event)).hasSize(64);
  }
}
