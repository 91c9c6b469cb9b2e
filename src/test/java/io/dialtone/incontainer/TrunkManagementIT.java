package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.account.entity.Account;
import io.dialtone.incontainer.SeededAccounts.Tenants;
import io.dialtone.kernel.entity.Role;
import io.dialtone.platform.control.AccessDenied;
import io.dialtone.trunk.control.TrunkDirectory;
import io.dialtone.trunk.control.TrunkHealth;
import io.dialtone.trunk.control.TrunkInput;
import io.dialtone.trunk.control.TrunkLogin;
import io.dialtone.trunk.control.TrunkManagement;
import io.dialtone.trunk.control.TrunkRefused;
import io.dialtone.trunk.control.TrunkRoute;
import io.dialtone.trunk.control.TrunkView;
import io.dialtone.trunk.entity.TrunkTransport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The trunk controls in Payara Micro on MariaDB: a platform administrator's trunk is stored with
 * its password encrypted, audited without it, and reaches call control's {@link TrunkDirectory}
 * (with the password decrypted) as soon as the change commits; disabled trunks never, down trunks
 * only for emergency calls; probe results are written to the row; anyone else is refused and
 * nothing is stored.
 */
@ExtendWith(ArquillianExtension.class)
public class TrunkManagementIT {

  private static final String PASSWORD = "Tr0ub4dor&3-carrier";

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("trunk");
  }

  @Inject TrunkManagement management;
  @Inject TrunkDirectory directory;
  @Inject TrunkHealth health;
  @Inject SeededAccounts accounts;
  @Inject TrunkRows rows;

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static TrunkInput input(
      String name, String host, int priority, String sources, String user, String password) {
    return new TrunkInput(
        name,
        host,
        "5060",
        TrunkTransport.UDP,
        Integer.toString(priority),
        "1",
        "30",
        "4",
        sources,
        user,
        password,
        "",
        false);
  }

  @Test
  void aTrunkIsStoredEncryptedAuditedWithoutItsPasswordAndReachesCallControlAtOnce() {
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    String name = unique("carrier");
    TrunkView created =
        management.create(
            input(name, "SIP.Carrier.example", 3, "198.51.100.0/24", "acct", PASSWORD));

    assertThat(created.passwordSet()).isTrue();
    String stored = rows.column(created.id(), "auth_password");
    assertThat(stored).startsWith("v1:").doesNotContain(PASSWORD);
    assertThat(rows.column(created.id(), "host")).isEqualTo("sip.carrier.example");
    assertThat(rows.audited("TRUNK_CREATED", created.id()))
        .singleElement()
        .asString()
        .contains(name, "sip.carrier.example:5060/UDP", "login acct", "password set")
        .doesNotContain(PASSWORD);

    TrunkRoute route = route(created.id()).orElseThrow();
    assertThat(route.login()).contains(new TrunkLogin("acct", PASSWORD, ""));
    assertThat(route.setupTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(route.maxChannels()).isEqualTo(30);
    assertThat(directory.fromSource("198.51.100.77")).map(TrunkRoute::id).contains(created.id());

    String replacement = "n3w-" + PASSWORD;
    management.change(
        created.id(),
        created.version(),
        input(name, "sip.carrier.example", 3, "", "acct", replacement));
    assertThat(rows.column(created.id(), "auth_password")).isNotEqualTo(stored);
    assertThat(route(created.id()).orElseThrow().login().orElseThrow().password())
        .isEqualTo(replacement);
    assertThat(directory.fromSource("198.51.100.77").map(TrunkRoute::id))
        .isNotEqualTo(Optional.of(created.id()));
    assertThat(rows.audited("TRUNK_CHANGED", created.id()))
        .singleElement()
        .asString()
        .contains("sources 198.51.100.0/24 -> none", "password replaced")
        .doesNotContain(PASSWORD);

    TrunkView now = management.get(created.id());
    management.change(
        now.id(), now.version(), input(name, "sip.carrier.example", 3, "", "acct", ""));
    assertThat(route(created.id()).orElseThrow().login().orElseThrow().password())
        .as("a blank password keeps the stored one")
        .isEqualTo(replacement);

    now = management.get(created.id());
    management.change(
        now.id(),
        now.version(),
        new TrunkInput(
            name,
            "sip.carrier.example",
            "5060",
            TrunkTransport.UDP,
            "3",
            "1",
            "30",
            "4",
            "",
            "acct",
            "",
            "",
            true));
    assertThat(rows.column(created.id(), "auth_password")).isNull();
    assertThat(route(created.id()).orElseThrow().login()).isEmpty();
    assertThat(rows.audited("TRUNK_CHANGED", created.id()))
        .last()
        .asString()
        .isEqualTo("login acct removed");
  }

  @Test
  void disabledTrunksNeverGetCallsAndDownOnesOnlyEmergencyCalls() {
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    TrunkView first = management.create(input(unique("first"), "192.0.2.1", 0, "", "", ""));
    TrunkView second = management.create(input(unique("second"), "192.0.2.2", 1, "", "", ""));
    assertThat(ids(directory.candidates(false))).containsSubsequence(first.id(), second.id());

    management.enable(first.id(), false);
    assertThat(ids(directory.candidates(false))).doesNotContain(first.id());
    assertThat(ids(directory.candidates(true))).doesNotContain(first.id());
    assertThat(ids(directory.enabled())).doesNotContain(first.id());
    assertThat(rows.audited("TRUNK_DISABLED", first.id())).hasSize(1);
    management.enable(first.id(), true);
    assertThat(ids(directory.candidates(false))).contains(first.id());
    assertThat(rows.audited("TRUNK_ENABLED", first.id())).hasSize(1);

    health.answered(first.id(), 200, Duration.ofMillis(37));
    assertThat(rows.column(first.id(), "health_status")).isEqualTo("UP");
    assertThat(rows.column(first.id(), "health_code")).isEqualTo("200");
    assertThat(rows.column(first.id(), "health_latency_ms")).isEqualTo("37");
    assertThat(rows.column(first.id(), "health_checked_at")).isNotNull();

    health.unreachable(first.id());
    assertThat(rows.column(first.id(), "health_status")).isEqualTo("UP");
    assertThat(ids(directory.candidates(false))).contains(first.id());
    health.unreachable(first.id());
    assertThat(rows.column(first.id(), "health_status")).isEqualTo("DOWN");
    assertThat(rows.column(first.id(), "health_code")).isNull();
    List<Long> ordinary = ids(directory.candidates(false));
    List<Long> emergency = ids(directory.candidates(true));
    assertThat(ordinary).doesNotContain(first.id()).contains(second.id());
    assertThat(emergency).contains(first.id());
    assertThat(emergency.indexOf(first.id())).isGreaterThan(emergency.indexOf(second.id()));

    health.answered(first.id(), 404, Duration.ofMillis(5));
    assertThat(rows.column(first.id(), "health_status")).isEqualTo("UP");
    health.answered(second.id(), 503, Duration.ofMillis(5));
    assertThat(rows.column(second.id(), "health_status")).isEqualTo("DOWN");
    assertThat(ids(directory.candidates(false))).contains(first.id()).doesNotContain(second.id());

    management.delete(second.id());
    assertThat(rows.column(second.id(), "name")).isNull();
    assertThat(ids(directory.enabled())).doesNotContain(second.id());
    assertThat(rows.audited("TRUNK_DELETED", second.id()))
        .singleElement()
        .asString()
        .contains("deleted");
  }

  @Test
  void badInputIsRefusedWithEveryReasonAndStoresNothing() {
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    long before = rows.count();
    assertThatThrownBy(
            () ->
                management.create(
                    new TrunkInput(
                        "ok-name",
                        "sip.example.net",
                        "70000",
                        TrunkTransport.TLS,
                        "1",
                        "1",
                        "0",
                        "5",
                        "10.0.0.0/40",
                        "",
                        "",
                        "",
                        false)))
        .isInstanceOfSatisfying(
            TrunkRefused.class,
            e ->
                assertThat(e.explanations())
                    .extracting(x -> x.key())
                    .containsExactly("trunks.refused.port", "trunks.refused.source"));
    String name = unique("taken");
    management.create(input(name, "sip.example.net", 1, "", "", ""));
    assertThatThrownBy(
            () -> management.create(input(name.toUpperCase(), "h.example", 1, "", "", "")))
        .isInstanceOf(TrunkRefused.class)
        .hasMessage("trunks.refused.nameTaken");
    assertThat(rows.count()).isEqualTo(before + 1);
  }

  @Test
  void nobodyButAPlatformAdministratorReachesTheTrunks() {
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    TrunkView trunk =
        management.create(input(unique("mine"), "sip.example.net", 1, "", "u", PASSWORD));
    long before = rows.count();
    Tenants t = accounts.tenants();
    for (Role role : List.of(Role.CUSTOMER_ADMIN, Role.RESELLER_ADMIN, Role.SUPPORT_AGENT)) {
      accounts.signInAs(role, role == Role.SUPPORT_AGENT ? Account.PLATFORM_ID : t.a1());
      assertThatThrownBy(() -> management.trunks()).isInstanceOf(AccessDenied.class);
      assertThatThrownBy(() -> management.get(trunk.id())).isInstanceOf(AccessDenied.class);
      assertThatThrownBy(() -> management.create(input(unique("x"), "h.example", 1, "", "", "")))
          .isInstanceOf(AccessDenied.class);
      assertThatThrownBy(() -> management.enable(trunk.id(), false))
          .isInstanceOf(AccessDenied.class);
      assertThatThrownBy(() -> management.delete(trunk.id())).isInstanceOf(AccessDenied.class);
    }
    assertThat(rows.count()).isEqualTo(before);
    assertThat(rows.column(trunk.id(), "enabled")).isEqualTo("1");
    accounts.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    assertThatThrownBy(() -> management.get(-1)).isInstanceOf(AccessDenied.class);
  }

  private Optional<TrunkRoute> route(long id) {
    return directory.enabled().stream().filter(r -> r.id() == id).findFirst();
  }

  private static List<Long> ids(List<TrunkRoute> routes) {
    return routes.stream().map(TrunkRoute::id).toList();
  }
}
