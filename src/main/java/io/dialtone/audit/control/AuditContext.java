package io.dialtone.audit.control;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who the current request acts for, as audit rows name it ({@code on_behalf_of}): set at the start
 * of each request by whoever knows the caller (the authentication mechanism, for an agent acting as
 * a customer), read by {@link AuditTrail} to fill records that name nobody. The audit component
 * keeps this holder so that it needs nothing from the identity component. Its methods are public: a
 * CDI client proxy forwards only public calls to the request's instance.
 */
@RequestScoped
public class AuditContext {

  private String onBehalfOf;

  /** From now on in this request, rows without an on-behalf-of name {@code value} (or nobody). */
  public void actingFor(String value) {
    this.onBehalfOf = value;
  }

  /** Whom this request acts for, e.g. {@code account:42}, or {@code null}. */
  public String onBehalfOf() {
    return onBehalfOf;
  }
}
