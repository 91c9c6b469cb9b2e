package io.dialtone.extension.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.extension.entity.Extension;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.ExtensionType;
import io.dialtone.kernel.entity.SipDomain;
import io.dialtone.platform.control.DataCipher;
import io.dialtone.platform.control.SecureTokens;
import io.dialtone.sip.control.SipDigest;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Generated SIP secrets go into the provisioning CSV, so none may start with a spreadsheet formula
 * character. With a plain base64url token one secret in 64 starts with {@code -}: among thousands,
 * some always would.
 */
class SipSecretsTest {

  private static final String FORMULA_STARTS = "=+-@\t\r";
  private static final int DRAWS = 20_000;

  @Test
  void secretsAreBase64UrlOfTheUsualLengthAndNeverStartLikeAFormula() {
    Set<String> secrets = new HashSet<>();
    Set<Character> firsts = new HashSet<>();
    boolean dashInside = false;
    for (int i = 0; i < DRAWS; i++) {
      String secret = SipSecrets.newSecret();
      assertThat(secret).matches("[A-Za-z0-9_-]{22}");
      assertThat(FORMULA_STARTS.indexOf(secret.charAt(0))).as(secret).isEqualTo(-1);
      secrets.add(secret);
      firsts.add(secret.charAt(0));
      dashInside |= secret.indexOf('-') > 0;
    }
    assertThat(secrets).as("no repeats").hasSize(DRAWS);
    assertThat(firsts).as("every other character starts some secret").hasSize(63);
    assertThat(dashInside).as("'-' still appears after the first character").isTrue();
  }

  @Test
  void issuedSecretsNeverStartLikeAFormulaAndMatchTheStoredDigests() {
    CredentialIssuer issuer = new CredentialIssuer();
    issuer.cipher = new DataCipher("k1", SecureTokens.randomBytes(32));
    SipDomain realm = SipDomain.of("C-000007", "example.com");
    Extension extension =
        Extension.create(
            AccountId.of(7),
            new ExtensionNumber("201"),
            "Desk",
            ExtensionType.USER,
            null,
            realm,
            Instant.EPOCH);

    IntStream.range(0, 2_000)
        .mapToObj(i -> issuer.issue(extension, Instant.EPOCH))
        .forEach(
            issued ->
                assertThat(issued.secret())
                    .matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}")
                    .satisfies(
                        secret ->
                            assertThat(issuer.decrypt(extension.getHa1Sha256()))
                                .isEqualTo(SipDigest.SHA_256.ha1("201", realm.value(), secret))));
  }
}
