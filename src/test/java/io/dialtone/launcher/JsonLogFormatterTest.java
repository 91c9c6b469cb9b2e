package io.dialtone.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {

  private final JsonLogFormatter formatter = new JsonLogFormatter();

  @Test
  void aRecordIsOneObjectOnOneLineWithItsTextEscaped() {
    LogRecord record = new LogRecord(Level.WARNING, "line one\nsays \"hi\" \\ {0}");
    record.setLoggerName("io.dialtone.x");
    record.setMillis(0);

    String line = formatter.format(record);

    assertThat(line)
        .isEqualTo(
            "{\"time\":\"1970-01-01T00:00:00Z\",\"level\":\"WARNING\",\"logger\":\"io.dialtone.x\","
                + "\"thread\":\""
                + Thread.currentThread().getName()
                + "\",\"message\":\"line one\\nsays \\\"hi\\\" \\\\ {0}\"}"
                + System.lineSeparator());
  }

  @Test
  void anAuditLineCarriesItsFields() {
    LogRecord record =
        new LogRecord(
            Level.INFO,
            "audit id=7 at=2026-12-07T07:00:00Z action=SIGN_IN result=FAILURE actor=\"a\\\"b\""
                + " onBehalfOf=- target=\"t\" ip=\"10.0.0.1\" detail=- hash=abc123");
    record.setLoggerName("io.dialtone.audit");

    String line = formatter.format(record);

    assertThat(line)
        .contains(",\"audit\":true,\"id\":\"7\",\"at\":\"2026-12-07T07:00:00Z\"")
        .contains(",\"action\":\"SIGN_IN\",\"result\":\"FAILURE\",\"actor\":\"a\\\"b\"")
        .contains(",\"onBehalfOf\":null,\"target\":\"t\",\"ip\":\"10.0.0.1\",\"detail\":null")
        .contains(",\"hash\":\"abc123\"}");
  }

  @Test
  void theSipFailureLineStaysPlainText() {
    String fail =
        "SIP-FAIL 2026-12-07T07:00:00Z method=REGISTER user=201@c.example src=10.0.0.9:5060"
            + " transport=UDP result=auth-failed ua=\"x\"";
    LogRecord record = new LogRecord(Level.INFO, fail);
    record.setLoggerName("io.dialtone.sip.events");

    assertThat(formatter.format(record)).isEqualTo(fail + System.lineSeparator());
  }
}
