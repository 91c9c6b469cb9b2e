package io.dialtone.support.boundary;

import io.dialtone.identity.boundary.ImpersonationSessions;
import io.dialtone.identity.control.ImpersonationReason;
import io.dialtone.identity.control.ImpersonationRefused;
import io.dialtone.identity.control.ImpersonationTarget;
import io.dialtone.identity.control.Impersonations;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.support.control.CustomerHit;
import io.dialtone.support.control.CustomerSearch;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /support/index.xhtml}: find a customer (support agents: any; reseller administrators:
 * theirs) and, with {@code ?account=…}, act as its administrator after giving a reason. The id is
 * only a wish: the control checks it against the caller's scope on open and again on start.
 */
@Named
@ViewScoped
public class SupportBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CustomerSearch search;
  @Inject transient Impersonations impersonations;
  @Inject transient ImpersonationSessions sessions;

  private Long account;
  private String ended;
  private String text;

  @Size(max = ImpersonationReason.MAX_LENGTH)
  private String reason;

  private List<CustomerHit> hits;
  private ImpersonationTarget target;
  private boolean mayImpersonate;

  /** The view action of the first GET: refuses callers who may not be here, loads the target. */
  public void open() {
    search.requireAccess();
    mayImpersonate = search.mayImpersonate();
    if (account != null) {
      target = impersonations.target(account, request().getRemoteAddr());
    }
    if (ended != null) {
      Messages.addGlobalInfo("support.over");
    }
  }

  public void find() {
    if (!CustomerSearch.isSearchable(text)) {
      Messages.addGlobalError(
          "support.textInvalid", CustomerSearch.MIN_LENGTH, CustomerSearch.MAX_LENGTH);
      hits = null;
      return;
    }
    hits = search.search(text, request().getRemoteAddr());
  }

  /** Starts acting as the target's administrator; lands on the customer's home page. */
  public String start() {
    if (target == null) {
      return null;
    }
    try {
      sessions.begin(request(), target.accountId(), reason);
    } catch (ImpersonationRefused e) {
      Messages.refusal(e);
      return null;
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    Messages.addGlobalInfo("support.started", target.name());
    return "/home.xhtml?faces-redirect=true";
  }

  private static HttpServletRequest request() {
    return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }

  public boolean isMayImpersonate() {
    return mayImpersonate;
  }

  public List<CustomerHit> getHits() {
    return hits;
  }

  public ImpersonationTarget getTarget() {
    return target;
  }

  public Long getAccount() {
    return account;
  }

  public void setAccount(Long account) {
    this.account = account;
  }

  public String getEnded() {
    return ended;
  }

  public void setEnded(String ended) {
    this.ended = ended;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
