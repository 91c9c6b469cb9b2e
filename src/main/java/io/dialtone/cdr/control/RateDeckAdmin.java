package io.dialtone.cdr.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.cdr.entity.Rate;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.io.Reader;
import java.util.List;

/**
 * The platform administrator's rate deck (MANAGE_RATE_DECK): list it, and replace it as a whole
 * with an uploaded CSV ({@link RateDeckCsv}). An upload with any bad line changes nothing and
 * returns every error; a good one deletes the old deck and inserts the new one in one transaction,
 * so calls are rated by the old deck or the new one, never a mix. Both outcomes are audited.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class RateDeckAdmin {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject AuditTrail audit;
  @Inject HttpServletRequest request;
  @Inject Event<RateDeckChanged> changed;

  /** The deck, by prefix then start. */
  @Transactional
  public List<Rate> rates() {
    access.require(Permission.MANAGE_RATE_DECK);
    return em.createNamedQuery(Rate.LIST_ALL, Rate.class).getResultList();
  }

  /** Replaces the deck with the CSV's rates, or changes nothing and returns the errors. */
  @Transactional
  public RateDeckUpload upload(@NotNull Reader csv, String fileName) {
    SignedInUser caller = access.require(Permission.MANAGE_RATE_DECK);
    RateDeckCsv.Result parsed = RateDeckCsv.parse(csv);
    if (!parsed.valid()) {
      record(
          caller,
          AuditResult.FAILURE,
          fileName,
          "refused: "
              + parsed.errors().size()
              + " bad lines, first at line "
              + parsed.errors().get(0).line());
      return new RateDeckUpload(0, parsed.errors());
    }
    int before = em.createNamedQuery(Rate.DELETE_ALL).executeUpdate();
    for (Rate rate : parsed.rates()) {
      em.persist(rate);
    }
    em.flush();
    record(
        caller,
        AuditResult.SUCCESS,
        fileName,
        "replaced " + before + " rates with " + parsed.rates().size());
    changed.fire(new RateDeckChanged(parsed.rates().size()));
    return new RateDeckUpload(parsed.rates().size(), List.of());
  }

  private void record(SignedInUser caller, AuditResult result, String fileName, String detail) {
    audit.record(
        AuditRecord.builder(AuditAction.RATE_DECK_UPLOADED, result)
            .actor(caller.actor())
            .onBehalfOf(caller.onBehalfOf())
            .account(caller.accountId())
            .target(fileName == null ? "rate deck" : "rate deck: " + fileName)
            .sourceIp(request.getRemoteAddr())
            .detail(detail)
            .build());
  }
}
