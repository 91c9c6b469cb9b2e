package io.dialtone.launcher;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys a backup uses, each derived from the backup key with HKDF-SHA256 (RFC 5869) under a
 * label of its own, so no key serves two algorithms: AES-256-GCM for the files, HMAC-SHA256 for the
 * manifest's signature, and the fingerprint that names the backup key in a file's header.
 *
 * <p>Backups of format 1 used the backup key itself for all three; {@link #formatOne} gives those
 * keys so that such backups still restore.
 */
record BackupKeys(SecretKey encryption, SecretKey manifest, SecretKey fingerprint) {

  private static final byte[] SALT =
      "dialtone backup key derivation".getBytes(StandardCharsets.US_ASCII);

  /** The keys of backups written today (format 2), derived from {@code backupKey}. */
  static BackupKeys derive(SecretKey backupKey) {
    byte[] prk = hmac(SALT, backupKey.getEncoded());
    return new BackupKeys(
        new SecretKeySpec(expand(prk, "encryption"), "AES"),
        new SecretKeySpec(expand(prk, "manifest"), "HmacSHA256"),
        new SecretKeySpec(expand(prk, "fingerprint"), "HmacSHA256"));
  }

  /** The keys of format 1: the backup key itself for everything. */
  static BackupKeys formatOne(SecretKey backupKey) {
    byte[] raw = backupKey.getEncoded();
    return new BackupKeys(
        new SecretKeySpec(raw, "AES"),
        new SecretKeySpec(raw, "HmacSHA256"),
        new SecretKeySpec(raw, "HmacSHA256"));
  }

  /** HKDF-Expand of one block: 32 bytes for {@code label}. */
  private static byte[] expand(byte[] prk, String label) {
    byte[] info = ("dialtone backup " + label).getBytes(StandardCharsets.US_ASCII);
    return hmac(prk, ByteBuffer.allocate(info.length + 1).put(info).put((byte) 1).array());
  }

  static byte[] hmac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "BackupKeys["
        + Arrays.toString(new String[] {"encryption", "manifest", "fingerprint"})
        + "]";
  }
}
