package io.dialtone.audit.control;

import io.dialtone.audit.entity.AuditEvent;

/**
 * The one log line written per audit event: {@code key=value} pairs on a single line, free text in
 * double quotes with {@code \} and {@code "} escaped, absent values as a bare {@code -}. Text
 * fields hold no control characters already (see {@link AuditText}), so input cannot start a new
 * line or fake a field; the full row hash lets a log reader cross-check the database chain.
 */
final class AuditLogLine {

  private AuditLogLine() {}

  /** The line for a stored event. */
  static String appended(AuditEvent event) {
    AuditRecord content =
        new AuditRecord(
            event.getActor(),
            event.getOnBehalfOf(),
            event.getAction(),
            event.getTarget(),
            event.getResult(),
            event.getSourceIp(),
            event.getDetail(),
            event.getAccountId());
    return "audit id="
        + event.getId()
        + " at="
        + event.getOccurredAt()
        + fields(content)
        + " hash="
        + event.getRowHash();
  }

  /** The line for a record that could not be stored. */
  static String failed(AuditRecord record) {
    return "audit append failed" + fields(record);
  }

  private static String fields(AuditRecord record) {
    StringBuilder line = new StringBuilder(256);
    line.append(" action=").append(record.action().name());
    line.append(" result=").append(record.result().name());
    quoted(line, "actor", record.actor());
    quoted(line, "onBehalfOf", record.onBehalfOf());
    quoted(line, "target", record.target());
    quoted(line, "ip", record.sourceIp());
    quoted(line, "detail", record.detail());
    return line.toString();
  }

  private static void quoted(StringBuilder line, String key, String value) {
    line.append(' ').append(key).append('=');
    if (value == null) {
      line.append('-');
      return;
    }
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '"') {
        line.append('\\');
      }
      line.append(c);
    }
    line.append('"');
  }
}
