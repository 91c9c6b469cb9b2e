package io.dialtone.callpolicy.control;

import io.dialtone.kernel.entity.ExtensionType;

/**
 * How far an extension may call, each level including the ones before it. Emergency numbers and
 * internal extensions are always reachable; toll-free numbers need {@link #LOCAL}; premium-rate
 * numbers at home need {@link #NATIONAL}; any foreign destination needs {@link #INTERNATIONAL}. The
 * account's toggles and lists still apply on top: a class of service only narrows.
 */
public enum ClassOfService {
  INTERNAL_ONLY,
  LOCAL,
  NATIONAL,
  INTERNATIONAL;

  /**
   * The class of a new extension of {@code type}: auto attendants, voicemail boxes and common-area
   * phones may not dial out (policy: review what they may call), people's phones may go as far as
   * the account allows.
   */
  public static ClassOfService defaultFor(ExtensionType type) {
    return type == ExtensionType.USER ? INTERNATIONAL : INTERNAL_ONLY;
  }

  /** Whether this class reaches {@code destination} ({@code foreign}: in another country). */
  public boolean permits(DestinationClass destination, boolean foreign) {
    return compareTo(required(destination, foreign)) >= 0;
  }

  /** The lowest class that reaches {@code destination}. */
  public static ClassOfService required(DestinationClass destination, boolean foreign) {
    if (foreign) {
      return INTERNATIONAL;
    }
    return switch (destination) {
      case EMERGENCY, INTERNAL, UNKNOWN, INVALID -> INTERNAL_ONLY;
      case LOCAL, TOLL_FREE -> LOCAL;
      case NATIONAL, PREMIUM -> NATIONAL;
      case INTERNATIONAL -> INTERNATIONAL;
    };
  }

  /** The message bundle key, e.g. {@code ClassOfService.LOCAL}. */
  public String messageKey() {
    return "ClassOfService." + name();
  }
}
