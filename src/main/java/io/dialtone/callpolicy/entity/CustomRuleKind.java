package io.dialtone.callpolicy.entity;

import java.util.regex.Pattern;

/** The kinds of rows of {@code call_policy_rule}, with the form of their value. Stored by name. */
public enum CustomRuleKind {
  /** International allowed to this country (ISO 3166 alpha-2); account only. */
  ALLOW_COUNTRY("[A-Z]{2}", false),
  /** A local area code: prefix of the national number; account only. */
  LOCAL_AREA_CODE("[0-9]{1,6}", false),
  /** An E.164 number always allowed. */
  ALLOW_NUMBER("\\+[1-9][0-9]{1,14}", true),
  /** An E.164 number blocked. */
  BLOCK_NUMBER("\\+[1-9][0-9]{1,14}", true),
  /** A prefix ({@code +} and digits) blocked. */
  BLOCK_PREFIX("\\+[0-9]{1,15}", true);

  private final Pattern form;
  private final boolean perExtension;

  CustomRuleKind(String form, boolean perExtension) {
    this.form = Pattern.compile(form);
    this.perExtension = perExtension;
  }

  /** Whether {@code value} has this kind's form. */
  public boolean accepts(String value) {
    return value != null && form.matcher(value).matches();
  }

  /** Whether a rule of this kind may be set for one extension (otherwise account only). */
  public boolean perExtension() {
    return perExtension;
  }

  /** The message bundle key, e.g. {@code CustomRuleKind.BLOCK_PREFIX}. */
  public String messageKey() {
    return "CustomRuleKind." + name();
  }
}
