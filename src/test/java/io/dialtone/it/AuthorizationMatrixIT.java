package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.TestUsers.SeededUser;
import io.dialtone.launcher.DialtoneServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SECURITY.md F1: every page of the portal's management area, opened by each role in a real
 * browser, is either served (the page itself, not an error page) or answered "Page not found"
 * exactly as the declared table below says (an agent acting as a customer administrator included)
 * (deny by default: a page not listed for a role must be refused). The table is the specification;
 * the application must match it cell by cell.
 */
@ExtendWith(RunningDialtone.class)
class AuthorizationMatrixIT {

  /** Who opens the pages: a seeded user of each role in an account of the fitting kind. */
  enum Caller {
    CUSTOMER_USER,
    CUSTOMER_ADMIN,
    RESELLER_ADMIN,
    SUPPORT_AGENT,
    PLATFORM_ADMIN,
    /** A support agent acting as a customer administrator (SECURITY.md F4). */
    IMPERSONATING_AGENT
  }

  private static final Set<Caller> SIGNED_IN_AS_THEMSELVES =
      Set.of(
          Caller.CUSTOMER_USER,
          Caller.CUSTOMER_ADMIN,
          Caller.RESELLER_ADMIN,
          Caller.SUPPORT_AGENT,
          Caller.PLATFORM_ADMIN);
  private static final Set<Caller> ALL = Set.of(Caller.values());
  private static final Set<Caller> ADMINS =
      Set.of(
          Caller.CUSTOMER_ADMIN,
          Caller.RESELLER_ADMIN,
          Caller.PLATFORM_ADMIN,
          Caller.IMPERSONATING_AGENT);
  private static final Set<Caller> ABOVE_CUSTOMERS =
      Set.of(Caller.RESELLER_ADMIN, Caller.PLATFORM_ADMIN);

  /** The declared table: page → the callers who may open it. Everyone else gets a 404 page. */
  private static final Map<String, Set<Caller>> ALLOWED = new LinkedHashMap<>();

  static {
    ALLOWED.put("/home.xhtml", ALL);
    ALLOWED.put("/profile/password.xhtml", SIGNED_IN_AS_THEMSELVES);
    ALLOWED.put("/profile/security.xhtml", SIGNED_IN_AS_THEMSELVES);
    ALLOWED.put(
        "/support/index.xhtml",
        Set.of(Caller.SUPPORT_AGENT, Caller.RESELLER_ADMIN, Caller.PLATFORM_ADMIN));
    ALLOWED.put("/accounts/profile.xhtml", ADMINS);
    ALLOWED.put("/users/index.xhtml", ADMINS);
    ALLOWED.put("/audit/index.xhtml", ADMINS);
    ALLOWED.put("/accounts/index.xhtml", ABOVE_CUSTOMERS);
    ALLOWED.put("/accounts/edit.xhtml?kind=CUSTOMER", ABOVE_CUSTOMERS);
    ALLOWED.put("/accounts/edit.xhtml?kind=RESELLER", Set.of(Caller.PLATFORM_ADMIN));
    ALLOWED.put("/users/index.xhtml?account=1", Set.of(Caller.PLATFORM_ADMIN));
    ALLOWED.put("/calls/blocking.xhtml", Set.of(Caller.CUSTOMER_ADMIN, Caller.IMPERSONATING_AGENT));
    ALLOWED.put(
        "/calls/tester.xhtml",
        Set.of(
            Caller.CUSTOMER_ADMIN,
            Caller.RESELLER_ADMIN,
            Caller.SUPPORT_AGENT,
            Caller.PLATFORM_ADMIN,
            Caller.IMPERSONATING_AGENT));
    ALLOWED.put("/calls/ranges.xhtml", Set.of(Caller.PLATFORM_ADMIN));
    ALLOWED.put(
        "/extensions/index.xhtml", Set.of(Caller.CUSTOMER_ADMIN, Caller.IMPERSONATING_AGENT));
    ALLOWED.put("/extensions/import.xhtml", Set.of(Caller.CUSTOMER_ADMIN));
    ALLOWED.put(
        "/extensions/mine.xhtml",
        Set.of(Caller.CUSTOMER_USER, Caller.CUSTOMER_ADMIN, Caller.IMPERSONATING_AGENT));
    ALLOWED.put("/rates/index.xhtml", Set.of(Caller.PLATFORM_ADMIN));
    // usage limits
    ALLOWED.put("/usage/index.xhtml", Set.of(Caller.CUSTOMER_ADMIN, Caller.IMPERSONATING_AGENT));
    ALLOWED.put("/usage/requests.xhtml", ABOVE_CUSTOMERS);
    // dids (DID inventory, assignment and routing); the edit page without an id is nobody's
    ALLOWED.put(
        "/dids/index.xhtml",
        Set.of(
            Caller.CUSTOMER_ADMIN,
            Caller.RESELLER_ADMIN,
            Caller.PLATFORM_ADMIN,
            Caller.IMPERSONATING_AGENT));
    ALLOWED.put("/dids/edit.xhtml", Set.of());
    // ring groups: a customer account's own; an unknown id is "not found" for everyone
    ALLOWED.put(
        "/ringgroups/index.xhtml", Set.of(Caller.CUSTOMER_ADMIN, Caller.IMPERSONATING_AGENT));
    ALLOWED.put(
        "/ringgroups/edit.xhtml", Set.of(Caller.CUSTOMER_ADMIN, Caller.IMPERSONATING_AGENT));
    ALLOWED.put("/ringgroups/edit.xhtml?id=0", Set.of());
    // CDR page: every role reads call records in its scope (a customer user its own extensions');
    // an unknown call id is "not found" for everyone.
    ALLOWED.put("/cdrs/index.xhtml", ALL);
    ALLOWED.put("/cdrs/call.xhtml?id=0", Set.of());
    // the SIP registrar's bans page
    ALLOWED.put("/sip/bans.xhtml", Set.of(Caller.PLATFORM_ADMIN));
    // the data keys page
    ALLOWED.put("/keys/index.xhtml", Set.of(Caller.PLATFORM_ADMIN));
    // carrier trunks
    ALLOWED.put("/trunks/index.xhtml", Set.of(Caller.PLATFORM_ADMIN));
    // Every signed-in user has a notice centre (an agent acting as a customer sees the agent's own
    // notices).
    ALLOWED.put("/notices/index.xhtml", ALL);
  }

  private static final String NOT_FOUND = "Page not found";

  /** The pages the menu offers, to each caller exactly those of the table above they may open. */
  private static final List<String> MENU_PAGES =
      List.of(
          "/home.xhtml",
          "/extensions/index.xhtml",
          "/extensions/mine.xhtml",
          "/dids/index.xhtml",
          "/ringgroups/index.xhtml",
          "/cdrs/index.xhtml",
          "/calls/blocking.xhtml",
          "/calls/tester.xhtml",
          "/usage/index.xhtml",
          "/usage/requests.xhtml",
          "/users/index.xhtml",
          "/accounts/profile.xhtml",
          "/audit/index.xhtml",
          "/accounts/index.xhtml",
          "/support/index.xhtml",
          "/rates/index.xhtml",
          "/calls/ranges.xhtml",
          "/sip/bans.xhtml",
          "/trunks/index.xhtml",
          "/keys/index.xhtml",
          "/profile/password.xhtml",
          "/profile/security.xhtml");

  @ParameterizedTest
  @EnumSource(Caller.class)
  void eachPageIsServedOrRefusedAsDeclared(Caller caller, DialtoneServer server) {
    TestUsers db = new TestUsers(server);
    SeededUser user = seed(db, caller);
    List<String> mismatches = new ArrayList<>();
    try (Browser browser = new Browser(server.baseUrl())) {
      SignIn.withBothFactors(browser, user);
      if (caller == Caller.IMPERSONATING_AGENT) {
        browser.open("/support/index.xhtml?account=" + db.newCustomerAccount());
        browser.type("act:reason", "MATRIX-1 authorization check");
        browser.submit("act:start");
        assertThat(browser.isPresent("#impersonation")).isTrue();
      }
      List<String> menu =
          browser.findAll("#sidebar a").stream()
              .map(a -> java.net.URI.create(a.getDomProperty("href")).getPath())
              .toList();
      assertThat(menu)
          .as("menu of %s", caller)
          .containsExactlyElementsOf(
              MENU_PAGES.stream().filter(p -> ALLOWED.get(p).contains(caller)).toList());
      for (Map.Entry<String, Set<Caller>> page : ALLOWED.entrySet()) {
        browser.open(page.getKey());
        boolean refused = browser.pageText().contains(NOT_FOUND);
        // Served means the page itself: the layout leaves the language form out of every error
        // page, so "Something went wrong" or "Page expired" counts as neither served nor refused.
        boolean served = !refused && browser.isPresent("#languageForm");
        if (!served && !refused) {
          mismatches.add(page.getKey() + " answered an error page");
        } else if (served != page.getValue().contains(caller)) {
          mismatches.add(page.getKey() + (served ? " was served" : " was refused"));
        }
      }
    }
    assertThat(mismatches).as("pages for %s", caller).isEmpty();
  }

  private static SeededUser seed(TestUsers db, Caller caller) {
    return switch (caller) {
      case CUSTOMER_USER -> db.user("CUSTOMER_USER", db.newCustomerAccount());
      case CUSTOMER_ADMIN -> db.user("CUSTOMER_ADMIN", db.newCustomerAccount());
      case RESELLER_ADMIN ->
          db.user("RESELLER_ADMIN", db.account(1L, "RESELLER", "Matrix reseller"));
      case SUPPORT_AGENT, IMPERSONATING_AGENT -> db.user("SUPPORT_AGENT", 1L);
      case PLATFORM_ADMIN -> db.user("PLATFORM_ADMIN", 1L);
    };
  }
}
