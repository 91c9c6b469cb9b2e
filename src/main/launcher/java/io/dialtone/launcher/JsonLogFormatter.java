package io.dialtone.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON-lines log format ({@code DIALTONE_LOG_FORMAT=json}): one object per line with {@code
 * time} (UTC, ISO-8601), {@code level}, {@code logger}, {@code thread}, {@code message} and, when
 * there is one, {@code exception}. An audit line ({@code audit id=… action=… result=… actor="…"})
 * also gets its fields as members ({@code audit}: true, {@code id}, {@code at}, {@code action},
 * {@code result}, {@code actor}, {@code onBehalfOf}, {@code target}, {@code ip}, {@code detail},
 * {@code hash}). The SIP failure lines (logger {@value #SIP_EVENTS}) stay exactly as they are,
 * plain text, so the fail2ban filter keeps matching them. Runs inside Payara Micro's JVM, from the
 * launcher's agent jar on the system class path, so it uses the JDK only.
 */
public final class JsonLogFormatter extends Formatter {

  static final String SIP_EVENTS = "io.dialtone.sip.events";

  private static final Pattern AUDIT_FIELD =
      Pattern.compile(
          " (id|at|action|result|hash)=(\\S+)|" + " (\\w+)=(?:-|\"((?:[^\"\\\\]|\\\\.)*)\")");

  @Override
  public String format(LogRecord record) {
    String message = formatMessage(record);
    if (SIP_EVENTS.equals(record.getLoggerName())) {
      return message + System.lineSeparator();
    }
    StringBuilder json = new StringBuilder(256);
    json.append("{\"time\":\"").append(Instant.ofEpochMilli(record.getMillis())).append('"');
    member(json, "level", record.getLevel().getName());
    member(json, "logger", record.getLoggerName());
    member(json, "thread", Thread.currentThread().getName());
    member(json, "message", message);
    if (message != null
        && (message.startsWith("audit id=") || message.startsWith("audit append failed"))) {
      json.append(",\"audit\":true");
      Matcher field = AUDIT_FIELD.matcher(message);
      while (field.find()) {
        if (field.group(1) != null) {
          member(json, field.group(1), field.group(2));
        } else {
          String quoted = field.group(4);
          member(json, field.group(3), quoted == null ? null : quoted.replaceAll("\\\\(.)", "$1"));
        }
      }
    }
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      member(json, "exception", trace.toString());
    }
    return json.append('}').append(System.lineSeparator()).toString();
  }

  private static void member(StringBuilder json, String name, String value) {
    json.append(",\"").append(name).append("\":");
    if (value == null) {
      json.append("null");
      return;
    }
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
