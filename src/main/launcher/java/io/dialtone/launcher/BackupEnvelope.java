package io.dialtone.launcher;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The encrypted file format of a backup: AES-256-GCM over segments of {@value #SEGMENT} bytes, so a
 * dump of any size streams through constant memory (Java's GCM holds a whole message until its tag
 * is checked). The header names the backup key by a fingerprint, so a wrong key is told apart from
 * a damaged file; each segment's IV is the header's random prefix and the segment's number, and its
 * additional data the header, the number and whether it is the last, so segments can be neither
 * altered, reordered, dropped nor cut off the end unnoticed.
 *
 * <p>Files of format 2 ({@code DTBACKUP2}) encrypt and fingerprint with keys derived from the
 * backup key ({@link BackupKeys}); files of format 1 ({@code DTBACKUP1}, which used the backup key
 * itself) are still read.
 */
final class BackupEnvelope {

  /** Thrown when a file cannot be opened: not a backup, another key, or altered. */
  static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  static final int SEGMENT = 64 * 1024;
  private static final byte[] MAGIC = "DTBACKUP2".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MAGIC_FORMAT_ONE = "DTBACKUP1".getBytes(StandardCharsets.US_ASCII);
  private static final int FINGERPRINT_BYTES = 8;
  private static final int PREFIX_BYTES = 8;
  private static final int HEADER_BYTES = MAGIC.length + FINGERPRINT_BYTES + PREFIX_BYTES;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private BackupEnvelope() {}

  /**
   * The first bytes of an HMAC over a fixed label with the backup key's fingerprint key: names a
   * key without revealing it.
   */
  static String fingerprint(SecretKey backupKey) {
    return java.util.HexFormat.of().formatHex(fingerprintBytes(BackupKeys.derive(backupKey)));
  }

  private static byte[] fingerprintBytes(BackupKeys keys) {
    return Arrays.copyOf(
        BackupKeys.hmac(
            keys.fingerprint().getEncoded(),
            "dialtone backup key".getBytes(StandardCharsets.US_ASCII)),
        FINGERPRINT_BYTES);
  }

  /**
   * A stream that encrypts what is written to it into {@code out}; closing it closes {@code out}.
   */
  static OutputStream seal(OutputStream out, SecretKey backupKey) throws IOException {
    BackupKeys keys = BackupKeys.derive(backupKey);
    byte[] header = new byte[HEADER_BYTES];
    System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
    System.arraycopy(fingerprintBytes(keys), 0, header, MAGIC.length, FINGERPRINT_BYTES);
    byte[] prefix = new byte[PREFIX_BYTES];
    RANDOM.nextBytes(prefix);
    System.arraycopy(prefix, 0, header, MAGIC.length + FINGERPRINT_BYTES, PREFIX_BYTES);
    out.write(header);
    return new Sealing(out, keys.encryption(), header);
  }

  /**
   * A stream of what {@code in} holds, decrypted; it throws {@link Refused} on the first segment
   * that does not authenticate, and at the end if the last segment is missing.
   */
  static InputStream open(InputStream in, SecretKey backupKey) throws IOException {
    byte[] header = in.readNBytes(HEADER_BYTES);
    byte[] magic = Arrays.copyOf(header, MAGIC.length);
    BackupKeys keys;
    if (header.length == HEADER_BYTES && Arrays.equals(magic, MAGIC)) {
      keys = BackupKeys.derive(backupKey);
    } else if (header.length == HEADER_BYTES && Arrays.equals(magic, MAGIC_FORMAT_ONE)) {
      keys = BackupKeys.formatOne(backupKey);
    } else {
      throw new Refused("not a Dialtone backup file");
    }
    byte[] fingerprint = Arrays.copyOfRange(header, MAGIC.length, MAGIC.length + FINGERPRINT_BYTES);
    if (!MessageDigest.isEqual(fingerprint, fingerprintBytes(keys))) {
      throw new Refused(
          "made with another backup key (key "
              + java.util.HexFormat.of().formatHex(fingerprint)
              + ", given "
              + java.util.HexFormat.of().formatHex(fingerprintBytes(keys))
              + ")");
    }
    return new Opening(new DataInputStream(in), keys.encryption(), header);
  }

  private static byte[] crypt(
      int mode, SecretKey key, byte[] header, long number, boolean last, byte[] input, int length)
      throws GeneralSecurityException {
    byte[] iv =
        ByteBuffer.allocate(12)
            .put(header, MAGIC.length + FINGERPRINT_BYTES, PREFIX_BYTES)
            .putInt((int) number)
            .array();
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(header);
    cipher.updateAAD(ByteBuffer.allocate(9).putLong(number).put((byte) (last ? 1 : 0)).array());
    return cipher.doFinal(input, 0, length);
  }

  private static final class Sealing extends OutputStream {
    private final OutputStream out;
    private final SecretKey key;
    private final byte[] header;
    private final byte[] buffer = new byte[SEGMENT];
    private int filled;
    private long number;
    private boolean closed;

    Sealing(OutputStream out, SecretKey key, byte[] header) {
      this.out = out;
      this.key = key;
      this.header = header;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      while (length > 0) {
        if (filled == SEGMENT) {
          emit(false);
        }
        int n = Math.min(length, SEGMENT - filled);
        System.arraycopy(bytes, offset, buffer, filled, n);
        filled += n;
        offset += n;
        length -= n;
      }
    }

    private void emit(boolean last) throws IOException {
      try {
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, header, number++, last, buffer, filled);
        out.write(last ? 1 : 0);
        out.write(ByteBuffer.allocate(4).putInt(sealed.length).array());
        out.write(sealed);
        filled = 0;
      } catch (GeneralSecurityException e) {
        throw new IOException("AES-GCM failed", e);
      }
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        emit(true);
        out.close();
      }
    }
  }

  private static final class Opening extends InputStream {
    private final DataInputStream in;
    private final SecretKey key;
    private final byte[] header;
    private byte[] plain = new byte[0];
    private int position;
    private long number;
    private boolean ended;

    Opening(DataInputStream in, SecretKey key, byte[] header) {
      this.in = in;
      this.key = key;
      this.header = header;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      while (position == plain.length) {
        if (ended) {
          return -1;
        }
        next();
      }
      int n = Math.min(length, plain.length - position);
      System.arraycopy(plain, position, bytes, offset, n);
      position += n;
      return n;
    }

    private void next() throws IOException {
      try {
        int flag = in.read();
        if (flag < 0) {
          throw new Refused("cut short: its end is missing");
        }
        int length = in.readInt();
        if (flag > 1 || length < TAG_BITS / 8 || length > SEGMENT + TAG_BITS / 8) {
          throw new Refused("altered or damaged at segment " + number);
        }
        byte[] sealed = in.readNBytes(length);
        if (sealed.length < length) {
          throw new Refused("cut short: its end is missing");
        }
        plain = crypt(Cipher.DECRYPT_MODE, key, header, number, flag == 1, sealed, length);
        position = 0;
        number++;
        ended = flag == 1;
        if (ended && in.read() >= 0) {
          throw new Refused("altered: bytes follow its last segment");
        }
      } catch (EOFException e) {
        throw new Refused("cut short: its end is missing");
      } catch (GeneralSecurityException e) {
        throw new Refused("altered or damaged at segment " + number);
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
