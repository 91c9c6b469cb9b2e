package io.dialtone.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerDirectoryTest {

  @Test
  void likeWildcardsInASearchAreTakenLiterally() {
    assertThat(CustomerDirectory.likeEscaped("50%_off!")).isEqualTo("50!%!_off!!");
    assertThat(CustomerDirectory.likeEscaped("Acme")).isEqualTo("Acme");
  }
}
