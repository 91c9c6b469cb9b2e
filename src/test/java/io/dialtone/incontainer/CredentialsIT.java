package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditEntry;
import io.dialtone.audit.control.AuditQuery;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.identity.control.EmailChangeRefused;
import io.dialtone.identity.control.EmailChanges;
import io.dialtone.identity.control.InactivitySweep;
import io.dialtone.identity.control.NewAuthenticator;
import io.dialtone.identity.control.OwnSecondFactor;
import io.dialtone.identity.control.PasswordChanges;
import io.dialtone.identity.control.ReEnrolment;
import io.dialtone.identity.control.SignIn;
import io.dialtone.identity.control.SignInOutcome;
import io.dialtone.identity.control.StepUp;
import io.dialtone.identity.control.StepUpRequired;
import io.dialtone.identity.control.StepUpResult;
import io.dialtone.identity.control.TotpCodes;
import io.dialtone.identity.control.WrongCurrentPassword;
import io.dialtone.identity.control.WrongTotpCode;
import io.dialtone.incontainer.SeededUsers.Seeded;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Role;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user's own credentials in Payara Micro on MariaDB (SECURITY.md A5, A8, A9, B3, B5, C5, C6):
 * step-up by password or TOTP and its 5-minute window, new recovery codes, a new authenticator, the
 * e-mail change request, and the 90-day inactivity sweep.
 */
@ExtendWith(ArquillianExtension.class)
public class CredentialsIT {

  private static final String IP = "192.0.2.77";

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("identity");
  }

  @Inject StepUp stepUp;
  @Inject OwnSecondFactor secondFactor;
  @Inject EmailChanges emailChanges;
  @Inject PasswordChanges passwordChanges;
  @Inject InactivitySweep sweep;
  @Inject SignIn signIn;
  @Inject TotpCodes totp;
  @Inject AuditQuery audit;
  @Inject SeededUsers users;
  @Inject CredentialFixtures fixtures;
  @Inject Clock clock;

  @Test
  void aWrongPasswordIsRefusedCountedAndAuditedTheRightOneCounts() {
    Seeded user = users.customerAdmin();
    fixtures.signIn(user.id());
    assertThat(stepUp.isRecent()).isFalse();
    assertThatThrownBy(stepUp::requireRecent).isInstanceOf(StepUpRequired.class);

    assertThat(stepUp.withPassword((user.password() + "x").toCharArray(), IP))
        .isEqualTo(StepUpResult.WRONG);
    assertThat(stepUp.isRecent()).isFalse();
    assertThat(fixtures.failedAttempts(user.id())).isEqualTo(1);

    assertThat(stepUp.withPassword(user.password().toCharArray(), IP))
        .isEqualTo(StepUpResult.CONFIRMED);
    assertThat(stepUp.isRecent()).isTrue();
    assertThat(stepUpRows(user))
        .extracting(AuditEntry::getResult)
        .containsExactly(AuditResult.SUCCESS, AuditResult.FAILURE);
    assertThat(stepUpRows(user))
        .extracting(AuditEntry::getDetail)
        .noneMatch(detail -> detail.contains(user.password()));
  }

  @Test
  void aWrongCurrentPasswordOnAChangeIsRefusedAndStaysCounted() {
    Seeded user = users.customerAdmin();
    fixtures.signIn(user.id());

    assertThatThrownBy(
            () ->
                passwordChanges.change(
                    (user.password() + "x").toCharArray(), "a-new-password-4711", IP))
        .isInstanceOf(WrongCurrentPassword.class)
        .extracting(e -> ((WrongCurrentPassword) e).messageKey())
        .isEqualTo("profile_password.wrongCurrent");
    assertThat(fixtures.failedAttempts(user.id()))
        .as("the refusal must not roll the count back (A5)")
        .isEqualTo(1);
  }

  @Test
  void aTotpCodeStepsUpOnceAndItsReplayIsRefused() {
    Seeded user = users.customerAdmin();
    fixtures.signIn(user.id());
    String code = totp.codeAt(user.totpSecret(), TotpCodes.stepAt(clock.instant()));

    assertThat(stepUp.withTotpCode(code, IP)).isEqualTo(StepUpResult.CONFIRMED);
    stepUp.forget();
    assertThat(stepUp.withTotpCode(code, IP)).isEqualTo(StepUpResult.CODE_ALREADY_USED);

    assertThat(stepUp.isRecent()).isFalse();
    assertThat(fixtures.failedAttempts(user.id())).isEqualTo(1);
    assertThat(signIn.verifyTotp(user.id(), code, IP).outcome())
        .as("the step-up used the time step: sign-in cannot reuse it")
        .isEqualTo(SignInOutcome.CODE_ALREADY_USED);
  }

  @Test
  void aStepUpCountsFiveMinutesForItsOwnSignInOnly() {
    Seeded user = users.customerAdmin();
    fixtures.signIn(user.id());
    Instant now = clock.instant();

    fixtures.plantStepUp(now.minus(Duration.ofMinutes(4)).minusSeconds(50));
    assertThat(stepUp.isRecent()).isTrue();

    fixtures.plantStepUp(now.minus(Duration.ofMinutes(5)).minusSeconds(1));
    assertThat(stepUp.isRecent()).isFalse();
    assertThatThrownBy(() -> secondFactor.regenerateRecoveryCodes(IP))
        .isInstanceOf(StepUpRequired.class);

    fixtures.plantStepUp(now);
    fixtures.signIn(user.id()); // a new sign-in in the same HTTP session
    assertThat(stepUp.isRecent()).isFalse();
  }

  @Test
  void tenWrongStepUpsLockTheUserAndEndTheirSessions() {
    Seeded user = users.customerAdmin();
    fixtures.signIn(user.id());
    long epoch = fixtures.sessionEpoch(user.id());

    for (int i = 1; i < 10; i++) {
      assertThat(stepUp.withPassword("wrong-password-123".toCharArray(), IP))
          .isEqualTo(StepUpResult.WRONG);
    }
    assertThat(fixtures.sessionEpoch(user.id())).isEqualTo(epoch);
    assertThat(stepUp.withPassword("wrong-password-123".toCharArray(), IP))
        .isEqualTo(StepUpResult.WRONG);

    assertThat(fixtures.sessionEpoch(user.id())).isEqualTo(epoch + 1);
    assertThat(stepUp.withPassword(user.password().toCharArray(), IP))
        .isEqualTo(StepUpResult.LOCKED);
    assertThat(stepUp.isRecent()).isFalse();
  }

  @Test
  void newRecoveryCodesVoidTheOldOnes() throws Exception {
    Seeded user = users.customerAdmin();
    fixtures.signIn(user.id());
    assertThatThrownBy(() -> secondFactor.regenerateRecoveryCodes(IP))
        .isInstanceOf(StepUpRequired.class);
    stepUp.withPassword(user.password().toCharArray(), IP);

    List<String> codes = secondFactor.regenerateRecoveryCodes(IP);

    assertThat(codes).hasSize(10).doesNotContainAnyElementsOf(user.recoveryCodes());
    assertThat(fixtures.recoveryCodes(user.id())).isEqualTo(10);
    assertThat(signIn.useRecoveryCode(user.id(), user.recoveryCodes().getFirst(), IP).outcome())
        .isEqualTo(SignInOutcome.FAILED);
    assertThat(signIn.useRecoveryCode(user.id(), codes.getFirst(), IP).outcome())
        .isEqualTo(SignInOutcome.SIGNED_IN);
    assertThat(signIn.useRecoveryCode(user.id(), codes.getFirst(), IP).outcome())
        .isEqualTo(SignInOutcome.FAILED);
    assertThat(actions(user)).contains(AuditAction.RECOVERY_CODES_REGENERATED);
  }

  @Test
  void aNewAuthenticatorReplacesTheOldAfterItsFirstCode() throws Exception {
    Seeded user = users.customerAdmin();
    SignedInUser before = fixtures.signIn(user.id());
    stepUp.withPassword(user.password().toCharArray(), IP);
    String oldCiphertext = fixtures.totpSecretCiphertext(user.id());
    NewAuthenticator fresh = secondFactor.newAuthenticator();
    assertThat(fresh.qrDataUri()).startsWith("data:image/png;base64,");
    assertThat(fixtures.totpSecretCiphertext(user.id())).isEqualTo(oldCiphertext);

    long step = TotpCodes.stepAt(clock.instant());
    assertThatThrownBy(
            () ->
                secondFactor.confirmAuthenticator(
                    fresh.secret(), totp.codeAt(user.totpSecret(), step), IP))
        .as("a code of the OLD app does not confirm the new one")
        .isInstanceOf(WrongTotpCode.class);
    assertThat(fixtures.totpSecretCiphertext(user.id())).isEqualTo(oldCiphertext);

    ReEnrolment done =
        secondFactor.confirmAuthenticator(fresh.secret(), totp.codeAt(fresh.secret(), step), IP);

    assertThat(fixtures.totpSecretCiphertext(user.id()))
        .isNotEqualTo(oldCiphertext)
        .doesNotContain(fresh.secret());
    assertThat(done.updated().sessionEpoch()).isEqualTo(before.sessionEpoch() + 1);
    assertThat(fixtures.sessionEpoch(user.id())).isEqualTo(before.sessionEpoch() + 1);
    assertThat(done.recoveryCodes()).hasSize(10);
    assertThat(signIn.verifyTotp(user.id(), totp.codeAt(user.totpSecret(), step), IP).outcome())
        .as("the old app's code")
        .isEqualTo(SignInOutcome.FAILED);
    assertThat(signIn.verifyTotp(user.id(), totp.codeAt(fresh.secret(), step), IP).outcome())
        .as("the confirming code's step is used")
        .isEqualTo(SignInOutcome.CODE_ALREADY_USED);
    assertThat(signIn.useRecoveryCode(user.id(), user.recoveryCodes().get(2), IP).outcome())
        .isEqualTo(SignInOutcome.FAILED);
    assertThat(signIn.useRecoveryCode(user.id(), done.recoveryCodes().get(2), IP).outcome())
        .isEqualTo(SignInOutcome.SIGNED_IN);
    assertThat(actions(user)).contains(AuditAction.MFA_CHANGED);
  }

  @Test
  void anEmailChangeMakesALinkForAFreeAddressOnlyAndAnswersAlikeForATakenOne() throws Exception {
    Seeded user = users.customerAdmin();
    Seeded other = users.customerAdmin();
    fixtures.signIn(user.id());
    String free = users.unknownEmail();
    assertThatThrownBy(() -> emailChanges.request(free, IP)).isInstanceOf(StepUpRequired.class);
    stepUp.withPassword(user.password().toCharArray(), IP);

    assertThatThrownBy(() -> emailChanges.request("not an address", IP))
        .isInstanceOf(EmailChangeRefused.class);
    assertThatThrownBy(() -> emailChanges.request(user.email().toUpperCase(), IP))
        .isInstanceOf(EmailChangeRefused.class);
    emailChanges.request(other.email(), IP); // no exception: the same answer as a free address
    assertThat(fixtures.openEmailChangePayloads(user.id())).isEmpty();

    emailChanges.request(free.toUpperCase(), IP);

    assertThat(fixtures.openEmailChangePayloads(user.id())).containsExactly(free);
    assertThat(fixtures.email(user.id())).isEqualTo(user.email());
    assertThat(stepUpRows(user)).hasSize(1);
    assertThat(audit.recentForActor(user.actor(), AuditQuery.MAX_RESULTS))
        .filteredOn(e -> e.getAction() == AuditAction.EMAIL_CHANGE_REQUESTED)
        .extracting(AuditEntry::getResult)
        .containsExactly(AuditResult.SUCCESS, AuditResult.FAILURE);
    assertThat(emailChanges.isUsable("not-a-token")).isFalse();
  }

  @Test
  void theSweepDisablesUsersInactiveOver90DaysButNeverTheLastPlatformAdministrator() {
    Instant now = clock.instant();
    fixtures.retireAdministrators();
    long stale = fixtures.activeUser(Role.CUSTOMER_USER);
    fixtures.activity(stale, days(now, 400), days(now, 91));
    long recent = fixtures.activeUser(Role.CUSTOMER_USER);
    fixtures.activity(recent, days(now, 400), days(now, 89));
    long neverSignedIn = fixtures.activeUser(Role.CUSTOMER_ADMIN);
    fixtures.activity(neverSignedIn, days(now, 91), null);
    long invitee = fixtures.pendingInvitee(days(now, 100));
    long oldAdmin = fixtures.activeUser(Role.PLATFORM_ADMIN);
    fixtures.activity(oldAdmin, days(now, 500), days(now, 120));
    long lastAdmin = fixtures.activeUser(Role.PLATFORM_ADMIN);
    fixtures.activity(lastAdmin, days(now, 500), days(now, 95));
    long staleEpoch = fixtures.sessionEpoch(stale);
    long recentEpoch = fixtures.sessionEpoch(recent);

    InactivitySweep.Result first = sweep.sweep(now);

    assertThat(first.disabled()).containsExactlyInAnyOrder(stale, neverSignedIn, oldAdmin);
    assertThat(first.keptAsLastAdministrator()).containsExactly(lastAdmin);
    assertThat(fixtures.status(stale)).isEqualTo("DISABLED");
    assertThat(fixtures.sessionEpoch(stale)).isEqualTo(staleEpoch + 1);
    assertThat(fixtures.status(recent)).isEqualTo("ACTIVE");
    assertThat(fixtures.sessionEpoch(recent)).isEqualTo(recentEpoch);
    assertThat(fixtures.status(invitee)).isEqualTo("PENDING");
    assertThat(fixtures.status(lastAdmin)).isEqualTo("ACTIVE");
    assertThat(fixtures.auditRowsAbout("user:" + stale))
        .containsExactly("USER_DISABLED_INACTIVE SUCCESS system");
    assertThat(fixtures.auditRowsAbout("user:" + neverSignedIn))
        .containsExactly("USER_DISABLED_INACTIVE SUCCESS system");
    assertThat(fixtures.auditRowsAbout("user:" + lastAdmin))
        .containsExactly("USER_DISABLED_INACTIVE DENIED system");
    assertThat(fixtures.auditRowsAbout("user:" + recent)).isEmpty();

    InactivitySweep.Result twoDaysLater = sweep.sweep(now.plus(Duration.ofDays(2)));

    assertThat(twoDaysLater.disabled()).containsExactly(recent);
    assertThat(twoDaysLater.keptAsLastAdministrator()).containsExactly(lastAdmin);
    assertThat(fixtures.sessionEpoch(recent)).isEqualTo(recentEpoch + 1);
    assertThat(fixtures.status(invitee)).isEqualTo("PENDING");
    assertThat(fixtures.status(lastAdmin)).isEqualTo("ACTIVE");
  }

  private static Instant days(Instant now, long ago) {
    return now.minus(Duration.ofDays(ago));
  }

  private List<AuditEntry> stepUpRows(Seeded user) {
    return audit.recentForActor(user.actor(), AuditQuery.MAX_RESULTS).stream()
        .filter(e -> e.getAction() == AuditAction.STEP_UP)
        .toList();
  }

  private List<AuditAction> actions(Seeded user) {
    return audit.recentForActor(user.actor(), AuditQuery.MAX_RESULTS).stream()
        .map(AuditEntry::getAction)
        .toList();
  }
}
