package io.dialtone.extension.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.ExtensionType;
import io.dialtone.kernel.entity.SipDomain;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The extension's own rules: PIN failure counting, the unused flag, soft delete. */
class ExtensionTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Extension extension() {
    Extension e =
        Extension.create(
            AccountId.of(7),
            new ExtensionNumber("201"),
            " Desk ",
            ExtensionType.USER,
            null,
            SipDomain.of("C-000007", "example.com"),
            T0);
    e.replaceCredential("v1:k:a", "v1:k:b", T0);
    return e;
  }

  @Test
  void fiveFailuresInARowLockAndASuccessStartsTheCountAgain() {
    Extension e = extension();
    e.replacePin("hash", false);
    Instant until = T0.plus(Duration.ofMinutes(30));
    for (int i = 0; i < 4; i++) {
      assertThat(e.recordPinFailure(5, until)).isFalse();
    }
    e.recordPinSuccess();
    for (int i = 0; i < 4; i++) {
      assertThat(e.recordPinFailure(5, until)).isFalse();
    }
    assertThat(e.isPinLockedAt(T0)).isFalse();
    assertThat(e.recordPinFailure(5, until)).isTrue();
    assertThat(e.isPinLockedAt(T0.plus(Duration.ofMinutes(29)))).isTrue();
    assertThat(e.isPinLockedAt(until)).isFalse();
  }

  @Test
  void neverUsedCountsFromCreation() {
    Extension e = extension();
    assertThat(e.getDisplayName()).isEqualTo("Desk");
    assertThat(e.isUnusedAt(T0.plus(Duration.ofDays(29)), 30)).isFalse();
    assertThat(e.isUnusedAt(T0.plus(Duration.ofDays(31)), 30)).isTrue();
  }

  @Test
  void deletingWipesTheCredentialAndPinAndIsFinal() {
    Extension e = extension();
    e.replacePin("hash", true);
    e.delete(T0);
    assertThat(e.getStatus()).isEqualTo(ExtensionStatus.DELETED);
    assertThat(e.getHa1Sha256()).isNull();
    assertThat(e.getHa1Md5()).isNull();
    assertThat(e.getPinHash()).isNull();
    assertThatThrownBy(e::enable).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> e.changeMaxRegistrations(6))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
