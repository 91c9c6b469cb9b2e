package io.dialtone.cdr.entity;

import io.dialtone.callpolicy.control.DestinationClass;

/**
 * The stored code of each {@link DestinationClass} ({@code cdr.dest_class}). Spelled out rather
 * than derived from the enum's order, so a reordering in the call policy cannot change stored rows.
 */
public final class ClassCodes {

  private ClassCodes() {}

  public static int code(DestinationClass destination) {
    return switch (destination) {
      case EMERGENCY -> 1;
      case INTERNAL -> 2;
      case LOCAL -> 3;
      case NATIONAL -> 4;
      case INTERNATIONAL -> 5;
      case TOLL_FREE -> 6;
      case PREMIUM -> 7;
      case UNKNOWN -> 8;
      case INVALID -> 9;
    };
  }

  public static DestinationClass ofCode(int code) {
    for (DestinationClass d : DestinationClass.values()) {
      if (code(d) == code) {
        return d;
      }
    }
    throw new IllegalArgumentException("no destination class " + code);
  }
}
