package io.dialtone.trunk.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.trunk.entity.TrunkStatus;
import io.dialtone.trunk.entity.TrunkTransport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit detail of trunk changes: plain words, before -> after, never a password. */
class TrunkChangesTest {

  private static final String SECRET = "Very-s3cret-pw";

  private static TrunkDefinition definition(String host, int port, LoginChange login) {
    return new TrunkDefinition(
        "carrier", host, port, TrunkTransport.UDP, 10, 1, 0, 5, List.of("192.0.2.0/24"), login);
  }

  private static TrunkView view(boolean passwordSet) {
    return new TrunkView(
        1,
        0,
        "carrier",
        "sip.example.net",
        5060,
        TrunkTransport.UDP,
        10,
        1,
        0,
        5,
        List.of("192.0.2.0/24"),
        passwordSet ? "acct" : null,
        null,
        passwordSet,
        true,
        TrunkStatus.UP,
        200,
        12,
        null);
  }

  @Test
  void aCreationSaysWhatTheTrunkIsAndThatAPasswordIsSetButNotWhichOne() {
    String detail =
        TrunkChanges.created(
            definition("sip.example.net", 5060, new LoginChange.Set("acct", SECRET, null)));
    assertThat(detail)
        .contains("carrier", "sip.example.net:5060/UDP", "priority 10", "192.0.2.0/24")
        .contains("login acct (any realm), password set")
        .doesNotContain(SECRET);
  }

  @Test
  void aChangeListsOnlyWhatChanged() {
    String detail =
        TrunkChanges.changed(
            view(true), definition("2001:db8::5", 5070, new LoginChange.Set("acct", SECRET, null)));
    assertThat(detail)
        .isEqualTo("address sip.example.net:5060/UDP -> [2001:db8::5]:5070/UDP; password replaced")
        .doesNotContain(SECRET);
    assertThat(
            TrunkChanges.changed(
                view(true), definition("sip.example.net", 5060, new LoginChange.Remove())))
        .isEqualTo("login acct removed");
    assertThat(
            TrunkChanges.changed(
                view(false), definition("sip.example.net", 5060, new LoginChange.None())))
        .isEqualTo("nothing changed");
  }
}
