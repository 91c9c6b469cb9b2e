package io.dialtone.callpolicy.control;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.dialtone.callpolicy.entity.CustomRuleKind;
import io.dialtone.callpolicy.entity.DialPlan;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a person typed for a rule into the stored value of its kind, or refuses it with a
 * reason: numbers are normalized to E.164 by the classifier with the account's dial plan (so {@code
 * 020 7946 0000} from a UK account and {@code +44 20 7946 0000} are one rule), prefixes lose their
 * separators, countries must be regions libphonenumber knows. Pure apart from the classifier.
 */
public final class RuleInput {

  private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");
  private static final Pattern PREFIX = Pattern.compile("\\+[0-9]{1,15}");
  private static final Pattern NANP_AREA_CODE = Pattern.compile("[2-9][0-9]{2}");
  private static final Pattern AREA_CODE = Pattern.compile("[0-9]{1,6}");
  private static final Set<String> REGIONS = PhoneNumberUtil.getInstance().getSupportedRegions();

  private RuleInput() {}

  /**
   * The value to store for {@code kind} from {@code typed}, for an account dialling by {@code
   * plan}.
   */
  public static String normalize(
      CustomRuleKind kind, String typed, DialPlan plan, NumberClassifier classifier)
      throws RuleRefused {
    String text = typed == null ? "" : typed.strip();
    if (text.isEmpty()) {
      throw new RuleRefused("blocking.refused.empty");
    }
    return switch (kind) {
      case ALLOW_COUNTRY -> country(text, plan);
      case LOCAL_AREA_CODE -> areaCode(text, plan);
      case BLOCK_PREFIX -> prefix(text);
      case ALLOW_NUMBER, BLOCK_NUMBER -> number(kind, text, plan, classifier);
    };
  }

  static String country(String text, DialPlan plan) throws RuleRefused {
    String code = text.toUpperCase(Locale.ROOT);
    if (!REGIONS.contains(code)) {
      throw new RuleRefused("blocking.refused.country", text);
    }
    if (plan.domestic(code)) {
      throw new RuleRefused("blocking.refused.domestic", code);
    }
    return code;
  }

  static String areaCode(String text, DialPlan plan) throws RuleRefused {
    String code = SEPARATORS.matcher(text).replaceAll("");
    if (!(plan.nanp() ? NANP_AREA_CODE : AREA_CODE).matcher(code).matches()) {
      throw new RuleRefused(
          plan.nanp() ? "blocking.refused.nanpAreaCode" : "blocking.refused.areaCode", text);
    }
    return code;
  }

  static String prefix(String text) throws RuleRefused {
    String prefix = SEPARATORS.matcher(text).replaceAll("");
    if (!PREFIX.matcher(prefix).matches()) {
      throw new RuleRefused("blocking.refused.prefix", text);
    }
    return prefix;
  }

  private static String number(
      CustomRuleKind kind, String text, DialPlan plan, NumberClassifier classifier)
      throws RuleRefused {
    Classification call = classifier.classify(text, plan);
    DestinationClass destination = call.destination();
    if (destination == DestinationClass.EMERGENCY) {
      throw new RuleRefused(
          kind == CustomRuleKind.BLOCK_NUMBER
              ? "blocking.refused.emergency"
              : "blocking.refused.emergencyAllowed",
          text);
    }
    if (destination == DestinationClass.INTERNAL) {
      throw new RuleRefused("blocking.refused.internal", text);
    }
    if (!call.hasNumber() || destination == DestinationClass.UNKNOWN) {
      throw new RuleRefused("blocking.refused.number", text);
    }
    return call.number().value();
  }
}
