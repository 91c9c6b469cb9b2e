package io.dialtone.sip.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Digest nonces (SECURITY.md D3): one per challenge, HMAC-SHA256-signed with a server secret, valid
 * for a limited time, each nonce-count accepted only once and strictly increasing. A nonce is
 * {@code base64url(block | first 16 bytes of the HMAC of block)} where {@code block} is one AES
 * block encrypting {@code boot id | serial | expiry seconds}: it carries its own expiry, so issuing
 * one stores nothing, and it is opaque, so it tells a caller neither when the server started nor
 * how many challenges it has answered (each serial is used once, so encrypting it block by block
 * leaks nothing). Encryption and MAC keys are derived from the secret. The last nonce-count of a
 * used nonce lives in a fixed ring of {@value #SLOTS} slots indexed by the serial: a nonce whose
 * slot a much newer one took (over a million challenges later) is refused, and the phone answers
 * the next challenge. Nonces of an earlier start (another boot id) are stale. Thread-safe,
 * lock-free.
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
  private static final int BLOCK = 16;
  private static final int TAG = 16;
  private static final int LENGTH = 43; // base64url of BLOCK + TAG bytes, unpadded
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec macKey;
  private final SecretKeySpec blockKey;
  private final Duration lifetime;
  private final Clock clock;
  private final int bootId;
  private final AtomicLong serial = new AtomicLong();
  private final AtomicLongArray lastCounts = new AtomicLongArray(SLOTS);

  /** One keyed HMAC and cipher pair per thread (keying them costs more than using them). */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  private final ThreadLocal<Cipher> encrypters =
      ThreadLocal.withInitial(() -> newCipher(Cipher.ENCRYPT_MODE));
  private final ThreadLocal<Cipher> decrypters =
      ThreadLocal.withInitial(() -> newCipher(Cipher.DECRYPT_MODE));

  public Nonces(byte[] secret, Duration lifetime, Clock clock, SecureRandom random) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the nonce secret needs at least 16 bytes");
    }
    byte[] master = secret.clone();
    this.macKey = new SecretKeySpec(derive(master, "dialtone nonce mac"), "HmacSHA256");
    this.blockKey =
        new SecretKeySpec(Arrays.copyOf(derive(master, "dialtone nonce block"), 16), "AES");
    this.lifetime = lifetime;
    this.clock = clock;
    this.bootId = random.nextInt();
  }

  /** A fresh nonce for one challenge. */
  public String issue() {
    ByteBuffer plain = ByteBuffer.allocate(BLOCK);
    plain.putInt(bootId).putLong(serial.incrementAndGet());
    plain.putInt((int) clock.instant().plus(lifetime).getEpochSecond());
    byte[] nonce = new byte[BLOCK + TAG];
    crypt(encrypters.get(), plain.array(), nonce);
    System.arraycopy(mac(nonce), 0, nonce, BLOCK, TAG);
    return ENCODER.encodeToString(nonce);
  }

  /** Whether {@code nonce} is ours and still fresh (nonce-counts are checked by {@link #use}). */
  public Check check(String nonce) {
    ByteBuffer plain = open(nonce);
    if (plain == null) {
      return Check.INVALID;
    }
    int boot = plain.getInt(0);
    long expiry = Integer.toUnsignedLong(plain.getInt(12));
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
    long count = count(nc);
    ByteBuffer plain = count <= 0 ? null : open(nonce);
    if (plain == null || plain.getInt(0) != bootId) {
      return false;
    }
    long serialOf = plain.getLong(4);
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

  /** The decrypted block of a nonce we signed, or null. */
  private ByteBuffer open(String nonce) {
    if (nonce == null || nonce.length() != LENGTH) {
      return null;
    }
    byte[] raw;
    try {
      raw = DECODER.decode(nonce);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (raw.length != BLOCK + TAG) {
      return null;
    }
    byte[] expected = Arrays.copyOf(mac(raw), TAG);
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, BLOCK, BLOCK + TAG))) {
      return null;
    }
    byte[] plain = new byte[BLOCK];
    crypt(decrypters.get(), raw, plain);
    return ByteBuffer.wrap(plain);
  }

  /** The HMAC of the first {@link #BLOCK} bytes of {@code data}. */
  private byte[] mac(byte[] data) {
    Mac mac = macs.get();
    mac.update(data, 0, BLOCK);
    return mac.doFinal(); // also resets it for the next nonce
  }

  /** One AES block from the start of {@code in} to the start of {@code out}. */
  private static void crypt(Cipher cipher, byte[] in, byte[] out) {
    try {
      cipher.doFinal(in, 0, BLOCK, out, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES failed on one block", e);
    }
  }

  /** A key for one purpose, so the MAC and the cipher never share a key. */
  private static byte[] derive(byte[] secret, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(macKey);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private Cipher newCipher(int mode) {
    try {
      // One block of a never-repeated plaintext: the raw block cipher is what is wanted here.
      Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
      cipher.init(mode, blockKey);
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is missing from this JVM", e);
    }
  }
}
