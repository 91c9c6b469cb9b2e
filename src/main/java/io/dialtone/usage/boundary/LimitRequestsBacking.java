package io.dialtone.usage.boundary;

import io.dialtone.platform.boundary.LocaleBacking;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.usage.control.LimitRefused;
import io.dialtone.usage.control.LimitRequests;
import io.dialtone.usage.control.PendingRequest;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /usage/requests.xhtml}: the pending limit requests of the approver's subtree (reseller or
 * platform administrators, {@code APPROVE_LIMIT_REQUESTS}), each approved or refused with an
 * optional comment. The control checks permission and scope of every request again.
 */
@Named
@ViewScoped
public class LimitRequestsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient LimitRequests requests;
  @Inject transient LocaleBacking language;

  private List<RequestRow> pending;
  private final Map<Long, String> comments = new HashMap<>();

  public void load() {
    Locale locale = language.getLocale(); // a view action runs before f:view sets the view's
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    pending = requests.pending().stream().map(p -> row(p, locale)).toList();
  }

  private static RequestRow row(PendingRequest p, Locale locale) {
    return RequestRow.of(
        p.request(),
        p.accountName(),
        p.accountNumber(),
        AmountText.of(p.request().getCap(), p.currentCap(), p.currency(), locale),
        p.currency(),
        locale);
  }

  public void approve(RequestRow row) {
    try {
      requests.approve(row.id(), comments.get(row.id()));
      Messages.addGlobalInfo("usage_requests.approved", row.accountName());
      comments.remove(row.id());
    } catch (LimitRefused e) {
      Messages.refusal(e);
    }
    load();
  }

  public void refuse(RequestRow row) {
    try {
      requests.refuse(row.id(), comments.get(row.id()));
      Messages.addGlobalInfo("usage_requests.refused", row.accountName());
      comments.remove(row.id());
    } catch (LimitRefused e) {
      Messages.refusal(e);
    }
    load();
  }

  public List<RequestRow> getPending() {
    return pending;
  }

  /** The comment typed for each request, by request id. */
  public Map<Long, String> getComments() {
    return comments;
  }
}
