package io.dialtone;

import static org.assertj.core.api.Assertions.assertThat;

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

  /** Pages show enum constants through {@code msg['Enum.' += value]}: each needs its label. */
  @Test
  void everyEnumShownOnPagesHasALabelForEachConstant() {
    Set<String> labels = load("messages.properties").stringPropertyNames();
    for (Class<? extends Enum<?>> type :
        List.<Class<? extends Enum<?>>>of(
            io.dialtone.audit.entity.AuditAction.class,
            io.dialtone.audit.entity.AuditResult.class,
            io.dialtone.kernel.entity.Role.class,
            io.dialtone.identity.entity.UserStatus.class,
            io.dialtone.account.entity.AccountKind.class,
            io.dialtone.account.entity.AccountStatus.class,
            io.dialtone.callpolicy.entity.ClassOfService.class,
            io.dialtone.callpolicy.entity.CustomRuleKind.class,
            io.dialtone.callpolicy.entity.DecidingRule.class,
            io.dialtone.callpolicy.entity.DestinationClass.class,
            io.dialtone.callpolicy.entity.Verdict.class)) {
      for (Enum<?> constant : type.getEnumConstants()) {
        assertThat(labels).contains(type.getSimpleName() + "." + constant.name());
      }
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
