package io.dialtone.callpolicy.control;

import io.dialtone.callpolicy.entity.Classification;
import io.dialtone.extension.entity.ExtensionNumber;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The {@link UsageGate} until the usage-limit part of issue 4 lands: admits every call. It is the
 * last check, after every destination rule, and the usage-limit component replaces this bean.
 */
@ApplicationScoped
public class NoUsageLimitsYet implements UsageGate {

  @Override
  public boolean admits(
      long accountId, ExtensionNumber extension, Classification destination, Instant at) {
    return true;
  }
}
