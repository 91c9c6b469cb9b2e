package io.dialtone.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditHashTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

  private static AuditRecord record(String actor, String onBehalfOf) {
    return AuditRecord.builder(AuditAction.SIGN_IN_PASSWORD, AuditResult.SUCCESS)
        .actor(actor)
        .onBehalfOf(onBehalfOf)
        .build();
  }

  @Test
  void isDeterministic() {
    assertThat(AuditHash.rowHash(AuditHash.GENESIS, AT, record("alice", "bob")))
        .isEqualTo(AuditHash.rowHash(AuditHash.GENESIS, AT, record("alice", "bob")))
        .matches("[0-9a-f]{64}");
  }

  @Test
  void lengthPrefixesKeepFieldBoundaries() {
    assertThat(AuditHash.rowHash(AuditHash.GENESIS, AT, record("ab", "c")))
        .isNotEqualTo(AuditHash.rowHash(AuditHash.GENESIS, AT, record("a", "bc")));
    assertThat(AuditHash.rowHash(AuditHash.GENESIS, AT, record("a;1:b", null)))
        .isNotEqualTo(AuditHash.rowHash(AuditHash.GENESIS, AT, record("a", "b")));
    assertThat(AuditHash.rowHash(AuditHash.GENESIS, AT, record("-", null)))
        .isNotEqualTo(AuditHash.rowHash(AuditHash.GENESIS, AT, record(null, "-")));
  }

  @Test
  void canonicalFormIsTheDocumentedOne() {
    AuditRecord r = record("zoë", null);
    byte[] canonical =
        AuditHash.canonical(
            AT, r.action(), r.result(), r.actor(), r.onBehalfOf(), null, "10.0.0.1", null, 42L);
    long micros = AT.getEpochSecond() * 1_000_000 + 123_456;

    assertThat(new String(canonical, StandardCharsets.UTF_8))
        .isEqualTo(
            "audit-v1;16:" + micros + ";4:zoë;-;16:SIGN_IN_PASSWORD;-;7:SUCCESS;8:10.0.0.1;-;2:42");
  }

  @Test
  void everyFieldAndThePreviousHashCount() {
    String base = AuditHash.rowHash(AuditHash.GENESIS, AT, record("alice", null));

    assertThat(AuditHash.rowHash("f".repeat(64), AT, record("alice", null))).isNotEqualTo(base);
    assertThat(AuditHash.rowHash(AuditHash.GENESIS, AT.plusNanos(1_000), record("alice", null)))
        .isNotEqualTo(base);
    AuditRecord denied =
        AuditRecord.builder(AuditAction.SIGN_IN_PASSWORD, AuditResult.DENIED)
            .actor("alice")
            .build();
    assertThat(AuditHash.rowHash(AuditHash.GENESIS, AT, denied)).isNotEqualTo(base);
  }

  @Test
  void refusesInstantsFinerThanTheColumn() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> AuditHash.rowHash(AuditHash.GENESIS, AT.plusNanos(1), record("alice", null)));
  }

  @Test
  void storedEventHashesLikeTheRecordItCameFrom() {
    AuditRecord r = record("alice\nforged", "bob");
    var event = r.toEvent(AT, AuditHash.GENESIS);

    assertThat(AuditHash.rowHash(event))
        .isEqualTo(AuditHash.rowHash(AuditHash.GENESIS, AT, r))
        .isEqualTo(event.getRowHash());
  }
}
