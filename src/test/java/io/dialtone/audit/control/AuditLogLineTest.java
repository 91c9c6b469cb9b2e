package io.dialtone.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditLogLineTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

  @Test
  void writesOneLineWithEscapedQuotedText() {
    var event =
        AuditRecord.builder(AuditAction.SIGN_IN_FAILED, AuditResult.FAILURE)
            .actor("eve\" result=SUCCESS\nINFO audit")
            .detail("{\"ok\":true} C:\\x")
            .build()
            .toEvent(AT, AuditHash.GENESIS);

    String line = AuditLogLine.appended(event);

    assertThat(line)
        .doesNotContain("\n", "\r")
        .startsWith("audit id=null at=2026-03-01T10:15:30.123456Z action=SIGN_IN_FAILED")
        .contains(" result=FAILURE actor=\"eve\\\" result=SUCCESS\\\\nINFO audit\"")
        .contains(" onBehalfOf=- ")
        .contains(" detail=\"{\\\"ok\\\":true} C:\\\\x\"")
        .endsWith(" hash=" + event.getRowHash());
  }

  @Test
  void failureLineCarriesTheRecord() {
    AuditRecord record =
        AuditRecord.builder(AuditAction.SIGN_OUT, AuditResult.SUCCESS).actor("bob").build();

    assertThat(AuditLogLine.failed(record))
        .isEqualTo(
            "audit append failed action=SIGN_OUT result=SUCCESS actor=\"bob\" onBehalfOf=-"
                + " target=- ip=- detail=-");
  }
}
