package io.dialtone.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class DataCipherTest {

  private static final String MARKER = "JBSWY3DPEHPK3PXP-marker-secret";

  private final byte[] key = SecureTokens.randomBytes(32);
  private final DataCipher cipher = new DataCipher("k1", key);

  @Test
  void roundTrip() {
    String stored = cipher.encrypt(MARKER);

    assertThat(stored).startsWith("v1:k1:").doesNotContain(MARKER);
    assertThat(cipher.decrypt(stored)).isEqualTo(MARKER);
  }

  @Test
  void roundTripOfEmptyAndNonAsciiText() {
    assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
    assertThat(cipher.decrypt(cipher.encrypt("mot de passe \u00e9t\u00e9 \ud83d\udd11")))
        .isEqualTo("mot de passe \u00e9t\u00e9 \ud83d\udd11");
  }

  @Test
  void storedValueIsTwelveByteIvPlusCiphertextPlusTag() {
    byte[] payload = Base64.getDecoder().decode(cipher.encrypt("abc").substring("v1:k1:".length()));

    assertThat(payload).hasSize(12 + 3 + 16);
  }

  @Test
  void everyEncryptionUsesAFreshIv() {
    Set<String> ivs = new HashSet<>();
    Set<String> values = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String stored = cipher.encrypt(MARKER);
      values.add(stored);
      byte[] payload = Base64.getDecoder().decode(stored.substring("v1:k1:".length()));
      ivs.add(Base64.getEncoder().encodeToString(Arrays.copyOf(payload, 12)));
    }
    assertThat(ivs).hasSize(200);
    assertThat(values).hasSize(200);
  }

  @Test
  void flippedBitInCiphertextIsDetected() {
    String stored = cipher.encrypt(MARKER);
    byte[] payload = Base64.getDecoder().decode(stored.substring("v1:k1:".length()));
    for (int i = 0; i < payload.length; i++) {
      byte[] tampered = payload.clone();
      tampered[i] ^= 0x01;
      String altered = "v1:k1:" + Base64.getEncoder().encodeToString(tampered);
      assertThatThrownBy(() -> cipher.decrypt(altered))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageNotContaining(MARKER);
    }
  }

  @Test
  void truncatedOrMalformedValueIsRejected() {
    String stored = cipher.encrypt(MARKER);

    assertThatThrownBy(() -> cipher.decrypt(stored.substring(0, stored.length() - 4)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.decrypt("v1:k1:AAAA"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.decrypt("v1:k1:@@@")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.decrypt("v2:k1:" + stored.substring(6)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.decrypt(MARKER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining(MARKER);
    assertThatThrownBy(() -> cipher.decrypt(null)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void unknownKeyIdIsRejected() {
    String stored = cipher.encrypt(MARKER);
    DataCipher other = new DataCipher("k2", key);

    assertThatThrownBy(() -> other.decrypt(stored))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining(MARKER);
  }

  @Test
  void keyIdIsAuthenticatedSoRelabellingFails() {
    DataCipher sameKeyOtherId = new DataCipher("k2", key);
    String relabelled = "v1:k2:" + cipher.encrypt(MARKER).substring("v1:k1:".length());

    assertThatThrownBy(() -> sameKeyOtherId.decrypt(relabelled))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void wrongKeyWithSameIdFails() {
    DataCipher impostor = new DataCipher("k1", SecureTokens.randomBytes(32));

    assertThatThrownBy(() -> impostor.decrypt(cipher.encrypt(MARKER)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void keyIdOfReadsTheStoredKeyId() {
    assertThat(DataCipher.keyIdOf(cipher.encrypt(MARKER))).isEqualTo("k1");
  }

  @Test
  void fromBase64KeyAcceptsOnly32Bytes() {
    String base64 = Base64.getEncoder().encodeToString(key);
    DataCipher fromText = DataCipher.fromBase64Key("k1", base64);

    assertThat(fromText.decrypt(cipher.encrypt(MARKER))).isEqualTo(MARKER);
    assertThatThrownBy(
            () -> DataCipher.fromBase64Key("k1", Base64.getEncoder().encodeToString(new byte[16])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DataCipher.fromBase64Key("k1", "not base64 !"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("not base64 !");
  }

  @Test
  void keyIdMustBeShortAndFreeOfSeparators() {
    assertThatThrownBy(() -> new DataCipher("a:b", key))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DataCipher("", key)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DataCipher("k1", new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRingWritesWithItsCurrentKeyAndReadsEveryKeyItHoldsById() {
    byte[] second = SecureTokens.randomBytes(32);
    AtomicReference<String> current = new AtomicReference<>("k1");
    Map<String, SecretKey> keys =
        Map.of("k1", DataCipher.aesKey("k1", key), "k2", DataCipher.aesKey("k2", second));
    DataCipher ring = ring(keys, current);
    String old = ring.encrypt(MARKER);

    current.set("k2");
    String fresh = ring.encrypt(MARKER);

    assertThat(old).startsWith("v1:k1:");
    assertThat(fresh).startsWith("v1:k2:");
    assertThat(ring.decrypt(old)).isEqualTo(MARKER);
    assertThat(ring.decrypt(fresh)).isEqualTo(MARKER);
    assertThat(cipher.decrypt(old)).as("k1 alone still reads what k1 wrote").isEqualTo(MARKER);
    assertThatThrownBy(() -> cipher.decrypt(fresh))
        .as("k1 alone cannot read what k2 wrote")
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void reencryptMovesAValueToTheNamedKeyAndKeepsItsPlainText() {
    byte[] second = SecureTokens.randomBytes(32);
    DataCipher ring =
        ring(
            Map.of("k1", DataCipher.aesKey("k1", key), "k2", DataCipher.aesKey("k2", second)),
            new AtomicReference<>("k1"));
    String old = ring.encrypt(MARKER);

    String moved = ring.reencrypt(old, "k2");

    assertThat(DataCipher.keyIdOf(moved)).isEqualTo("k2");
    assertThat(new DataCipher("k2", second).decrypt(moved)).isEqualTo(MARKER);
    assertThatThrownBy(() -> ring.reencrypt(old, "k3"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining(MARKER);
  }

  private static DataCipher ring(Map<String, SecretKey> keys, AtomicReference<String> current) {
    return new DataCipher(
        new DataCipher.Keys() {
          @Override
          public Optional<SecretKey> key(String keyId) {
            return Optional.ofNullable(keys.get(keyId));
          }

          @Override
          public String currentKeyId() {
            return current.get();
          }
        });
  }
}
