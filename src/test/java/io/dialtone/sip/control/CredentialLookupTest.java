package io.dialtone.sip.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.account.control.AccountTree;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.SipDomain;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The registrar's full load of SIP users. */
class CredentialLookupTest {

  private static final String DAMAGED = "not-sealed";

  @Test
  void anExtensionWhoseCredentialsCannotBeReadIsLeftOutAndEveryOtherIsRead() {
    CredentialLookup lookup =
        lookup(
            List.of(
                credential(1, "201", "sealed"),
                credential(2, "202", DAMAGED),
                credential(3, "203", "sealed")));
    assertThat(lookup.all()).extracting(SipUser::extensionId).containsExactly(1L, 3L);
  }

  @Test
  void withEveryCredentialReadableAllAreUsers() {
    CredentialLookup lookup =
        lookup(List.of(credential(1, "201", "sealed"), credential(3, "203", "sealed")));
    assertThat(lookup.all())
        .extracting(SipUser::extensionId, user -> user.number().digits())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, "201"),
            org.assertj.core.groups.Tuple.tuple(3L, "203"));
  }

  private static CredentialLookup lookup(List<SipCredential> stored) {
    CredentialLookup lookup = new CredentialLookup();
    lookup.accounts =
        new AccountTree() {
          @Override
          public boolean isActiveWithAncestors(long accountId) {
            return true;
          }
        };
    lookup.credentials =
        new CredentialSource() {
          @Override
          public Optional<SipCredential> find(SipDomain realm, ExtensionNumber user) {
            return Optional.empty();
          }

          @Override
          public List<SipCredential> allActive() {
            return stored;
          }

          @Override
          public String ha1(SipCredential credential, SipDigest algorithm) {
            if (DAMAGED.equals(credential.encryptedHa1Sha256())) {
              throw new IllegalStateException("stored value is not in the v1 format");
            }
            return "ha1-" + credential.extensionId() + "-" + algorithm;
          }
        };
    return lookup;
  }

  private static SipCredential credential(long id, String number, String sealed) {
    return new SipCredential(
        id,
        AccountId.of(7),
        SipDomain.parse("c-000007.sip.dialtone.invalid").orElseThrow(),
        ExtensionNumber.parse(number).orElseThrow(),
        sealed,
        sealed,
        true,
        1);
  }
}
