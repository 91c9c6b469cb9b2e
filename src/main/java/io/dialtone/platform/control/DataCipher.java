package io.dialtone.platform.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for short secrets at rest (TOTP secrets, SIP HA1 values).
 *
 * <p>Rule (SECURITY.md I): every value gets its own random 12-byte IV and is stored as {@code
 * v1:<keyId>:<base64(iv || ciphertext || tag)>}; the version and key id are bound as additional
 * authenticated data, so a value cannot be moved to another key id. A value that was altered, or
 * that names another key, fails with an {@link IllegalStateException} whose message holds no
 * secret.
 *
 * <p>It works on a key ring ({@link Keys}): a value is written with the ring's current key and read
 * with the key its id names, so values written before a rotation stay readable while their key is
 * in the ring ({@link DataKeys}, {@link DataKeyRotation}).
 */
public final class DataCipher {

  /** The keys a cipher may use, by id, and which of them new values are written with. */
  public interface Keys {

    /** The key with this id, when the ring holds it. */
    Optional<SecretKey> key(String keyId);

    /** The id of the key new values are written with. */
    String currentKeyId();
  }

  private static final String VERSION = "v1";
  private static final String SEPARATOR = ":";
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private final Keys keys;

  /** A cipher on a key ring. */
  public DataCipher(Keys keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /**
   * A cipher on a ring of one key.
   *
   * @param keyId short name of the key, stored with every value: letters, digits, {@code -} and
   *     {@code _}, at most 32
   * @param key32 the 32-byte AES key (copied)
   */
  public DataCipher(String keyId, byte[] key32) {
    SecretKey key = aesKey(keyId, key32);
    Map<String, SecretKey> ring = Map.of(keyId, key);
    this.keys =
        new Keys() {
          @Override
          public Optional<SecretKey> key(String id) {
            return Optional.ofNullable(ring.get(id));
          }

          @Override
          public String currentKeyId() {
            return keyId;
          }
        };
  }

  /**
   * Whether {@code keyId} is a well-formed key id: 1-32 of letters, digits, {@code -}, {@code _}.
   */
  public static boolean isKeyId(String keyId) {
    return keyId != null && KEY_ID.matcher(keyId).matches();
  }

  /** The AES key for a ring, checked: a well-formed id and 32 bytes (copied). */
  public static SecretKey aesKey(String keyId, byte[] key32) {
    if (!isKeyId(keyId)) {
      throw new IllegalArgumentException("key id must be 1-32 of [A-Za-z0-9_-]");
    }
    if (key32 == null || key32.length != KEY_BYTES) {
      throw new IllegalArgumentException("AES-256 needs a " + KEY_BYTES + "-byte key");
    }
    return new SecretKeySpec(key32, "AES");
  }

  /** The 32 bytes of a base64-encoded key, as kept in the environment or a key file. */
  public static byte[] decodeBase64Key(String base64Key) {
    try {
      return Base64.getDecoder().decode(Objects.requireNonNull(base64Key, "base64Key").strip());
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character: keep the key out of logs.
      throw new IllegalArgumentException("key is not valid base64");
    }
  }

  /** A cipher on a ring of one base64-encoded 32-byte key. */
  public static DataCipher fromBase64Key(String keyId, String base64Key) {
    return new DataCipher(keyId, decodeBase64Key(base64Key));
  }

  /** The key id this cipher writes new values with. */
  public String keyId() {
    return keys.currentKeyId();
  }

  /** The key id named by a stored value, for picking the key that decrypts it. */
  public static String keyIdOf(String stored) {
    return parse(stored)[1];
  }

  /**
   * Encrypts {@code plain} with the current key under a fresh IV; the result is safe to store as
   * text.
   */
  public String encrypt(String plain) {
    return encryptWith(keys.currentKeyId(), plain);
  }

  /**
   * The value {@code stored} decrypted and encrypted again with the key {@code keyId} (a rotation
   * moving a value to the new key).
   *
   * @throws IllegalStateException as {@link #decrypt(String)}, or when the ring lacks {@code keyId}
   */
  public String reencrypt(String stored, String keyId) {
    return encryptWith(keyId, decrypt(stored));
  }

  private String encryptWith(String keyId, String plain) {
    Objects.requireNonNull(plain, "plain");
    SecretKey key = keyNamed(keyId);
    byte[] iv = SecureTokens.randomBytes(IV_BYTES);
    byte[] sealed =
        run(Cipher.ENCRYPT_MODE, key, keyId, iv, plain.getBytes(StandardCharsets.UTF_8));
    byte[] out = new byte[IV_BYTES + sealed.length];
    System.arraycopy(iv, 0, out, 0, IV_BYTES);
    System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
    return prefix(keyId) + Base64.getEncoder().encodeToString(out);
  }

  /**
   * Decrypts a value written by {@link #encrypt(String)} with the key its id names.
   *
   * @throws IllegalStateException if the value is malformed, names a key id the ring lacks or fails
   *     authentication
   */
  public String decrypt(String stored) {
    String[] parts = parse(stored);
    SecretKey key = keyNamed(parts[1]);
    byte[] in;
    try {
      in = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("stored value is not valid base64");
    }
    if (in.length < IV_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("stored value is too short");
    }
    byte[] iv = Arrays.copyOf(in, IV_BYTES);
    byte[] sealed = Arrays.copyOfRange(in, IV_BYTES, in.length);
    return new String(run(Cipher.DECRYPT_MODE, key, parts[1], iv, sealed), StandardCharsets.UTF_8);
  }

  private SecretKey keyNamed(String keyId) {
    return (isKeyId(keyId) ? keys.key(keyId) : Optional.<SecretKey>empty())
        .orElseThrow(() -> new IllegalStateException("the key ring holds no key with this id"));
  }

  /** The start of every value stored under {@code keyId}: {@code v1:<keyId>:}. */
  public static String prefix(String keyId) {
    return VERSION + SEPARATOR + keyId + SEPARATOR;
  }

  private static byte[] run(int mode, SecretKey key, String keyId, byte[] iv, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(prefix(keyId).getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          mode == Cipher.DECRYPT_MODE ? "stored value failed authentication" : "AES-GCM failed", e);
    }
  }

  private static String[] parse(String stored) {
    String[] parts = stored == null ? new String[0] : stored.split(SEPARATOR, -1);
    if (parts.length != 3 || !VERSION.equals(parts[0])) {
      throw new IllegalStateException("stored value is not in the " + VERSION + " format");
    }
    return parts;
  }
}
