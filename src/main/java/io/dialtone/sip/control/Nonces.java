package io.dialtone.sip.control;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Digest nonces (SECURITY.md D3): one per challenge, HMAC-SHA256-signed with a server secret, valid
 * for a limited time, each nonce-count accepted only once and strictly increasing. A nonce is
 * {@code base64url(boot id | serial | expiry seconds | first 16 bytes of the HMAC of those)}: it
 * carries its own expiry, so issuing one stores nothing. The last nonce-count of a used nonce lives
 * in a fixed ring of {@value #SLOTS} slots indexed by the serial: a nonce whose slot a much newer
 * one took (over a million challenges later) is refused, and the phone answers the next challenge.
 * Nonces of an earlier start (another boot id) are stale. Thread-safe, lock-free.
 */
public final class Nonces {

  /** What a nonce is worth at the moment. */
  public enum Check {
    VALID,
    /** Signed by us but expired (or from before a restart): answer with {@code stale=true}. */
    STALE,
    /** Not ours, or altered. */
    INVALID
  }

  static final int SLOTS = 1 << 20;
  private static final int NC_BITS = 24;
  private static final long NC_MAX = (1L << NC_BITS) - 1;
  private static final int PAYLOAD = 24;
  private static final int TAG = 16;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Duration lifetime;
  private final Clock clock;
  private final long bootId;
  private final AtomicLong serial = new AtomicLong();
  private final AtomicLongArray lastCounts = new AtomicLongArray(SLOTS);

  /** One keyed HMAC per thread (looking it up and keying it cost more than the HMAC itself). */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public Nonces(byte[] secret, Duration lifetime, Clock clock, SecureRandom random) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the nonce secret needs at least 16 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.lifetime = lifetime;
    this.clock = clock;
    this.bootId = random.nextLong();
  }

  /** A fresh nonce for one challenge. */
  public String issue() {
    ByteBuffer payload = ByteBuffer.allocate(PAYLOAD + TAG);
    payload.putLong(bootId).putLong(serial.incrementAndGet());
    payload.putLong(clock.instant().plus(lifetime).getEpochSecond());
    payload.put(mac(payload.array()), 0, TAG);
    return ENCODER.encodeToString(payload.array());
  }

  /** Whether {@code nonce} is ours and still fresh (nonce-counts are checked by {@link #use}). */
  public Check check(String nonce) {
    ByteBuffer buffer = decode(nonce);
    if (buffer == null) {
      return Check.INVALID;
    }
    long boot = buffer.getLong(0);
    long expiry = buffer.getLong(16);
    if (boot != bootId || clock.instant().getEpochSecond() > expiry) {
      return Check.STALE;
    }
    return Check.VALID;
  }

  /**
   * Records nonce-count {@code nc} (8 hex digits) for a valid {@code nonce}: true when it is higher
   * than every count seen for this nonce before, false for a replay or a malformed count.
   */
  public boolean use(String nonce, String nc) {
    ByteBuffer buffer = decode(nonce);
    long count = count(nc);
    if (buffer == null || count <= 0) {
      return false;
    }
    long serialOf = buffer.getLong(8);
    int slot = (int) (serialOf & (SLOTS - 1));
    long packed = (serialOf << NC_BITS) | count;
    while (true) {
      long current = lastCounts.get(slot);
      long owner = current >>> NC_BITS;
      if (owner > serialOf) {
        return false;
      }
      if (owner == serialOf && (current & NC_MAX) >= count) {
        return false;
      }
      if (lastCounts.compareAndSet(slot, current, packed)) {
        return true;
      }
    }
  }

  private static long count(String nc) {
    if (nc == null || nc.length() != 8) {
      return -1;
    }
    try {
      long value = HexFormat.fromHexDigitsToLong(nc);
      return value > NC_MAX ? -1 : value;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  private ByteBuffer decode(String nonce) {
    if (nonce == null || nonce.length() != 54) {
      return null;
    }
    byte[] raw;
    try {
      raw = DECODER.decode(nonce);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (raw.length != PAYLOAD + TAG) {
      return null;
    }
    byte[] expected = Arrays.copyOf(mac(Arrays.copyOf(raw, PAYLOAD)), TAG);
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, PAYLOAD, PAYLOAD + TAG))) {
      return null;
    }
    return ByteBuffer.wrap(raw);
  }

  private byte[] mac(byte[] data) {
    Mac mac = macs.get();
    mac.update(data, 0, PAYLOAD);
    return mac.doFinal(); // also resets it for the next nonce
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
