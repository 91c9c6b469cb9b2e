package io.dialtone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Build checks on the source text itself (SECURITY.md G1–G4 and I): each rule names the files that
 * break it, so the build fails on the first concatenated query or unescaped output. They read what
 * class files do not hold (SQL strings, pages); the component seams are {@link ArchitectureTest}'s.
 */
class SourceRulesTest {

  private static final Path MAIN_JAVA = Path.of("src/main/java");
  private static final Path WEBAPP = Path.of("src/main/webapp");

  @Test
  void queriesAreNeverBuiltByConcatenation() {
    Pattern literalThenPlus =
        Pattern.compile(
            "\"\\s*(SELECT|UPDATE|DELETE|INSERT|WITH)\\b[^\"]*\"\\s*\\+", Pattern.CASE_INSENSITIVE);
    Pattern plusThenClause =
        Pattern.compile(
            "\\+\\s*\"\\s*(WHERE|AND|OR|FROM|SET|ORDER BY|VALUES)\\b", Pattern.CASE_INSENSITIVE);
    Pattern queryOfVariable =
        Pattern.compile(
            "create(Native)?Query\\(\\s*[a-z]\\w*\\s*\\+|prepareStatement\\(\\s*[a-z]\\w*\\s*\\+");
    assertThat(filesMatching(MAIN_JAVA, ".java", literalThenPlus, plusThenClause, queryOfVariable))
        .isEmpty();
  }

  @Test
  void pagesNeverTurnOffEscaping() {
    assertThat(filesMatching(WEBAPP, ".xhtml", Pattern.compile("escape(Text)?=\"false\"")))
        .isEmpty();
  }

  @Test
  void pagesUseOnlyCspSafeAjaxAndNoTransientViews() {
    assertThat(
            filesMatching(
                WEBAPP,
                ".xhtml",
                Pattern.compile("<f:ajax"),
                Pattern.compile("transient=\"true\"")))
        .isEmpty();
  }

  @Test
  void mainCodeUsesOnlyTheCsprng() {
    assertThat(
            filesMatching(
                MAIN_JAVA,
                ".java",
                Pattern.compile("new Random\\(|Math\\.random\\(|ThreadLocalRandom")))
        .isEmpty();
  }

  private static List<Path> filesMatching(Path root, String suffix, Pattern... patterns) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(suffix))
          .filter(f -> Stream.of(patterns).anyMatch(p -> p.matcher(read(f)).find()))
          .toList();
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
