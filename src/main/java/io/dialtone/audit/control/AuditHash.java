package io.dialtone.audit.control;

import io.dialtone.audit.entity.AuditEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The chain hash of an audit row: {@code rowHash = hex(SHA-256(ascii(prevHash) || canonical))}.
 *
 * <p>The canonical content is {@code "audit-v1"} followed by, in this order, the occurrence time in
 * microseconds since the epoch, actor, on-behalf-of, action name, target, result name, source IP,
 * detail and account id. Each field is written as {@code ;} then either {@code -} (null) or its
 * UTF-8 byte length, {@code :} and its bytes, so no two different rows share an encoding ({@code
 * ("ab","c")} and {@code ("a","bc")} differ). The database id is not part of it: chain order is id
 * order, and the previous hash fixes each row's place. Values are hashed exactly as given, never
 * re-escaped, so what was stored and what is read back hash alike.
 */
public final class AuditHash {

  /** The previous hash of the first row: 64 zeros, as seeded in {@code audit_chain_head}. */
  public static final String GENESIS = "0".repeat(AuditEvent.HASH_LENGTH);

  private static final HexFormat HEX = HexFormat.of();

  private AuditHash() {}

  /** The row hash of {@code content} appended at {@code occurredAt} after {@code prevHash}. */
  public static String rowHash(String prevHash, Instant occurredAt, AuditRecord content) {
    return digest(
        prevHash,
        canonical(
            occurredAt,
            content.action(),
            content.result(),
            content.actor(),
            content.onBehalfOf(),
            content.target(),
            content.sourceIp(),
            content.detail(),
            content.accountId()));
  }

  /** The row hash recomputed from what {@code event} holds (its stored row hash is ignored). */
  public static String rowHash(AuditEvent event) {
    return digest(
        event.getPrevHash(),
        canonical(
            event.getOccurredAt(),
            event.getAction(),
            event.getResult(),
            event.getActor(),
            event.getOnBehalfOf(),
            event.getTarget(),
            event.getSourceIp(),
            event.getDetail(),
            event.getAccountId()));
  }

  /** The row hash recomputed from what {@code entry} holds (its stored row hash is ignored). */
  public static String rowHash(AuditEntry entry) {
    return digest(
        entry.getPrevHash(),
        canonical(
            entry.getOccurredAt(),
            entry.getAction(),
            entry.getResult(),
            entry.getActor(),
            entry.getOnBehalfOf(),
            entry.getTarget(),
            entry.getSourceIp(),
            entry.getDetail(),
            entry.getAccountId()));
  }

  /**
   * The canonical bytes of a row's content.
   *
   * @throws IllegalArgumentException if {@code occurredAt} is finer than microseconds, which the
   *     database would silently round away
   */
  static byte[] canonical(
      Instant occurredAt,
      AuditAction action,
      AuditResult result,
      String actor,
      String onBehalfOf,
      String target,
      String sourceIp,
      String detail,
      Long accountId) {
    if (occurredAt.getNano() % 1_000 != 0) {
      throw new IllegalArgumentException("occurredAt must be truncated to microseconds");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes("audit-v1".getBytes(StandardCharsets.US_ASCII));
    field(out, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt)));
    field(out, actor);
    field(out, onBehalfOf);
    field(out, action.name());
    field(out, target);
    field(out, result.name());
    field(out, sourceIp);
    field(out, detail);
    field(out, accountId == null ? null : accountId.toString());
    return out.toByteArray();
  }

  private static void field(ByteArrayOutputStream out, String value) {
    if (value == null) {
      out.writeBytes(";-".getBytes(StandardCharsets.US_ASCII));
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes((";" + bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(bytes);
  }

  private static String digest(String prevHash, byte[] canonical) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
      return HEX.formatHex(sha.digest(canonical));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
