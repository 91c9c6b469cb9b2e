package io.dialtone.call.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.callpolicy.control.DecidingRule;
import org.junit.jupiter.api.Test;

class CallAdmissionReasonTest {

  @Test
  void aRefusalNamesItsRuleInPlainAsciiForTheWarningHeader() {
    assertThat(CallAdmission.reason(DecidingRule.INTERNATIONAL_BLOCKED))
        .isEqualTo("Blocked by rule: international blocked");
    assertThat(CallAdmission.reason(DecidingRule.USAGE_LIMIT))
        .isEqualTo("Blocked by rule: usage limit");
    for (DecidingRule rule : DecidingRule.values()) {
      assertThat(CallAdmission.reason(rule)).matches("[\\x20-\\x7e]{1,60}");
    }
  }
}
