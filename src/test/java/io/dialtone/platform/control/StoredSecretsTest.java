package io.dialtone.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.platform.control.StoredSecrets.SecretColumn;
import org.junit.jupiter.api.Test;

class StoredSecretsTest {

  @Test
  void aColumnIsNamedByPlainIdentifiersOnly() {
    for (String bad : new String[] {"app_user; DROP TABLE x", "App", "1table", "a-b", "", "a`b"}) {
      assertThatThrownBy(() -> new SecretColumn(bad, "id", "secret"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new SecretColumn("t", bad, "secret"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new SecretColumn("t", "id", bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theRotationStatementsBindEveryValue() {
    SecretColumn column = new SecretColumn("extension", "id", "ha1_md5");

    assertThat(column.replaceSql())
        .isEqualTo("UPDATE extension SET ha1_md5 = ? WHERE id = ? AND ha1_md5 = ?");
    assertThat(column.selectNotUnderSql())
        .contains("FROM extension", "id > ?", "LEFT(ha1_md5, ?) <> ?", "LIMIT ?");
    assertThat(column.countByKeySql()).contains("FROM extension WHERE ha1_md5 IS NOT NULL");
  }
}
