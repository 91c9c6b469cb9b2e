package io.dialtone.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpDigestTest {

  private static final String DUMP =
      """
      /*!40101 SET NAMES utf8mb4 */;
      CREATE TABLE `account` (
        `id` bigint(20) NOT NULL,
        PRIMARY KEY (`id`)
      ) ENGINE=InnoDB;
      INSERT INTO `account` VALUES (1,'Platform (root)','it\\'s; (x),(y)',NULL),(2,'Two',0x0A0B,'2026-01-01 00:00:00.000000');
      INSERT INTO `account` VALUES
      (3,'a\\\\',NULL,NULL),
      (4,'four;(',NULL,NULL);
      CREATE TABLE `empty_one` (
        `id` int NOT NULL
      );
      """;

  @Test
  void rowsAreCountedOutsideQuotedTextAndEveryTableIsListed() {
    DumpDigest digest = digest(DUMP);

    assertThat(digest.tables()).containsOnlyKeys("account", "empty_one");
    assertThat(digest.tables().get("account").rows()).isEqualTo(4);
    assertThat(digest.tables().get("empty_one").rows()).isZero();
  }

  @Test
  void theChecksumChangesWithAnyValueButNotWithHowTheRowsAreGrouped() {
    String regrouped =
        DUMP.replace("NULL),(2,'Two'", "NULL);\nINSERT INTO `account` VALUES (2,'Two'");
    String changed = DUMP.replace("'Two'", "'Tw0'");

    String checksum = digest(DUMP).tables().get("account").checksum();
    assertThat(digest(regrouped).tables().get("account").checksum()).isEqualTo(checksum);
    assertThat(digest(changed).tables().get("account").checksum()).isNotEqualTo(checksum);
  }

  @Test
  void retentionKeepsTheNewestCompleteBackups(@TempDir Path folder) throws Exception {
    for (String name :
        new String[] {
          "dialtone-20260101-000000-000Z",
          "dialtone-20260102-000000-000Z",
          "dialtone-20260103-000000-000Z",
          "dialtone-20260104-000000-000Z.partial",
          "other"
        }) {
      Files.createDirectory(folder.resolve(name));
      Files.writeString(folder.resolve(name).resolve("manifest.properties"), "x");
    }

    assertThat(Backup.prune(folder, 2))
        .containsExactly(folder.resolve("dialtone-20260101-000000-000Z"));
    try (var left = Files.list(folder)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "dialtone-20260102-000000-000Z",
              "dialtone-20260103-000000-000Z",
              "dialtone-20260104-000000-000Z.partial",
              "other");
    }
  }

  private static DumpDigest digest(String dump) {
    DumpDigest digest = new DumpDigest();
    byte[] bytes = dump.getBytes(StandardCharsets.UTF_8);
    // In uneven pieces, as a pipe delivers them.
    for (int i = 0; i < bytes.length; i += 7) {
      digest.write(bytes, i, Math.min(7, bytes.length - i));
    }
    return digest;
  }
}
