package io.dialtone;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.dialtone.platform.control.DataCipher;
import io.dialtone.platform.control.StoredSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The component seams of STYLE.md, held by the build. What a component may call is what its {@code
 * package-info.java} says on its {@code Calls:} line, so the documentation and the rule cannot
 * drift apart; the other rules hold for every component. Only the application's own classes are
 * checked: tests may reach into any component to set up their data.
 */
class ArchitectureTest {

  private static final String ROOT = "io.dialtone";
  private static final Path SOURCES = Path.of("src/main/java/io/dialtone");
  private static final Pattern CALLS =
      Pattern.compile("^\\s*\\*\\s*(?:<p>)?Calls:\\s*([^.]*)\\.", Pattern.MULTILINE);

  /** The kernel's domain types (numbers, roles, permissions) are shared by every component. */
  private static final String SHARED_ENTITIES = "kernel";

  /**
   * The WAR's classes. The launcher ({@code src/main/launcher/java}, compiled into the same folder
   * and kept out of the WAR) is no component: it starts the application and reads its database.
   */
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(location -> !location.contains("/io/dialtone/launcher/"))
          .importPackages(ROOT);

  @Test
  void theApplicationNeverUsesTheLauncher() {
    JavaClasses all =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".launcher..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".launcher..")
        .check(all);
  }

  @TestFactory
  Stream<DynamicTest> eachComponentCallsOnlyWhatItsPackageInfoSays() {
    return declaredCalls().entrySet().stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.getKey() + " calls only " + entry.getValue(),
                    () -> {
                      List<String> allowed = new ArrayList<>();
                      allowed.add(ROOT + "." + entry.getKey() + "..");
                      entry.getValue().forEach(c -> allowed.add(ROOT + "." + c + ".."));
                      classes()
                          .that()
                          .resideInAPackage(ROOT + "." + entry.getKey() + "..")
                          .should()
                          .onlyDependOnClassesThat(
                              resideOutsideOfPackage(ROOT + "..")
                                  .or(resideInAnyPackage(allowed.toArray(String[]::new))))
                          .check(MAIN);
                    }));
  }

  @Test
  void everyComponentSaysWhatItCalls() {
    assertThat(declaredCalls().keySet()).containsExactlyInAnyOrderElementsOf(components());
  }

  @Test
  void componentsFormNoCycle() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @TestFactory
  Stream<DynamicTest> entitiesOfAComponentAreUsedOnlyByIt() {
    return components().stream()
        .filter(c -> !c.equals(SHARED_ENTITIES))
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c + ".entity is used only by " + c,
                    () ->
                        noClasses()
                            .that()
                            .resideOutsideOfPackage(ROOT + "." + c + "..")
                            .should()
                            .dependOnClassesThat()
                            .resideInAPackage(ROOT + "." + c + ".entity..")
                            .allowEmptyShould(true)
                            .check(MAIN)));
  }

  @Test
  void boundariesHoldNoPersistence() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".*.boundary..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jakarta.persistence..")
        .check(MAIN);
  }

  /**
   * Every class that holds a container-managed {@code EntityManager} says at class level how it
   * uses transactions. Outside a transaction Payara hands out a non-transactional {@code
   * EntityManager} kept in the current invocation's registry, and an invocation cloned for a
   * background task or a managed thread shares that registry: the task's end closes the request's
   * {@code EntityManager} (the request then fails with "closed EntityManager"), and the SIP workers
   * would all share one. In a transaction each thread has its own.
   */
  @Test
  void everyClassWithAnEntityManagerDeclaresItsTransactions() {
    classes()
        .that()
        .containAnyFieldsThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "hold an EntityManager",
                field ->
                    field.getRawType().isEquivalentTo(jakarta.persistence.EntityManager.class)))
        .should()
        .beAnnotatedWith(jakarta.transaction.Transactional.class)
        .check(MAIN);
  }

  @Test
  void onlyTheSipBoundaryTouchesTheSipStack() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".sip.boundary..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javax.sip..", "gov.nist..")
        .check(MAIN);
  }

  /**
   * A component that encrypts values with the data key declares the columns it stores them in, so
   * that a key rotation moves them and an old key is not retired while they still use it.
   */
  @Test
  void everyComponentThatEncryptsDeclaresItsSecretColumns() {
    Set<String> encrypting = new TreeSet<>();
    Set<String> declaring = new TreeSet<>();
    for (JavaClass type : MAIN) {
      String component = componentOf(type);
      if (component == null || component.equals("platform")) {
        continue;
      }
      boolean encrypts =
          type.getMethodCallsFromSelf().stream()
              .anyMatch(
                  call ->
                      call.getTarget().getOwner().isEquivalentTo(DataCipher.class)
                          && call.getTarget().getName().equals("encrypt"));
      if (encrypts) {
        encrypting.add(component);
      }
      if (type.isAssignableTo(StoredSecrets.class) && !type.isInterface()) {
        declaring.add(component);
      }
    }
    assertThat(encrypting).isNotEmpty();
    assertThat(declaring).containsAll(encrypting);
  }

  private static String componentOf(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith(ROOT + ".")) {
      return null;
    }
    String rest = name.substring(ROOT.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  /**
   * Each component and the components its package-info's {@code Calls:} line names ({@code Calls:
   * nothing.} for none).
   */
  private static Map<String, List<String>> declaredCalls() {
    Map<String, List<String>> calls = new TreeMap<>();
    for (String component : components()) {
      Path info = SOURCES.resolve(component).resolve("package-info.java");
      if (!Files.exists(info)) {
        continue;
      }
      Matcher m = CALLS.matcher(read(info));
      if (m.find()) {
        String named = m.group(1).replaceAll("\\s*\\*\\s+", " "); // a line wrapped in the comment
        calls.put(
            component,
            named.strip().equals("nothing")
                ? List.of()
                : Stream.of(named.split(",")).map(String::strip).toList());
      }
    }
    return calls;
  }

  private static List<String> components() {
    try (Stream<Path> dirs = Files.list(SOURCES)) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
