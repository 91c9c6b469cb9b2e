package io.dialtone.cdr.control;

import io.dialtone.kernel.entity.Money;

/**
 * What {@link CallRecorder#record} did: stored a new row ({@code stored}, its id and rated cost, a
 * {@code null} cost for an answered outbound call without a rate), or found the same SIP Call-ID
 * and start already stored and changed nothing.
 */
public record Recorded(boolean stored, long id, Money cost) {

  static Recorded duplicate() {
    return new Recorded(false, 0, null);
  }
}
