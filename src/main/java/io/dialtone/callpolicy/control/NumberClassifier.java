package io.dialtone.callpolicy.control;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.ShortNumberInfo;
import io.dialtone.callpolicy.entity.DialPlan;
import io.dialtone.kernel.entity.E164Number;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells what a dialled string is for an account ({@link DialPlan}), with libphonenumber.
 *
 * <p>Accepted: digits with spaces, dashes, dots and brackets, an optional leading {@code +}; the
 * country's international prefix ({@code 011} in NANP, {@code 00} in most others, and {@code 00}
 * too from NANP, where no number starts with 0); NANP 1+10, 10 and (one local area code) 7 digits.
 * In that order: emergency numbers (911 and 112 everywhere, 933 in NANP, and the country's own per
 * libphonenumber), the account's extensions, then numbers. libphonenumber's answers (tens of
 * microseconds each) are memoized per default region and dialled string (bounded: {@value
 * #CACHE_CAPACITY} entries per region); the per-account part is cheap.
 */
@ApplicationScoped
public class NumberClassifier {

  /** Longest dialled string considered, separators included. */
  public static final int MAX_DIALLED = 32;

  private static final Set<String> EMERGENCY_EVERYWHERE = Set.of("911", "112");
  private static final String NANP_TEST_EMERGENCY = "933";
  private static final String NANP_PREMIUM_EXCHANGE = "976";

  /** Memoized answers per default region, at most (about 30 MB under a flood of new numbers). */
  public static final int CACHE_CAPACITY = 100_000;

  private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
  private final ShortNumberInfo shortNumbers = ShortNumberInfo.getInstance();
  private final Map<String, BoundedCache<String, NumberFacts>> facts = new ConcurrentHashMap<>();
  private final Map<String, BoundedCache<String, Boolean>> emergency = new ConcurrentHashMap<>();

  /** The class of {@code dialled} for an account dialling with {@code plan}. */
  public Classification classify(String dialled, DialPlan plan) {
    String cleaned = clean(dialled);
    if (cleaned == null) {
      return Classification.invalid();
    }
    if (cleaned.charAt(0) != '+') {
      if (isEmergency(cleaned, plan)) {
        return new Classification(DestinationClass.EMERGENCY, cleaned, null, plan.country(), false);
      }
      if (plan.extensions().contains(cleaned)) {
        return new Classification(DestinationClass.INTERNAL, cleaned, null, null, false);
      }
    }
    String number = expand(cleaned, plan);
    if (number == null) {
      return Classification.invalid();
    }
    return classify(factsIn(plan.country()).get(number), plan);
  }

  private static Classification classify(NumberFacts facts, DialPlan plan) {
    E164Number number = facts.number();
    if (number == null) {
      return Classification.invalid();
    }
    if (!facts.valid() || facts.type() == PhoneNumberType.UNKNOWN) {
      return new Classification(
          DestinationClass.UNKNOWN, number.digits(), number, facts.region(), false);
    }
    boolean foreign = !plan.domestic(facts.region());
    DestinationClass destination;
    if (premium(facts)) {
      destination = DestinationClass.PREMIUM;
    } else if (foreign) {
      destination = DestinationClass.INTERNATIONAL;
    } else if (facts.type() == PhoneNumberType.TOLL_FREE) {
      destination = DestinationClass.TOLL_FREE;
    } else {
      destination =
          plan.local(facts.nationalNumber()) ? DestinationClass.LOCAL : DestinationClass.NATIONAL;
    }
    return new Classification(destination, number.digits(), number, facts.region(), foreign);
  }

  /**
   * Premium rate: libphonenumber's premium-rate ranges (NANP 900, UK 09, FR 089 ...), personal
   * numbers (UK 070, a classic revenue-share fraud range) and NANP exchange 976.
   */
  private static boolean premium(NumberFacts facts) {
    return facts.type() == PhoneNumberType.PREMIUM_RATE
        || facts.type() == PhoneNumberType.PERSONAL_NUMBER
        || facts.number().value().startsWith("+1")
            && facts.nationalNumber().length() == 10
            && facts.nationalNumber().startsWith(NANP_PREMIUM_EXCHANGE, 3);
  }

  private boolean isEmergency(String digits, DialPlan plan) {
    if (EMERGENCY_EVERYWHERE.contains(digits)
        || plan.nanp() && NANP_TEST_EMERGENCY.equals(digits)) {
      return true;
    }
    return digits.length() <= 6
        && emergency
            .computeIfAbsent(
                plan.country(),
                region ->
                    new BoundedCache<>(
                        CACHE_CAPACITY / 10,
                        shortNumber -> shortNumbers.isEmergencyNumber(shortNumber, region)))
            .get(digits);
  }

  /** The memo of libphonenumber's answers with {@code region} as default region. */
  private BoundedCache<String, NumberFacts> factsIn(String region) {
    BoundedCache<String, NumberFacts> memo = facts.get(region);
    return memo != null
        ? memo
        : facts.computeIfAbsent(
            region, r -> new BoundedCache<>(CACHE_CAPACITY, dialled -> lookUp(dialled, r)));
  }

  /**
   * The digit string to parse: NANP {@code 00} becomes {@code +}, seven digits get the one local
   * area code; {@code null} when seven digits have no single area code to complete them.
   */
  private static String expand(String cleaned, DialPlan plan) {
    if (!plan.nanp()) {
      return cleaned;
    }
    if (cleaned.startsWith("00")) {
      return "+" + cleaned.substring(2);
    }
    if (cleaned.length() == 7 && cleaned.charAt(0) != '+') {
      return plan.localAreaCodes().size() == 1 && plan.localAreaCodes().getFirst().length() == 3
          ? plan.localAreaCodes().getFirst() + cleaned
          : null;
    }
    return cleaned;
  }

  /** Digits with an optional leading {@code +}, separators removed; {@code null} if not that. */
  static String clean(String dialled) {
    if (dialled == null || dialled.isEmpty() || dialled.length() > MAX_DIALLED) {
      return null;
    }
    if (isPlain(dialled)) {
      return dialled;
    }
    StringBuilder out = new StringBuilder(dialled.length());
    for (int i = 0; i < dialled.length(); i++) {
      char c = dialled.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
      } else if (c == '+' && out.isEmpty()) {
        out.append(c);
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
        return null;
      }
    }
    int digits = out.length() - (out.indexOf("+") == 0 ? 1 : 0);
    return digits == 0 ? null : out.toString();
  }

  /** Whether {@code dialled} is already digits with an optional leading {@code +} (the usual). */
  private static boolean isPlain(String dialled) {
    for (int i = dialled.charAt(0) == '+' ? 1 : 0; i < dialled.length(); i++) {
      char c = dialled.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return dialled.length() > (dialled.charAt(0) == '+' ? 1 : 0);
  }

  private NumberFacts lookUp(String dialled, String region) {
    try {
      PhoneNumber parsed = phoneNumbers.parse(dialled, region);
      if (!phoneNumbers.isPossibleNumber(parsed)) {
        return NumberFacts.IMPOSSIBLE;
      }
      return new NumberFacts(
          new E164Number(phoneNumbers.format(parsed, PhoneNumberFormat.E164)),
          phoneNumbers.isValidNumber(parsed),
          phoneNumbers.getRegionCodeForNumber(parsed),
          phoneNumbers.getNumberType(parsed),
          phoneNumbers.getNationalSignificantNumber(parsed));
    } catch (NumberParseException | IllegalArgumentException e) {
      return NumberFacts.IMPOSSIBLE;
    }
  }
}
