package io.dialtone.did.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

/**
 * Two administrators saving one new ring group name at once: the second's duplicate key becomes the
 * "name taken" message; any other database failure (a CHECK, a foreign key) stays an error.
 */
class RingGroupNameRaceTest {

  @Test
  void aDuplicateKeyWrappedByThePersistenceProviderIsTheNameTakenMeanwhile() {
    SQLException duplicate =
        new SQLIntegrityConstraintViolationException(
            "Duplicate entry '7-Sales' for key 'ring_group_name_uk'", "23000", 1062);
    assertThat(
            RingGroups.sameNameMeanwhile(
                new PersistenceException(new RuntimeException("flush", duplicate))))
        .isTrue();
  }

  @Test
  void anotherConstraintIsNot() {
    SQLException check =
        new SQLIntegrityConstraintViolationException(
            "CONSTRAINT `ring_group_ring_chk` failed", "23000", 4025);
    assertThat(RingGroups.sameNameMeanwhile(new PersistenceException(check))).isFalse();
    assertThat(RingGroups.sameNameMeanwhile(new PersistenceException("no cause"))).isFalse();
  }
}
