package io.dialtone.sip.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness ({@code /health/ready}): the SIP registrar's listeners are bound (UP when the registrar
 * is disabled). No data in the answer: it is public.
 */
@Readiness
@ApplicationScoped
public class SipReadiness implements HealthCheck {

  @Inject SipEndpoint endpoint;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("sip").status(endpoint.listening()).build();
  }
}
