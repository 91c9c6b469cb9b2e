package io.dialtone.platform.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
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
 * secret. One instance holds one key; rotation adds a key ring that picks the instance by {@link
 * #keyIdOf(String)}.
 */
public final class DataCipher {

  private static final String VERSION = "v1";
  private static final String SEPARATOR = ":";
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private final String keyId;
  private final SecretKey key;

  /**
   * @param keyId short name of the key, stored with every value: letters, digits, {@code -} and
   *     {@code _}, at most 32
   * @param key32 the 32-byte AES key (copied)
   */
  public DataCipher(String keyId, byte[] key32) {
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException("key id must be 1-32 of [A-Za-z0-9_-]");
    }
    if (key32 == null || key32.length != KEY_BYTES) {
      throw new IllegalArgumentException("AES-256 needs a " + KEY_BYTES + "-byte key");
    }
    this.keyId = keyId;
    this.key = new SecretKeySpec(key32, "AES");
  }

  /** A cipher from a base64-encoded 32-byte key, as kept in the environment or a key file. */
  public static DataCipher fromBase64Key(String keyId, String base64Key) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(Objects.requireNonNull(base64Key, "base64Key").strip());
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character: keep the key out of logs.
      throw new IllegalArgumentException("key is not valid base64");
    }
    return new DataCipher(keyId, key);
  }

  /** The key id this cipher writes and accepts. */
  public String keyId() {
    return keyId;
  }

  /** The key id named by a stored value, for picking the key that decrypts it. */
  public static String keyIdOf(String stored) {
    return parse(stored)[1];
  }

  /** Encrypts {@code plain} under a fresh IV; the result is safe to store as text. */
  public String encrypt(String plain) {
    Objects.requireNonNull(plain, "plain");
    byte[] iv = SecureTokens.randomBytes(IV_BYTES);
    byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, plain.getBytes(StandardCharsets.UTF_8));
    byte[] out = new byte[IV_BYTES + sealed.length];
    System.arraycopy(iv, 0, out, 0, IV_BYTES);
    System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
    return prefix() + Base64.getEncoder().encodeToString(out);
  }

  /**
   * Decrypts a value written by {@link #encrypt(String)} with the same key.
   *
   * @throws IllegalStateException if the value is malformed, names another key id or fails
   *     authentication
   */
  public String decrypt(String stored) {
    String[] parts = parse(stored);
    if (!keyId.equals(parts[1])) {
      throw new IllegalStateException("stored value is encrypted under an unknown key id");
    }
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
    return new String(run(Cipher.DECRYPT_MODE, iv, sealed), StandardCharsets.UTF_8);
  }

  private String prefix() {
    return VERSION + SEPARATOR + keyId + SEPARATOR;
  }

  private byte[] run(int mode, byte[] iv, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(prefix().getBytes(StandardCharsets.UTF_8));
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
