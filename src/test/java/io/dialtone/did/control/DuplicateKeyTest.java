package io.dialtone.did.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

/**
 * Which JDBC errors of an inventory insert mean "someone added that number meanwhile" (a message)
 * rather than a failure (an error page). The race itself runs on MariaDB in DidsIT.
 */
class DuplicateKeyTest {

  @Test
  void theDuplicateEntryErrorIsRecognizedAloneOrInsideABatchError() {
    SQLException duplicate =
        new SQLIntegrityConstraintViolationException(
            "Duplicate entry '+16135550100' for key 'did_number_uk'", "23000", 1062);
    BatchUpdateException batch = new BatchUpdateException("batch failed", "23000", 1062, null);
    BatchUpdateException wrapping = new BatchUpdateException("batch failed", null, 0, null);
    wrapping.initCause(duplicate);
    SQLException chained = new SQLException("outer", "HY000", 0);
    chained.setNextException(new SQLException("Duplicate entry", "23000", 1062));

    assertThat(DidInventory.isDuplicateKey(duplicate)).isTrue();
    assertThat(DidInventory.isDuplicateKey(batch)).isTrue();
    assertThat(DidInventory.isDuplicateKey(wrapping)).isTrue();
    assertThat(DidInventory.isDuplicateKey(chained)).isTrue();
  }

  @Test
  void otherErrorsAreNot() {
    assertThat(DidInventory.isDuplicateKey(new SQLException("gone away", "08S01", 2006))).isFalse();
    assertThat(DidInventory.isDuplicateKey(new SQLException("lock wait", "HY000", 1205))).isFalse();
  }
}
