package io.dialtone.audit.control;

import io.dialtone.audit.entity.AuditEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * What a caller wants audited: who (and on whose behalf) did what to which target, with which
 * result, from which address, with an optional short detail.
 *
 * <p>Pass raw values: the constructor escapes control, format and line-separator characters and
 * cuts each text to its column (see {@link AuditText}); escaping is idempotent, so building a
 * record from another record's values changes nothing. {@code actor} is the signed-in user, the
 * claimed identity of a failed sign-in, or {@code null} for the service itself. Never put a secret,
 * password, PIN, TOTP or recovery code, token or session id in any field.
 *
 * @param action what was done; required
 * @param result how it ended; required
 */
public record AuditRecord(
    String actor,
    String onBehalfOf,
    AuditAction action,
    String target,
    AuditResult result,
    String sourceIp,
    String detail,
    Long accountId) {

  /** Escapes and cuts every text field. */
  public AuditRecord {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(result, "result");
    actor = AuditText.clean(actor, AuditEvent.ACTOR_LENGTH);
    onBehalfOf = AuditText.clean(onBehalfOf, AuditEvent.ACTOR_LENGTH);
    target = AuditText.clean(target, AuditEvent.TARGET_LENGTH);
    sourceIp = AuditText.clean(sourceIp, AuditEvent.SOURCE_IP_LENGTH);
    detail = AuditText.clean(detail, AuditEvent.DETAIL_LENGTH);
  }

  /**
   * This record, or, when it names nobody as on-behalf-of, the same record naming {@code value}.
   */
  public AuditRecord orOnBehalfOf(String value) {
    return onBehalfOf != null || value == null
        ? this
        : new AuditRecord(actor, value, action, target, result, sourceIp, detail, accountId);
  }

  /** Starts a record of {@code action} ending in {@code result}; all text fields empty. */
  public static Builder builder(AuditAction action, AuditResult result) {
    return new Builder(action, result);
  }

  /** This record as the next chain row after {@code prevHash}, with its row hash computed. */
  public AuditEvent toEvent(Instant occurredAt, String prevHash) {
    String rowHash = AuditHash.rowHash(prevHash, occurredAt, this);
    return new AuditEvent(
        occurredAt,
        actor,
        onBehalfOf,
        action,
        target,
        result,
        sourceIp,
        detail,
        accountId,
        prevHash,
        rowHash);
  }

  /** Collects the optional fields of a record; not thread-safe, use once. */
  public static final class Builder {
    private final AuditAction action;
    private Long accountId;
    private final AuditResult result;
    private String actor;
    private String onBehalfOf;
    private String target;
    private String sourceIp;
    private String detail;

    private Builder(AuditAction action, AuditResult result) {
      this.action = action;
      this.result = result;
    }

    /** Who acted (user name or e-mail), or the claimed identity of a failed sign-in. */
    public Builder actor(String value) {
      this.actor = value;
      return this;
    }

    /** Whose account the actor was acting for (impersonation, support). */
    public Builder onBehalfOf(String value) {
      this.onBehalfOf = value;
      return this;
    }

    /** What was acted on, e.g. {@code user:42} or {@code extension:201}. */
    public Builder target(String value) {
      this.target = value;
      return this;
    }

    /** The client address as the server saw it (after trusted-proxy handling). */
    public Builder sourceIp(String value) {
      this.sourceIp = value;
      return this;
    }

    /** A short, secret-free explanation, e.g. a failure reason code. */
    public Builder detail(String value) {
      this.detail = value;
      return this;
    }

    /** The account the event concerns (whose administrators may see it). */
    public Builder account(Long value) {
      this.accountId = value;
      return this;
    }

    /** The record, escaped and cut. */
    public AuditRecord build() {
      return new AuditRecord(
          actor, onBehalfOf, action, target, result, sourceIp, detail, accountId);
    }
  }
}
