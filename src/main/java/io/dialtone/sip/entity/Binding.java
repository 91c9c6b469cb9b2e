package io.dialtone.sip.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One registered contact of an extension (RFC 3261 §10.3): where the phone can be reached, until
 * when, and what registered it. Equal by extension and contact URI, as the RFC compares bindings.
 *
 * @param extensionId the extension this contact belongs to
 * @param accountId the extension's account
 * @param extensionNumber the extension's number (the SIP user part)
 * @param contact the Contact URI the phone registered, e.g. {@code sip:201@192.0.2.7:5060}
 * @param userAgent the phone's User-Agent header, empty when it sent none
 * @param source the address the REGISTER came from, {@code ip:port}
 * @param transport {@code UDP}, {@code TCP} or {@code TLS}
 * @param callId the Call-ID of the registration, for CSeq ordering
 * @param cseq the CSeq number of the last accepted REGISTER for this Call-ID
 * @param expiresAt when the binding lapses unless refreshed
 * @param refreshedAt when the last REGISTER for it was accepted
 */
public record Binding(
    long extensionId,
    long accountId,
    String extensionNumber,
    String contact,
    String userAgent,
    String source,
    String transport,
    String callId,
    long cseq,
    Instant expiresAt,
    Instant refreshedAt) {

  public Binding {
    Objects.requireNonNull(extensionNumber, "extensionNumber");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(refreshedAt, "refreshedAt");
    userAgent = userAgent == null ? "" : userAgent;
  }

  /** Seconds left at {@code now}, never negative. */
  public long secondsLeft(Instant now) {
    return Math.max(0, Duration.between(now, expiresAt).toSeconds());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Binding b && b.extensionId == extensionId && b.contact.equals(contact);
  }

  @Override
  public int hashCode() {
    return Objects.hash(extensionId, contact);
  }
}
