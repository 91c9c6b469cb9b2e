package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.callpolicy.control.ClassOfService;
import io.dialtone.extension.control.ExtensionImport;
import io.dialtone.extension.control.ExtensionRefused;
import io.dialtone.extension.control.ExtensionSettings;
import io.dialtone.extension.control.Extensions;
import io.dialtone.extension.control.ImportError;
import io.dialtone.extension.control.ImportJob;
import io.dialtone.extension.control.ImportJobs;
import io.dialtone.extension.control.ImportResult;
import io.dialtone.extension.control.NewSipSecret;
import io.dialtone.extension.control.PinCheck;
import io.dialtone.extension.control.PinViolation;
import io.dialtone.extension.control.SipCredentials;
import io.dialtone.extension.control.VoicemailPins;
import io.dialtone.identity.control.StepUpRequired;
import io.dialtone.incontainer.SeededAccounts.Tenants;
import io.dialtone.incontainer.SeededUsers.Seeded;
import io.dialtone.kernel.entity.ExtensionType;
import io.dialtone.kernel.entity.Role;
import io.dialtone.platform.control.AccessDenied;
import io.dialtone.sip.control.SipCredential;
import io.dialtone.sip.control.SipDigest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Extensions in Payara Micro on MariaDB (SECURITY.md D6, A5, F2, F4): SIP credentials are stored as
 * encrypted HA1 values only (columns read directly: neither the secret nor a plain HA1 anywhere in
 * the database); regeneration needs a step-up and voids the old HA1; PIN lockout across calls; the
 * voicemail system's check by account and mailbox (unknown mailboxes answer like wrong PINs, lock
 * included) and its per-source limit; the background import with its progress and one-time secrets;
 * another tenant's ids refused with nothing changed; an impersonating agent never gets a secret.
 */
@ExtendWith(ArquillianExtension.class)
public class ExtensionsIT {

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("extension")
        .addAsResource("io/dialtone/extension/control/common-pins.txt")
        .addAsLibraries(
            Maven.resolver()
                .loadPomFromFile("pom.xml")
                .resolve("com.googlecode.libphonenumber:libphonenumber")
                .withTransitivity()
                .asFile());
  }

  @Inject Extensions extensions;
  @Inject ExtensionSettings settings;
  @Inject VoicemailPins pins;
  @Inject SipCredentials credentials;
  @Inject SeededAccounts accounts;
  @Inject SeededUsers users;
  @Inject ExtensionRows rows;
  @Inject ExtensionImport importer;
  @Inject ImportJobs importJobs;

  @Test
  void aFileWithOneBrokenLineImportsNothingAndReportsTheLine() {
    Tenants t = accounts.tenants();
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    ImportResult result = importer.importCsv(t.a1(), "number,name,type\n201,A,user\n911,B,user\n");
    assertThat(result.imported()).isFalse();
    assertThat(result.errors())
        .containsExactly(new ImportError(3, "extensions.refused.EMERGENCY_NUMBER"));
    assertThat(rows.extensionRows(t.a1())).isZero();
  }

  @Test
  void tenThousandExtensionsImportInOneTransactionWithTheirSecretsOnce() throws Exception {
    Tenants t = accounts.tenants();
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    extensions.create(t.a1(), "10", "Existing", ExtensionType.USER, null);
    String csv =
        IntStream.range(100_000, 110_000)
            .mapToObj(n -> n + ",Phone " + n + "," + (n % 2 == 0 ? "user" : "common-area"))
            .collect(Collectors.joining("\n"));
    assertThat(importer.importCsv(t.a1(), "11,Free,user\n10,Taken,user\n").errors())
        .containsExactly(new ImportError(2, "extensions.refused.NUMBER_TAKEN"));
    assertThat(importer.importCsv(t.a1(), csv.replace("100005,", "10,")).errors())
        .containsExactly(new ImportError(6, "extensions.refused.NUMBER_TAKEN"));
    assertThat(rows.extensionRows(t.a1())).isEqualTo(1);

    // The bound is relative, so a busy machine slows both sides alike: a tenth of the lines in
    // another account first, then ten times as many may take at most 30 times as long (linear
    // work takes about 10 times, a per-line query over the growing table 100 times).
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a2());
    String tenth =
        IntStream.range(200_000, 201_000)
            .mapToObj(n -> n + ",Phone " + n + ",user")
            .collect(Collectors.joining("\n"));
    long tenthStart = System.nanoTime();
    assertThat(importer.importCsv(t.a2(), tenth).created()).hasSize(1_000);
    Duration tenthTook = Duration.ofNanos(System.nanoTime() - tenthStart);
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());

    long start = System.nanoTime();
    ImportResult result = importer.importCsv(t.a1(), csv);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(result.imported()).isTrue();
    assertThat(result.created()).hasSize(10_000);
    assertThat(took).isLessThan(tenthTook.multipliedBy(30));
    assertThat(rows.extensionRows(t.a1())).isEqualTo(10_001);
    assertThat(rows.classOfService(t.a1(), "100000")).isEqualTo("INTERNATIONAL");
    assertThat(rows.classOfService(t.a1(), "100001")).isEqualTo("INTERNAL_ONLY");
    NewSipSecret last = result.created().get(9_999);
    assertThat(last.number()).isEqualTo("109999");
    SipCredential stored = credential(last.realm(), "109999").orElseThrow();
    assertThat(credentials.ha1(stored, SipDigest.SHA_256))
        .isEqualTo(SipDigest.SHA_256.ha1("109999", last.realm(), last.secret()));
    assertThat(result.created().stream().map(NewSipSecret::secret).distinct()).hasSize(10_000);
    assertThat(rows.columnsHolding(last.secret())).isEmpty();
    System.out.println(
        "Imported 10,000 extensions in "
            + took.toMillis()
            + " ms, 1,000 in "
            + tenthTook.toMillis()
            + " ms");
  }

  @Test
  void theSecretIsGeneratedAndOnlyItsEncryptedHa1ValuesAreStored() throws Exception {
    Tenants t = accounts.tenants();
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    NewSipSecret created = extensions.create(t.a1(), "201", "Reception", ExtensionType.USER, null);

    assertThat(created.secret()).hasSizeGreaterThanOrEqualTo(22).matches("[A-Za-z0-9_-]+");
    assertThat(created.realm()).matches("c-[0-9]{6}\\.sip\\.dialtone\\.invalid");
    assertThat(created.sipUser()).isEqualTo("201");
    String sha = SipDigest.SHA_256.ha1("201", created.realm(), created.secret());
    String md5 = SipDigest.MD5.ha1("201", created.realm(), created.secret());
    String row = rows.row(created.extensionId());
    assertThat(row).doesNotContain(created.secret(), sha, md5).contains("|v1:");
    for (String plain : List.of(created.secret(), sha, md5)) {
      assertThat(rows.columnsHolding(plain)).as("columns holding a plain value").isEmpty();
    }

    SipCredential found = credential(created.realm().toUpperCase(), "201").orElseThrow();
    assertThat(found.usable()).isTrue();
    assertThat(found.maxRegistrations()).isEqualTo(1);
    assertThat(credentials.ha1(found, SipDigest.SHA_256)).isEqualTo(sha);
    assertThat(credentials.ha1(found, SipDigest.MD5)).isEqualTo(md5);
    assertThat(credential(created.realm(), "202")).isEmpty();
    assertThat(rows.auditRows("EXTENSION_CREATED", created.extensionId())).isEqualTo(1);
    assertThat(rows.columnsHolding(created.secret())).isEmpty();

    NewSipSecret second = extensions.create(t.a1(), "202", "Second", ExtensionType.USER, null);
    assertThat(second.secret()).isNotEqualTo(created.secret());
  }

  @Test
  void regenerationNeedsAStepUpAndVoidsTheOldHa1() throws Exception {
    Tenants t = accounts.tenants();
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    NewSipSecret old = extensions.create(t.a1(), "301", "Desk", ExtensionType.USER, null);
    String before = rows.row(old.extensionId());
    assertThatThrownBy(() -> extensions.regenerateSecret(old.extensionId()))
        .isInstanceOf(StepUpRequired.class);
    assertThat(rows.row(old.extensionId())).isEqualTo(before);

    rows.stepUp();
    NewSipSecret fresh = extensions.regenerateSecret(old.extensionId());
    assertThat(fresh.secret()).isNotEqualTo(old.secret());
    SipCredential now = credential(old.realm(), "301").orElseThrow();
    String oldSha = SipDigest.SHA_256.ha1("301", old.realm(), old.secret());
    String oldMd5 = SipDigest.MD5.ha1("301", old.realm(), old.secret());
    assertThat(credentials.ha1(now, SipDigest.SHA_256))
        .isNotEqualTo(oldSha)
        .isEqualTo(SipDigest.SHA_256.ha1("301", old.realm(), fresh.secret()));
    assertThat(credentials.ha1(now, SipDigest.MD5)).isNotEqualTo(oldMd5);
    assertThat(rows.auditRows("SIP_SECRET_REGENERATED", old.extensionId())).isEqualTo(1);
    assertThat(rows.columnsHolding(fresh.secret())).isEmpty();
  }

  @Test
  void disablingAndDeletingStopTheCredentialAndDeleteFreesTheNumber() throws Exception {
    Tenants t = accounts.tenants();
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    NewSipSecret ext = extensions.create(t.a1(), "401", "Lobby", ExtensionType.COMMON_AREA, null);
    assertThat(rows.classOfService(t.a1(), "401")).isEqualTo("INTERNAL_ONLY");
    assertThat(extensions.disable(ext.extensionId())).isTrue();
    assertThat(credential(ext.realm(), "401").orElseThrow().usable()).isFalse();
    assertThat(extensions.enable(ext.extensionId())).isTrue();
    assertThat(credential(ext.realm(), "401").orElseThrow().usable()).isTrue();

    assertThatThrownBy(() -> extensions.create(t.a1(), "401", "Again", ExtensionType.USER, null))
        .isInstanceOfSatisfying(
            ExtensionRefused.class, e -> assertThat(e.reason().name()).isEqualTo("NUMBER_TAKEN"));
    extensions.delete(ext.extensionId());
    assertThat(credential(ext.realm(), "401")).isEmpty();
    assertThat(rows.row(ext.extensionId())).contains("DELETED").doesNotContain("v1:");
    assertThat(rows.classOfService(t.a1(), "401")).isNull();
    NewSipSecret reused = extensions.create(t.a1(), "401", "Again", ExtensionType.USER, null);
    assertThat(rows.classOfService(t.a1(), "401")).isEqualTo("INTERNATIONAL");
    assertThat(rows.extensionRows(t.a1())).isEqualTo(2);
    assertThat(reused.extensionId()).isNotEqualTo(ext.extensionId());

    assertThatThrownBy(() -> extensions.create(t.a1(), "911", "No", ExtensionType.USER, null))
        .isInstanceOf(ExtensionRefused.class);
  }

  @Test
  void settingsCheckTheContinuityDestinationLikeADialledNumber() throws Exception {
    Tenants t = accounts.tenants();
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    NewSipSecret ext = extensions.create(t.a1(), "501", "Sales", ExtensionType.USER, null);
    assertThatThrownBy(
            () ->
                settings.save(ext.extensionId(), 3, ClassOfService.INTERNATIONAL, "+442079460000"))
        .isInstanceOfSatisfying(
            ExtensionRefused.class,
            e ->
                assertThat(e.detailKey())
                    .startsWith("extensions.rule.")
                    .doesNotEndWith("NO_RULE_AGAINST"));
    assertThatThrownBy(() -> settings.save(ext.extensionId(), 6, null, null))
        .isInstanceOf(ExtensionRefused.class);
    String before = rows.row(ext.extensionId());
    assertThatThrownBy(
            () ->
                settings.saveAll(
                    ext.extensionId(), "Renamed", null, 2, ClassOfService.LOCAL, "+442079460000"))
        .isInstanceOf(ExtensionRefused.class);
    assertThat(rows.row(ext.extensionId())).as("all or nothing").isEqualTo(before);
    assertThatThrownBy(() -> settings.save(ext.extensionId(), 3, ClassOfService.LOCAL, "502"))
        .as("an extension that does not exist")
        .isInstanceOfSatisfying(
            ExtensionRefused.class,
            e -> assertThat(e.detailKey()).isEqualTo("extensions.rule.NO_SUCH_EXTENSION"));
    extensions.create(t.a1(), "502", "Reception", ExtensionType.USER, null);
    settings.save(ext.extensionId(), 3, ClassOfService.LOCAL, "502");
    assertThat(rows.row(ext.extensionId())).contains("|3|502|");
    assertThat(rows.classOfService(t.a1(), "501")).isEqualTo("LOCAL");
    assertThat(credential(ext.realm(), "501").orElseThrow().maxRegistrations()).isEqualTo(3);
  }

  @Test
  void fiveWrongPinsInARowAcrossCallsLockTheMailboxForThirtyMinutes() throws Exception {
    Tenants t = accounts.tenants();
    Seeded member = users.user(Role.CUSTOMER_USER, t.a1());
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    NewSipSecret ext = extensions.create(t.a1(), "601", "Mine", ExtensionType.USER, member.id());
    String temporary = pins.reset(ext.extensionId());
    assertThat(temporary).matches("[0-9]{8}");
    assertThat(rows.columnsHolding(temporary)).isEmpty();
    assertThat(pins.verifyPin(ext.extensionId(), temporary))
        .isEqualTo(PinCheck.ACCEPTED_MUST_CHANGE);

    rows.signInAs(member.id(), Role.CUSTOMER_USER, t.a1());
    assertThat(pins.setOwn(ext.extensionId(), "123456")).contains(PinViolation.SEQUENCE);
    assertThat(pins.setOwn(ext.extensionId(), "601601")).contains(PinViolation.EXTENSION);
    assertThat(pins.setOwn(ext.extensionId(), temporary)).contains(PinViolation.RECENTLY_USED);
    assertThat(pins.setOwn(ext.extensionId(), "480271")).isEmpty();
    assertThat(rows.columnsHolding("480271")).isEmpty();

    Instant at = Instant.now();
    for (int i = 0; i < 4; i++) {
      assertThat(pins.verifyPin(ext.extensionId(), "000001", at)).isEqualTo(PinCheck.WRONG);
    }
    assertThat(pins.verifyPin(ext.extensionId(), "480271", at)).isEqualTo(PinCheck.ACCEPTED);
    for (int i = 0; i < 4; i++) {
      assertThat(pins.verifyPin(ext.extensionId(), "000001", at)).isEqualTo(PinCheck.WRONG);
    }
    assertThat(pins.verifyPin(ext.extensionId(), "000002", at)).isEqualTo(PinCheck.LOCKED);
    assertThat(rows.auditRows("VOICEMAIL_PIN_LOCKED", ext.extensionId())).isEqualTo(1);
    assertThat(pins.verifyPin(ext.extensionId(), "480271", at.plus(Duration.ofMinutes(29))))
        .isEqualTo(PinCheck.LOCKED);
    assertThat(pins.verifyPin(ext.extensionId(), "480271", at.plus(Duration.ofMinutes(31))))
        .isEqualTo(PinCheck.ACCEPTED);
    assertThat(pins.verifyPin(-1L, "480271")).isEqualTo(PinCheck.WRONG);
  }

  @Test
  void theVoicemailSystemChecksByAccountAndMailboxAndUnknownMailboxesAnswerAsWrongPins()
      throws Exception {
    Tenants t = accounts.tenants();
    Seeded member = users.user(Role.CUSTOMER_USER, t.a1());
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.b1());
    NewSipSecret foreign = extensions.create(t.b1(), "612", "Foreign", ExtensionType.USER, null);
    String foreignPin = pins.reset(foreign.extensionId());
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    NewSipSecret ext = extensions.create(t.a1(), "611", "Mine", ExtensionType.USER, member.id());
    NewSipSecret off = extensions.create(t.a1(), "613", "Off", ExtensionType.USER, null);
    String offPin = pins.reset(off.extensionId());
    extensions.disable(off.extensionId());
    extensions.create(t.a1(), "614", "No PIN", ExtensionType.USER, null);
    pins.reset(ext.extensionId());
    rows.signInAs(member.id(), Role.CUSTOMER_USER, t.a1());
    assertThat(pins.setOwn(ext.extensionId(), "480271")).isEmpty();

    Instant at = Instant.now();
    assertThat(pins.verifyPin(t.a1(), "611", "480271", "src-a", at)).isEqualTo(PinCheck.ACCEPTED);
    assertThat(pins.verifyPin(t.a1(), " 611 ", "480271", "src-a", at)).isEqualTo(PinCheck.ACCEPTED);
    assertThat(pins.verifyPin(t.b1(), "612", foreignPin, "src-a", at))
        .isEqualTo(PinCheck.ACCEPTED_MUST_CHANGE);
    // Another account's mailbox, a disabled one, one without a PIN, a malformed number: all WRONG.
    assertThat(pins.verifyPin(t.a1(), "612", foreignPin, "src-b", at)).isEqualTo(PinCheck.WRONG);
    assertThat(pins.verifyPin(t.a1(), "613", offPin, "src-b", at)).isEqualTo(PinCheck.WRONG);
    assertThat(pins.verifyPin(t.a1(), "614", "480271", "src-b", at)).isEqualTo(PinCheck.WRONG);
    assertThat(pins.verifyPin(t.a1(), "6x1", "480271", "src-b", at)).isEqualTo(PinCheck.WRONG);
    assertThat(pins.verifyPin(-5L, "611", "480271", "src-b", at)).isEqualTo(PinCheck.WRONG);

    // A real mailbox and an unknown one answer the same sequence: 4 WRONG, then LOCKED.
    for (String mailbox : List.of("611", "699")) {
      List<PinCheck> answers =
          IntStream.range(0, 6)
              .mapToObj(i -> pins.verifyPin(t.a1(), mailbox, "000001", "src-" + mailbox, at))
              .toList();
      assertThat(answers)
          .as("mailbox " + mailbox)
          .containsExactly(
              PinCheck.WRONG,
              PinCheck.WRONG,
              PinCheck.WRONG,
              PinCheck.WRONG,
              PinCheck.LOCKED,
              PinCheck.LOCKED);
      assertThat(pins.verifyPin(t.a1(), mailbox, "480271", "src-c", at.plusSeconds(60)))
          .isEqualTo(PinCheck.LOCKED);
    }
    assertThat(rows.auditRows("VOICEMAIL_PIN_LOCKED", ext.extensionId())).isEqualTo(1);
    assertThat(
            rows.auditRowsMentioning("VOICEMAIL_PIN_LOCKED", "account:" + t.a1() + " mailbox 699"))
        .isEqualTo(1);
    Instant later = at.plus(Duration.ofMinutes(31));
    assertThat(pins.verifyPin(t.a1(), "611", "480271", "src-c", later))
        .isEqualTo(PinCheck.ACCEPTED);
    assertThat(pins.verifyPin(t.a1(), "699", "480271", "src-c", later)).isEqualTo(PinCheck.WRONG);
    assertThat(rows.columnsHolding("480271")).isEmpty();
  }

  @Test
  void aSourceSprayingPinsAcrossMailboxesIsRefusedForAWhileAndAudited() throws Exception {
    Tenants t = accounts.tenants();
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    NewSipSecret ext = extensions.create(t.a1(), "621", "Target", ExtensionType.USER, null);
    String pin = pins.reset(ext.extensionId());
    String sprayer = "sip:203.0.113.77:5060 " + System.nanoTime();
    Instant at = Instant.now();
    for (int i = 0; i < 19; i++) {
      assertThat(pins.verifyPin(t.a1(), String.valueOf(700 + i), "000001", sprayer, at))
          .isEqualTo(PinCheck.WRONG);
    }
    assertThat(pins.verifyPin(t.a1(), "621", "000001", sprayer, at)).isEqualTo(PinCheck.WRONG);
    assertThat(rows.auditRowsMentioning("VOICEMAIL_PIN_SOURCE_REFUSED", sprayer)).isEqualTo(1);

    assertThat(pins.verifyPin(t.a1(), "621", pin, sprayer, at.plusSeconds(1)))
        .as("refused even with the right PIN")
        .isEqualTo(PinCheck.SOURCE_REFUSED);
    assertThat(pins.verifyPin(t.a1(), "799", "000001", sprayer, at.plusSeconds(2)))
        .isEqualTo(PinCheck.SOURCE_REFUSED);
    assertThat(pins.verifyPin(t.a1(), "621", pin, "+15145550100", at.plusSeconds(3)))
        .as("another source, and the mailbox is not locked by the refused checks")
        .isEqualTo(PinCheck.ACCEPTED_MUST_CHANGE);
    assertThat(pins.verifyPin(t.a1(), "621", pin, sprayer, at.plus(Duration.ofMinutes(14))))
        .isEqualTo(PinCheck.SOURCE_REFUSED);
    assertThat(pins.verifyPin(t.a1(), "621", pin, sprayer, at.plus(Duration.ofMinutes(15))))
        .isEqualTo(PinCheck.ACCEPTED_MUST_CHANGE);
    assertThat(rows.auditRowsMentioning("VOICEMAIL_PIN_SOURCE_REFUSED", sprayer)).isEqualTo(1);
  }

  @Test
  void aBackgroundImportShowsProgressAndHandsTheSecretsOutOnce() throws Exception {
    Tenants t = accounts.tenants();
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    String csv =
        IntStream.range(20_000, 22_000)
            .mapToObj(n -> n + ",Phone " + n + ",user")
            .collect(Collectors.joining("\n"));
    ImportJob refused = finished(importJobs.start(t.a1(), csv + "\n911,Oops,user").orElseThrow());
    assertThat(refused.phase()).isEqualTo(ImportJob.Phase.REFUSED);
    assertThat(refused.errors())
        .containsExactly(new ImportError(2001, "extensions.refused.EMERGENCY_NUMBER"));
    assertThat(refused.checkPercent()).isEqualTo(100);
    assertThat(refused.importPercent()).isZero();
    assertThat(rows.extensionRows(t.a1())).isZero();

    ImportJob job = finished(importJobs.start(t.a1(), csv).orElseThrow());
    assertThat(job.phase()).isEqualTo(ImportJob.Phase.DONE);
    assertThat(job.checked()).isEqualTo(job.lines()).isEqualTo(2000);
    assertThat(job.stored()).isEqualTo(job.rows()).isEqualTo(2000);
    assertThat(job.importPercent()).isEqualTo(100);
    assertThat(rows.extensionRows(t.a1())).isEqualTo(2000);
    List<NewSipSecret> secrets = importJobs.takeSecrets(job.id()).orElseThrow();
    assertThat(secrets).hasSize(2000);
    assertThat(importJobs.takeSecrets(job.id())).as("once").isEmpty();
    SipCredential stored = credential(secrets.get(5).realm(), "20005").orElseThrow();
    assertThat(credentials.ha1(stored, SipDigest.SHA_256))
        .isEqualTo(SipDigest.SHA_256.ha1("20005", secrets.get(5).realm(), secrets.get(5).secret()));

    ImportJob again = finished(importJobs.start(t.a1(), "20001,Again,user").orElseThrow());
    assertThat(again.errors())
        .containsExactly(new ImportError(1, "extensions.refused.NUMBER_TAKEN"));
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    assertThat(importJobs.job(job.id())).as("only its owner sees a job").isEmpty();
    assertThatThrownBy(() -> importJobs.start(t.b1(), csv)).isInstanceOf(AccessDenied.class);
    rows.impersonate(t.a1());
    assertThatThrownBy(() -> importJobs.start(t.a1(), csv)).isInstanceOf(AccessDenied.class);
  }

  /** The stored credential as the registrar looks it up: the realm as a phone sent it. */
  private java.util.Optional<SipCredential> credential(String realm, String user) {
    return credentials.find(
        io.dialtone.kernel.entity.SipDomain.parse(realm).orElseThrow(),
        new io.dialtone.kernel.entity.ExtensionNumber(user));
  }

  private static ImportJob finished(ImportJob job) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (job.running() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(job.running()).as("finished within 3 minutes").isFalse();
    return job;
  }

  @Test
  void anotherTenantsExtensionIdsAreRefusedAndNothingChanges() throws Exception {
    Tenants t = accounts.tenants();
    Seeded member = users.user(Role.CUSTOMER_USER, t.b1());
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.b1());
    NewSipSecret victim =
        extensions.create(t.b1(), "701", "Victim", ExtensionType.USER, member.id());
    long id = victim.extensionId();
    String before = rows.row(id);

    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    rows.stepUp();
    List<ThrowingCallable> attempts =
        List.of(
            () -> extensions.list(t.b1()),
            () -> extensions.get(id),
            () -> extensions.assignableUsers(t.b1()),
            () -> extensions.create(t.b1(), "702", "Intruder", ExtensionType.USER, null),
            () -> extensions.edit(id, "Renamed", null),
            () -> extensions.disable(id),
            () -> extensions.enable(id),
            () -> extensions.delete(id),
            () -> extensions.regenerateSecret(id),
            () -> settings.classOfService(id),
            () -> settings.save(id, 2, ClassOfService.LOCAL, null),
            () -> pins.reset(id),
            () -> pins.setOwn(id, "480271"),
            () -> extensions.create(t.a(), "703", "Reseller", ExtensionType.USER, null));
    for (ThrowingCallable attempt : attempts) {
      assertThatThrownBy(attempt).isInstanceOf(AccessDenied.class);
    }
    assertThatThrownBy(
            () -> extensions.create(t.a1(), "704", "Foreign user", ExtensionType.USER, member.id()))
        .isInstanceOf(ExtensionRefused.class);

    accounts.signInAs(Role.CUSTOMER_USER, t.b1());
    assertThatThrownBy(() -> extensions.list(t.b1())).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> pins.setOwn(id, "480271")).isInstanceOf(AccessDenied.class);
    assertThat(extensions.mine()).isEmpty();
    assertThat(rows.row(id)).isEqualTo(before);
    assertThat(rows.extensionRows(t.a1())).isZero();
  }

  @Test
  void anImpersonatingAgentManagesExtensionsButNeverSeesASecret() throws Exception {
    Tenants t = accounts.tenants();
    accounts.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    NewSipSecret ext = extensions.create(t.a1(), "801", "Front", ExtensionType.USER, null);
    String before = rows.row(ext.extensionId());

    rows.impersonate(t.a1());
    rows.stepUp();
    assertThat(extensions.list(t.a1())).hasSize(1);
    assertThatThrownBy(() -> extensions.regenerateSecret(ext.extensionId()))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> extensions.create(t.a1(), "802", "New", ExtensionType.USER, null))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> pins.reset(ext.extensionId())).isInstanceOf(AccessDenied.class);
    assertThat(rows.row(ext.extensionId())).isEqualTo(before);
  }
}
