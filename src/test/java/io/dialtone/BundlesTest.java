package io.dialtone;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.platform.boundary.EnumLabels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * English and French for every page and message: both bundles hold the same keys, and every literal
 * key a page ({@code msg['…']}) or a Java message call names exists in them.
 */
class BundlesTest {

  private static final Path BUNDLES = Path.of("src/main/resources/io/dialtone/i18n");

  @Test
  void englishAndFrenchHoldTheSameKeys() {
    assertThat(load("messages_fr.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
  }

  @Test
  void everyKeyNamedInPagesAndCodeExists() {
    Set<String> named = new TreeSet<>();
    collect(
        Path.of("src/main/webapp"),
        ".xhtml",
        Pattern.compile("msg\\['([A-Za-z0-9_.]+)'\\]"),
        named);
    collect(
        Path.of("src/main/java"),
        ".java",
        Pattern.compile("Messages\\.(?:add\\w*|flash\\w*|text)\\([^\"]*\"([A-Za-z0-9_.]+)\""),
        named);
    assertThat(named).isNotEmpty();
    assertThat(load("messages.properties").stringPropertyNames()).containsAll(named);
    assertThat(load("messages_fr.properties").stringPropertyNames()).containsAll(named);
  }

  /**
   * Enums that no page names: steps and outcomes of a bean or a control, permissions, and reasons
   * whose words are whole messages under their own keys ({@code messageKey()}). Every other enum is
   * shown through {@code #{dt:label(value)}} and needs a label per constant.
   */
  private static final Set<String> NOT_LABELLED =
      Set.of(
          "io.dialtone.cdr.control.ExportJob$State",
          "io.dialtone.extension.control.ExtensionRefused$Reason",
          "io.dialtone.extension.control.ImportJob$Phase",
          "io.dialtone.extension.control.PinCheck",
          "io.dialtone.extension.control.PinViolation",
          "io.dialtone.identity.boundary.EnrolBacking$Step",
          "io.dialtone.identity.boundary.SecondFactorCredential$Kind",
          "io.dialtone.identity.boundary.SetupBacking$Step",
          "io.dialtone.identity.boundary.profile.SecurityBacking$Pending",
          "io.dialtone.identity.control.EmailChangeRefused$Reason",
          "io.dialtone.identity.control.PasswordViolation",
          "io.dialtone.identity.control.SignInOutcome",
          "io.dialtone.identity.control.StepUpResult",
          "io.dialtone.identity.entity.TokenPurpose",
          "io.dialtone.notification.control.NoticeKind",
          "io.dialtone.platform.control.CsvTable$Trouble",
          "io.dialtone.platform.control.SlidingWindowLimiter$Verdict",
          "io.dialtone.sip.control.Nonces$Check",
          "io.dialtone.sip.control.SipDigest");

  /** Bundle keys that look like enum labels but are not: a language's own name. */
  private static final Pattern NOT_ENUM_KEY = Pattern.compile("Language\\..+");

  /**
   * One rule for enum labels: {@code <SimpleName>.<CONSTANT>} (see the top of messages.properties),
   * for every constant of every enum a page may show, in English and French.
   */
  @Test
  void everyEnumShownOnPagesHasALabelForEachConstantInBothLanguages() {
    Set<String> english = load("messages.properties").stringPropertyNames();
    Set<String> french = load("messages_fr.properties").stringPropertyNames();
    List<Class<?>> labelled = labelledEnums();
    assertThat(labelled).hasSizeGreaterThan(15);
    for (Class<?> type : labelled) {
      for (Object constant : type.getEnumConstants()) {
        String key = EnumLabels.key((Enum<?>) constant);
        assertThat(english).as("English label of " + type.getName()).contains(key);
        assertThat(french).as("French label of " + type.getName()).contains(key);
      }
    }
  }

  /** A label names its enum by simple name: two labelled enums may not share one. */
  @Test
  void labelledEnumsHaveDistinctSimpleNames() {
    assertThat(labelledEnums().stream().map(Class::getSimpleName)).doesNotHaveDuplicates();
  }

  /** No label outlives its constant: every {@code Upper.REST} key names a labelled constant. */
  @Test
  void everyEnumLabelNamesAnExistingConstant() {
    Set<String> constants = new TreeSet<>();
    for (Class<?> type : labelledEnums()) {
      for (Object constant : type.getEnumConstants()) {
        constants.add(EnumLabels.key((Enum<?>) constant));
      }
    }
    Set<String> enumKeys = new TreeSet<>();
    for (String key : load("messages.properties").stringPropertyNames()) {
      if (Character.isUpperCase(key.charAt(0)) && !NOT_ENUM_KEY.matcher(key).matches()) {
        enumKeys.add(key);
      }
    }
    assertThat(constants).containsAll(enumKeys);
  }

  /**
   * Pages name enum constants through {@code dt:label}, never by gluing a key together ({@code
   * msg['AccountStatus.' += s]}): the key rule then lives in one place. Language names are keyed by
   * a language code, not an enum. The SIP notice list formats a ban reason stored as text.
   */
  @Test
  void pagesLabelEnumsThroughOneFunction() {
    Pattern glued = Pattern.compile("msg\\['(?!Language\\.)[A-Z][A-Za-z]*\\.' *\\+=");
    Set<String> offenders = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
      files
          .filter(f -> f.toString().endsWith(".xhtml"))
          .filter(f -> !f.endsWith(Path.of("WEB-INF/includes/sipNotices.xhtml")))
          .forEach(
              f -> {
                try {
                  if (glued.matcher(Files.readString(f)).find()) {
                    offenders.add(f.toString());
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(offenders).isEmpty();
  }

  /** Every enum compiled from src/main/java, except those in {@link #NOT_LABELLED}. */
  private static List<Class<?>> labelledEnums() {
    Path classes = Path.of("target/classes");
    try (Stream<Path> files = Files.walk(classes)) {
      return files
          .map(f -> classes.relativize(f).toString())
          .filter(f -> f.endsWith(".class"))
          .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
          .filter(name -> !NOT_LABELLED.contains(name))
          .map(BundlesTest::loadClass)
          .filter(Class::isEnum)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Class<?> loadClass(String className) {
    try {
      return Class.forName(className, false, BundlesTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every kind of mail has its subject and body. */
  @Test
  void everyNoticeKindHasItsMailTexts() {
    Set<String> keys = load("messages.properties").stringPropertyNames();
    for (var kind : io.dialtone.notification.control.NoticeKind.values()) {
      assertThat(keys).contains(kind.subjectKey(), kind.bodyKey());
    }
  }

  private static void collect(Path root, String suffix, Pattern key, Set<String> into) {
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(f -> f.toString().endsWith(suffix))
          .forEach(
              f -> {
                try {
                  Matcher m = key.matcher(Files.readString(f));
                  while (m.find()) {
                    if (!m.group(1).endsWith(".")) { // a prefix completed at run time
                      into.add(m.group(1));
                    }
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Properties load(String name) {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(BUNDLES.resolve(name))) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
