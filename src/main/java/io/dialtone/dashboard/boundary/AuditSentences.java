package io.dialtone.dashboard.boundary;

import io.dialtone.kernel.entity.Permission;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An audit row's detail as a sentence from the bundle, for the shapes the components write: an
 * account change ("changed dailySpendCap 50.00 -> 80.00, name" reads "changed the daily spend cap
 * from 50.00 CAD to 80.00 CAD; changed the name"), a role change, and a single value's change
 * ("none -> BLOCK_NUMBER" reads "from none to Block the number"), a refusal for a missing
 * permission ("missing VIEW_AUDIT" reads "refused: the permission to read the audit trail is
 * needed"), a call-records export ("… rows=120" reads "120 calls exported") and a customer search
 * ("text=acme hits=3" reads "searched for “acme”: 3 customers found"). Codes read as their labels,
 * money with the account's currency, numbers in the viewer's language. Any other detail is shown as
 * written.
 */
final class AuditSentences {

  /** The texts of the bundle: key and arguments → text, in the viewer's language. */
  interface Texts {
    String text(String key, Object... args);

    /** The label of a constant (e.g. {@code BLOCK_NUMBER}) of any enum, if the bundle has one. */
    Optional<String> label(String constant);
  }

  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "country",
          "timeZone",
          "language",
          "billingEmail",
          "currency",
          "dailySpendCap",
          "monthlySpendCap",
          "monthlyMinutesCap",
          "concurrentCallsCap");
  private static final String OWN_PROFILE = "own profile; ";
  private static final Set<String> MONEY = Set.of("dailySpendCap", "monthlySpendCap");
  private static final Pattern VALUED = Pattern.compile("(\\w+) (\\S+) -> (\\S+)");
  private static final Pattern NAMED = Pattern.compile("\\w+");
  private static final Pattern ROLES = Pattern.compile("roles \\[(.*)] -> \\[(.*)]");
  private static final Pattern FROM_TO = Pattern.compile("([\\w.]+) -> ([\\w.]+)");
  private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]+");
  private static final Pattern MISSING = Pattern.compile("missing ([A-Z][A-Z_]+)");
  private static final Pattern EXPORTED = Pattern.compile(".* rows=(\\d+)( failed)?");
  private static final Pattern SEARCHED = Pattern.compile("text=(.*) hits=(\\d+)");

  private final Texts texts;
  private final Locale locale;
  private final Function<Long, Optional<String>> currencies;

  AuditSentences(Texts texts, Locale locale, Function<Long, Optional<String>> currencies) {
    this.texts = texts;
    this.locale = locale;
    this.currencies = currencies;
  }

  String sentence(String detail, Long accountId) {
    if (detail == null || detail.isBlank()) {
      return "";
    }
    if (detail.startsWith(OWN_PROFILE)) { // an administrator changed their own account
      return texts.text("audit.words.ownProfile")
          + "; "
          + part(detail.substring(OWN_PROFILE.length()), accountId);
    }
    return part(detail, accountId);
  }

  private String part(String detail, Long accountId) {
    if (detail.equals("no change")) {
      return texts.text("audit.words.noChange");
    }
    Matcher roles = ROLES.matcher(detail);
    if (roles.matches()) {
      return texts.text(
          "audit.words.changedFromTo",
          texts.text("audit.field.roles"),
          roles(roles.group(1)),
          roles(roles.group(2)));
    }
    if (detail.startsWith("changed ")) {
      return accountChange(detail.substring("changed ".length()), accountId).orElse(detail);
    }
    Matcher missing = MISSING.matcher(detail);
    if (missing.matches() && isPermission(missing.group(1))) {
      return texts.text(
          "audit.words.missingPermission", texts.text("Permission." + missing.group(1)));
    }
    Matcher exported = EXPORTED.matcher(detail);
    if (exported.matches()) {
      long rows = Long.parseLong(exported.group(1));
      return texts.text(
          exported.group(2) == null ? "audit.words.exported" : "audit.words.exportFailed", rows);
    }
    Matcher searched = SEARCHED.matcher(detail);
    if (searched.matches()) {
      return texts.text(
          "audit.words.searched", searched.group(1), Long.parseLong(searched.group(2)));
    }
    Matcher fromTo = FROM_TO.matcher(detail);
    if (fromTo.matches()) {
      return texts.text("audit.words.fromTo", value(fromTo.group(1)), value(fromTo.group(2)));
    }
    return detail;
  }

  private Optional<String> accountChange(String parts, Long accountId) {
    List<String> sentences = new ArrayList<>();
    for (String part : parts.split(", ")) {
      Matcher valued = VALUED.matcher(part);
      if (valued.matches() && FIELDS.contains(valued.group(1))) {
        String field = valued.group(1);
        sentences.add(
            texts.text(
                "audit.words.changedFromTo",
                texts.text("audit.field." + field),
                fieldValue(field, valued.group(2), accountId),
                fieldValue(field, valued.group(3), accountId)));
      } else if (NAMED.matcher(part).matches() && FIELDS.contains(part)) {
        sentences.add(texts.text("audit.words.changed", texts.text("audit.field." + part)));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(String.join("; ", sentences));
  }

  private String fieldValue(String field, String raw, Long accountId) {
    if ("none".equals(raw)) {
      return texts.text("audit.words.none");
    }
    return switch (field) {
      case "language" -> texts.text("Language." + raw);
      case "country" -> Locale.of("", raw).getDisplayCountry(locale);
      default ->
          number(raw, MONEY.contains(field) ? currencies.apply(accountId) : Optional.empty());
    };
  }

  private String number(String raw, Optional<String> currency) {
    try {
      BigDecimal amount = new BigDecimal(raw);
      NumberFormat format = NumberFormat.getNumberInstance(locale);
      if (currency.isPresent()) {
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount) + " " + currency.get();
      }
      format.setMaximumFractionDigits(amount.scale() < 0 ? 0 : amount.scale());
      return format.format(amount);
    } catch (NumberFormatException e) {
      return raw; // a zone or a currency code reads as itself
    }
  }

  private String value(String raw) {
    if ("none".equals(raw) || "null".equals(raw)) {
      return texts.text("audit.words.none");
    }
    if (CONSTANT.matcher(raw).matches()) {
      return texts.label(raw).orElse(raw);
    }
    return number(raw, Optional.empty());
  }

  private static boolean isPermission(String code) {
    return Arrays.stream(Permission.values()).anyMatch(p -> p.name().equals(code));
  }

  private String roles(String constants) {
    if (constants.isBlank()) {
      return texts.text("audit.words.none");
    }
    return Arrays.stream(constants.split(",\\s*"))
        .map(role -> texts.text("Role." + role.strip()))
        .collect(Collectors.joining(", "));
  }
}
