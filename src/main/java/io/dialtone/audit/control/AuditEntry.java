package io.dialtone.audit.control;

import io.dialtone.audit.entity.AuditEvent;
import java.time.Instant;

/**
 * One row of the audit trail as other components read it (pages, dashboards, checks of the chain):
 * the stored event's fields, detached from the persistence context.
 */
public final class AuditEntry {

  private final Long id;
  private final Instant occurredAt;
  private final String actor;
  private final String onBehalfOf;
  private final Long accountId;
  private final AuditAction action;
  private final String target;
  private final AuditResult result;
  private final String sourceIp;
  private final String detail;
  private final String prevHash;
  private final String rowHash;

  private AuditEntry(AuditEvent e) {
    this.id = e.getId();
    this.occurredAt = e.getOccurredAt();
    this.actor = e.getActor();
    this.onBehalfOf = e.getOnBehalfOf();
    this.accountId = e.getAccountId();
    this.action = e.getAction();
    this.target = e.getTarget();
    this.result = e.getResult();
    this.sourceIp = e.getSourceIp();
    this.detail = e.getDetail();
    this.prevHash = e.getPrevHash();
    this.rowHash = e.getRowHash();
  }

  static AuditEntry of(AuditEvent event) {
    return event == null ? null : new AuditEntry(event);
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getOnBehalfOf() {
    return onBehalfOf;
  }

  public Long getAccountId() {
    return accountId;
  }

  public AuditAction getAction() {
    return action;
  }

  public String getTarget() {
    return target;
  }

  public AuditResult getResult() {
    return result;
  }

  public String getSourceIp() {
    return sourceIp;
  }

  public String getDetail() {
    return detail;
  }

  public String getPrevHash() {
    return prevHash;
  }

  public String getRowHash() {
    return rowHash;
  }
}
