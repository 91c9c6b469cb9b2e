package io.dialtone.platform.boundary;

import io.dialtone.platform.control.SecureTokens;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Refuses a post back to a page without the page's CSP nonce (SECURITY.md G4) as soon as the view
 * is restored: 400, one log line, before any value is applied or any action runs. PrimeFaces checks
 * the same nonce only when it renders the answer, after the action already ran, and then fails with
 * a 500, a stack trace in the log and its exception's class name in Ajax answers. Browsers always
 * send the nonce: PrimeFaces' script adds it to every form and every Ajax request.
 */
public class CspNonceCheck implements PhaseListener {

  /** Where PrimeFaces keeps the nonce: the request parameter and the view map entry. */
  static final String NONCE = "primefaces.nonce";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(CspNonceCheck.class.getName());

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RESTORE_VIEW;
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    FacesContext faces = event.getFacesContext();
    UIViewRoot view = faces.getViewRoot();
    boolean postBack = faces.isPostback() || faces.getPartialViewContext().isAjaxRequest();
    if (!postBack || view == null || faces.getResponseComplete()) {
      return;
    }
    Map<String, Object> viewMap = view.getViewMap(false);
    Object expected = viewMap == null ? null : viewMap.get(NONCE);
    if (expected == null) {
      return; // a view that never rendered a nonce: nothing to compare with
    }
    ExternalContext external = faces.getExternalContext();
    String sent = external.getRequestParameterMap().get(NONCE);
    if (!SecureTokens.constantTimeEquals(expected.toString(), sent)) {
      refuse(faces, sent == null ? "without" : "with a wrong");
    }
  }

  private static void refuse(FacesContext faces, String how) {
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    LOG.warning(
        () ->
            "Refused a post to %s %s CSP nonce, client %s"
                .formatted(request.getRequestURI(), how, request.getRemoteAddr()));
    try {
      faces.getExternalContext().responseSendError(400, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }
}
