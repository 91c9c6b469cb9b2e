package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditEntry;
import io.dialtone.audit.control.AuditQuery;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.dashboard.control.DataKeyAdministration;
import io.dialtone.extension.control.Extensions;
import io.dialtone.extension.control.NewSipSecret;
import io.dialtone.extension.control.SipCredentials;
import io.dialtone.identity.control.SignIn;
import io.dialtone.identity.control.SignInOutcome;
import io.dialtone.identity.control.TotpCodes;
import io.dialtone.incontainer.SeededAccounts.Tenants;
import io.dialtone.incontainer.SeededUsers.Seeded;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.ExtensionType;
import io.dialtone.kernel.entity.Role;
import io.dialtone.kernel.entity.SipDomain;
import io.dialtone.platform.control.AccessDenied;
import io.dialtone.platform.control.DataCipher;
import io.dialtone.platform.control.DataKeyRotation;
import io.dialtone.platform.control.DataKeyState;
import io.dialtone.platform.control.DataKeyUse;
import io.dialtone.platform.control.Refusal;
import io.dialtone.platform.control.RotationProgress;
import io.dialtone.sip.control.SipCredential;
import io.dialtone.sip.control.SipDigest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The data key ring in Payara Micro on MariaDB: a key added to the keys folder becomes current
 * through a rotation that moves every stored secret (TOTP secrets, HA1 values) to it in the
 * background, old values staying readable meanwhile; refusals (unknown key, a second rotation,
 * retiring the current key or one still used); the old key retires once unused; all of it audited
 * and closed to anyone but a platform administrator.
 */
@ExtendWith(ArquillianExtension.class)
public class DataKeyRotationIT {

  private static final String IP = "192.0.2.91";

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("dashboard", "extension")
        .addAsResource("io/dialtone/extension/control/common-pins.txt")
        .addAsLibraries(
            Maven.resolver()
                .loadPomFromFile("pom.xml")
                .resolve("com.googlecode.libphonenumber:libphonenumber")
                .withTransitivity()
                .asFile());
  }

  @Inject DataKeyAdministration administration;
  @Inject DataKeyRotation rotation;
  @Inject DataCipher cipher;
  @Inject DataKeyRows rows;
  @Inject SeededAccounts accounts;
  @Inject SeededUsers users;
  @Inject Extensions extensions;
  @Inject SipCredentials credentials;
  @Inject SignIn signIn;
  @Inject TotpCodes totp;
  @Inject AuditQuery audit;
  @Inject Clock clock;

  @Test
  void aRotationMovesEverySecretToTheNewKeyAndTheOldKeyRetiresOnceUnused() throws Exception {
    Tenants t = accounts.tenants();
    Seeded user = users.customerAdmin();
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    List<NewSipSecret> phones = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      phones.add(extensions.create(t.a1(), "31" + i, "Phone " + i, ExtensionType.USER, null));
    }
    String before = currentKey();
    assertThat(rows.secrets()).allMatch(v -> v.startsWith("v1:" + before + ":"));
    String target = "r" + Long.toString(clock.millis(), 36);
    byte[] newKey = rows.addKey(target);

    String admin = accounts.signInAs(Role.PLATFORM_ADMIN, 1L);
    assertThat(uses()).containsEntry(before, (long) rows.secrets().size());
    assertThat(state(target)).isEqualTo(DataKeyState.NEW);
    assertRefused(() -> administration.retire(before), "data_keys.retireCurrent");
    assertRefused(() -> administration.rotateTo("no-such-key"), "data_keys.unknownKey");

    RotationProgress started = administration.rotateTo(target);
    assertThat(started.running()).isTrue();
    assertThat(started.remaining()).isEqualTo(rows.secrets().size());
    assertRefused(() -> administration.rotateTo(target), "data_keys.rotationRunning");
    assertThat(cipher.encrypt("new secret"))
        .as("new values use the new key")
        .startsWith("v1:" + target + ":");
    assertThat(ha1(phones.get(0)))
        .as("old values stay readable")
        .isEqualTo(expectedHa1(phones.get(0)));
    assertRefused(() -> administration.retire(before), "data_keys.retireInUse");

    Instant deadline = clock.instant().plus(Duration.ofMinutes(2));
    while (rotation.latest().orElseThrow().running()) {
      assertThat(clock.instant()).as("rotation finished in time").isBefore(deadline);
      rotation.runNow();
      Thread.sleep(100); // the rotation settles: twice the 1 s key cache of these tests
    }

    DataCipher newKeyAlone = new DataCipher(target, newKey);
    List<String> stored = rows.secrets();
    assertThat(stored).isNotEmpty().allMatch(v -> v.startsWith("v1:" + target + ":"));
    stored.forEach(newKeyAlone::decrypt);
    for (NewSipSecret phone : phones) {
      assertThat(ha1(phone)).isEqualTo(expectedHa1(phone));
    }
    String code = totp.codeAt(user.totpSecret(), TotpCodes.stepAt(clock.instant()));
    assertThat(signIn.verifyTotp(user.id(), code, IP).outcome()).isEqualTo(SignInOutcome.SIGNED_IN);
    RotationProgress done = administration.latestRotation().orElseThrow();
    assertThat(done.rewritten()).isGreaterThanOrEqualTo(stored.size());
    assertThat(done.remaining()).isZero();
    assertThat(uses()).containsEntry(before, 0L).containsEntry(target, (long) stored.size());

    String sameAdmin = accounts.signInAs(Role.PLATFORM_ADMIN, 1L); // again, after the TOTP sign-in
    administration.retire(before);
    assertThat(state(before)).isEqualTo(DataKeyState.RETIRED);
    assertRefused(() -> administration.rotateTo(before), "data_keys.targetRetired");

    assertThat(actions(admin))
        .contains(
            AuditAction.DATA_KEY_ROTATION_STARTED + " " + AuditResult.SUCCESS,
            AuditAction.DATA_KEY_ROTATION_STARTED + " " + AuditResult.FAILURE,
            AuditAction.DATA_KEY_RETIRED + " " + AuditResult.FAILURE);
    assertThat(actions(sameAdmin))
        .contains(
            AuditAction.DATA_KEY_RETIRED + " " + AuditResult.SUCCESS,
            AuditAction.DATA_KEY_ROTATION_STARTED + " " + AuditResult.FAILURE);
    assertThat(audit.recentForActor("system", Set.of(AuditAction.DATA_KEY_ROTATION_FINISHED), 10))
        .extracting(AuditEntry::getTarget)
        .contains("data-key:" + target);
  }

  @Test
  void aRotationLeftByACrashedNodeWaitsForItsLeaseThenAnotherNodeFinishesIt() throws Exception {
    Tenants t = accounts.tenants();
    users.customerAdmin();
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    NewSipSecret phone = extensions.create(t.a1(), "320", "Phone", ExtensionType.USER, null);
    String target = "c" + Long.toString(clock.millis(), 36);
    rows.addKey(target);
    accounts.signInAs(Role.PLATFORM_ADMIN, 1L);

    RotationProgress started = administration.rotateTo(target);
    // The node working on it crashes: its lease runs on, nobody else may take the rotation.
    rows.plantLease(started.id(), "crashed-node", clock.instant().plus(Duration.ofMinutes(10)));
    while (!rotation.runNow()) {
      Thread.sleep(50); // a run that held the lease before the crash ends first
    }
    long rewritten = rotation.latest().orElseThrow().rewritten();
    rotation.runNow();
    rotation.runNow();
    RotationProgress held = rotation.latest().orElseThrow();
    assertThat(held.running()).isTrue();
    assertThat(held.rewritten()).isEqualTo(rewritten);

    rows.plantLease(started.id(), "crashed-node", clock.instant().minusSeconds(1)); // lapsed
    Instant deadline = clock.instant().plus(Duration.ofMinutes(2));
    while (rotation.latest().orElseThrow().running()) {
      assertThat(clock.instant()).as("rotation finished in time").isBefore(deadline);
      rotation.runNow();
      Thread.sleep(100); // the rotation settles: twice the 1 s key cache of these tests
    }
    assertThat(rows.secrets()).allMatch(v -> v.startsWith("v1:" + target + ":"));
    assertThat(ha1(phone)).isEqualTo(expectedHa1(phone));
  }

  @Test
  void onlyAPlatformAdministratorSeesOrTouchesTheKeys() {
    Tenants t = accounts.tenants();
    for (Role role : List.of(Role.CUSTOMER_ADMIN, Role.RESELLER_ADMIN, Role.SUPPORT_AGENT)) {
      accounts.signInAs(role, role == Role.SUPPORT_AGENT ? 1L : t.a1());
      assertThatThrownBy(administration::keys).isInstanceOf(AccessDenied.class);
      assertThatThrownBy(() -> administration.rotateTo("k9")).isInstanceOf(AccessDenied.class);
      assertThatThrownBy(() -> administration.retire("k1")).isInstanceOf(AccessDenied.class);
    }
  }

  private String currentKey() {
    return DataCipher.keyIdOf(cipher.encrypt("probe"));
  }

  private Map<String, Long> uses() {
    return administration.keys().stream()
        .collect(Collectors.toMap(DataKeyUse::keyId, DataKeyUse::uses));
  }

  private DataKeyState state(String keyId) {
    return administration.keys().stream()
        .filter(k -> k.keyId().equals(keyId))
        .findFirst()
        .orElseThrow()
        .state();
  }

  private List<String> actions(String actor) {
    return audit
        .recentForActor(
            actor, Set.of(AuditAction.DATA_KEY_ROTATION_STARTED, AuditAction.DATA_KEY_RETIRED), 20)
        .stream()
        .map(e -> e.getAction() + " " + e.getResult())
        .toList();
  }

  private String ha1(NewSipSecret phone) {
    SipCredential found =
        credentials
            .find(
                SipDomain.parse(phone.realm()).orElseThrow(), new ExtensionNumber(phone.sipUser()))
            .orElseThrow();
    return credentials.ha1(found, SipDigest.SHA_256);
  }

  private static String expectedHa1(NewSipSecret phone) {
    return SipDigest.SHA_256.ha1(phone.sipUser(), phone.realm(), phone.secret());
  }

  private static void assertRefused(Runnable action, String key) {
    assertThatThrownBy(action::run)
        .isInstanceOf(Refusal.class)
        .extracting(e -> ((Refusal) e).messageKey())
        .isEqualTo(key);
  }
}
