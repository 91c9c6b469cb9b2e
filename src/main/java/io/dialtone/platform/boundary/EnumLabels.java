package io.dialtone.platform.boundary;

/**
 * The words for an enum constant on a page: the bundle key {@code <SimpleName>.<CONSTANT>} (e.g.
 * {@code AccountStatus.SUSPENDED}), the one rule for every enum a page shows. Pages call it as
 * {@code #{dt:label(value)}} (declared in {@code WEB-INF/dialtone.taglib.xml}) instead of building
 * the key by hand; {@code BundlesTest} checks that every constant of every enum has its key in
 * English and French.
 */
public final class EnumLabels {

  private EnumLabels() {}

  /** The bundle key of {@code value}; constants with a body count as their enum. */
  public static String key(Enum<?> value) {
    return value.getDeclaringClass().getSimpleName() + "." + value.name();
  }

  /**
   * The label of {@code value} in the viewer's language; empty for {@code null} (an optional
   * field). The text is returned as written in the bundle, so a label with {@code {0}} placeholders
   * can feed {@code h:outputFormat}.
   */
  public static String label(Enum<?> value) {
    return value == null ? "" : Messages.text(key(value));
  }
}
