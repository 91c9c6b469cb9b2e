package io.dialtone.trunk.control;

import io.dialtone.trunk.entity.TrunkStatus;

/**
 * How probe results move a trunk's health: a 5xx answer (server failure, 503 overloaded) makes it
 * {@code DOWN} at once; any other answer makes it {@code UP} (the server is there); no answer makes
 * it {@code DOWN} only on the second miss in a row, so one lost UDP datagram does not take a trunk
 * out of service.
 *
 * @param status the state calls see
 * @param misses probes in a row without an answer
 */
record HealthRule(TrunkStatus status, int misses) {

  /** Misses in a row that take a trunk down. */
  static final int MISSES_FOR_DOWN = 2;

  static HealthRule from(TrunkStatus status) {
    return new HealthRule(status, 0);
  }

  HealthRule answered(int code) {
    return new HealthRule(code >= 500 && code <= 599 ? TrunkStatus.DOWN : TrunkStatus.UP, 0);
  }

  HealthRule missed() {
    int now = misses + 1;
    return new HealthRule(now >= MISSES_FOR_DOWN ? TrunkStatus.DOWN : status, now);
  }
}
