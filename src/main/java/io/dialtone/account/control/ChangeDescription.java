package io.dialtone.account.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The audit detail of an account change: which fields changed, with old and new values for coded
 * fields and caps; free texts (name, billing e-mail) are only named.
 */
final class ChangeDescription {

  private final List<String> parts = new ArrayList<>();

  private ChangeDescription() {}

  static String of(
      AccountProfile before, UsageCaps capsBefore, AccountProfile after, UsageCaps capsAfter) {
    ChangeDescription d = new ChangeDescription();
    d.named("name", before.name(), after.name());
    d.valued("country", before.country(), after.country());
    d.valued("timeZone", before.timeZone(), after.timeZone());
    d.valued("language", before.language(), after.language());
    d.named("billingEmail", before.billingEmail(), after.billingEmail());
    d.valued("currency", before.currency(), after.currency());
    d.valued("dailySpendCap", capsBefore.dailySpend(), capsAfter.dailySpend());
    d.valued("monthlySpendCap", capsBefore.monthlySpend(), capsAfter.monthlySpend());
    d.valued("monthlyMinutesCap", capsBefore.monthlyMinutes(), capsAfter.monthlyMinutes());
    d.valued("concurrentCallsCap", capsBefore.concurrentCalls(), capsAfter.concurrentCalls());
    return d.parts.isEmpty() ? "no change" : "changed " + String.join(", ", d.parts);
  }

  private void named(String field, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      parts.add(field);
    }
  }

  private void valued(String field, Object before, Object after) {
    if (!same(before, after)) {
      parts.add(field + " " + show(before) + " -> " + show(after));
    }
  }

  private static boolean same(Object before, Object after) {
    if (before instanceof java.math.BigDecimal b && after instanceof java.math.BigDecimal a) {
      return b.compareTo(a) == 0;
    }
    return Objects.equals(before, after);
  }

  private static String show(Object value) {
    return value == null ? "none" : value.toString();
  }
}
