package io.dialtone.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class BackupEnvelopeTest {

  private static final SecretKey KEY = key(1);

  @Test
  void whatIsSealedOpensWithTheSameKeyAcrossManySegments() throws IOException {
    byte[] plain = data(3 * BackupEnvelope.SEGMENT + 123);
    byte[] sealed = seal(plain, KEY);

    assertThat(open(sealed, KEY)).isEqualTo(plain);
    assertThat(sealed.length).isGreaterThan(plain.length);
    assertThat(indexOf(sealed, Arrays.copyOfRange(plain, 1000, 1032))).isNegative();
  }

  @Test
  void anEmptyStreamAndAnExactMultipleOfTheSegmentRoundTrip() throws IOException {
    assertThat(open(seal(new byte[0], KEY), KEY)).isEmpty();
    byte[] plain = data(2 * BackupEnvelope.SEGMENT);
    assertThat(open(seal(plain, KEY), KEY)).isEqualTo(plain);
  }

  @Test
  void anotherKeyIsNamedAsSuch() throws IOException {
    byte[] sealed = seal(data(100), KEY);
    assertThatThrownBy(() -> open(sealed, key(2)))
        .isInstanceOf(BackupEnvelope.Refused.class)
        .hasMessageStartingWith("made with another backup key")
        .hasMessageContaining(BackupEnvelope.fingerprint(KEY));
  }

  @Test
  void aFlippedBitAReorderOrACutEndIsRefused() throws IOException {
    byte[] sealed = seal(data(3 * BackupEnvelope.SEGMENT), KEY);

    byte[] flipped = sealed.clone();
    flipped[flipped.length / 2] ^= 0x40;
    assertThatThrownBy(() -> open(flipped, KEY)).hasMessageStartingWith("altered or damaged");

    int header = 25;
    int segment = 1 + 4 + BackupEnvelope.SEGMENT + 16;
    byte[] swapped = sealed.clone();
    System.arraycopy(sealed, header, swapped, header + segment, segment);
    System.arraycopy(sealed, header + segment, swapped, header, segment);
    assertThatThrownBy(() -> open(swapped, KEY)).hasMessageStartingWith("altered or damaged");

    byte[] lastDropped = Arrays.copyOf(sealed, header + 2 * segment);
    assertThatThrownBy(() -> open(lastDropped, KEY)).hasMessageStartingWith("cut short");

    assertThatThrownBy(() -> open("not a backup at all".getBytes(), KEY))
        .hasMessage("not a Dialtone backup file");
  }

  private static byte[] seal(byte[] plain, SecretKey key) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream sealing = BackupEnvelope.seal(out, key)) {
      sealing.write(plain);
    }
    return out.toByteArray();
  }

  private static byte[] open(byte[] sealed, SecretKey key) throws IOException {
    try (InputStream in = BackupEnvelope.open(new ByteArrayInputStream(sealed), key)) {
      return in.readAllBytes();
    }
  }

  private static byte[] data(int n) {
    byte[] bytes = new byte[n];
    new SplittableRandom(n).nextBytes(bytes);
    return bytes;
  }

  private static SecretKey key(int seed) {
    byte[] key = new byte[32];
    new SplittableRandom(seed).nextBytes(key);
    return new SecretKeySpec(key, "AES");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
