package io.dialtone.did.boundary;

import io.dialtone.account.control.AccountKind;
import io.dialtone.did.control.DidRoutingNow;
import io.dialtone.did.control.DidView;
import io.dialtone.did.control.RoutingNow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The "how a call is routed now" panel of {@code /dids/edit.xhtml} ({@code
 * WEB-INF/includes/didRoutingNow.xhtml}), for a customer account's number: read once per request
 * from {@link DidRoutingNow}, which checks the DID is in the caller's scope.
 */
@Named
@RequestScoped
public class DidRoutingNowBacking {

  @Inject DidEditBacking page;
  @Inject DidRoutingNow routing;

  private RoutingNow now;

  /** Whether the page's DID is a customer's number (the panel is shown only then). */
  public boolean isShown() {
    DidView did = page.getDid();
    return did != null && did.holderKind() == AccountKind.CUSTOMER;
  }

  /** How a call to the page's DID is routed now (read at the first use in the request). */
  public RoutingNow getNow() {
    if (now == null && isShown()) {
      now = routing.of(page.getDid().id());
    }
    return now;
  }
}
