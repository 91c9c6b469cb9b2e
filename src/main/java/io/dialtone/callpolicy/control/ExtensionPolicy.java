package io.dialtone.callpolicy.control;

import java.util.Objects;

/**
 * One extension's narrowing of its account's policy: its class of service, its extra toggles
 * (already combined with the account's) and its own number rules.
 */
record ExtensionPolicy(ClassOfService classOfService, Toggles toggles, RuleSet rules) {

  ExtensionPolicy {
    Objects.requireNonNull(classOfService);
    Objects.requireNonNull(toggles);
    Objects.requireNonNull(rules);
  }
}
