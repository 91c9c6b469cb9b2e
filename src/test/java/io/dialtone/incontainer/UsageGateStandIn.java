package io.dialtone.incontainer;

import io.dialtone.callpolicy.control.UsageGate;
import io.dialtone.callpolicy.entity.Classification;
import io.dialtone.kernel.entity.ExtensionNumber;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The usage gate of an in-container WAR that holds the call policy but not the usage component
 * (whose {@code CapGate} is the real one): no cap is reached, so the rules under test decide. Added
 * by {@link InContainerDeployment} only to such WARs.
 */
@ApplicationScoped
public class UsageGateStandIn implements UsageGate {

  @Override
  public boolean admits(
      long accountId, ExtensionNumber extension, Classification destination, Instant at) {
    return true;
  }
}
