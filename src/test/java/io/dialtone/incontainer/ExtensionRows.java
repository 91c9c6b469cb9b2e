package io.dialtone.incontainer;

import io.dialtone.identity.control.StepUpMark;
import io.dialtone.kernel.control.Impersonation;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * In-container fixture of the extension tests: callers put into the request's session (a real
 * seeded user, an impersonating agent, a step-up), and reads of committed rows straight from the
 * database, including a search of every text column of every table for a value.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class ExtensionRows {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject HttpServletRequest request;

  /** Signs the request's session in as an existing user (id) with {@code role}. */
  public SignedInUser signInAs(long userId, Role role, long accountId) {
    SignedInUser user =
        new SignedInUser(
            userId, "t@example.test", "Test", accountId, Set.of(role), Instant.now(), 0, null);
    request.getSession(true).setAttribute(SignedInUser.SESSION_ATTRIBUTE, user);
    return user;
  }

  /** Signs the session in as a support agent acting as an administrator of {@code accountId}. */
  public void impersonate(long accountId) {
    SignedInUser agent =
        new SignedInUser(
            424242,
            "a@example.test",
            "Agent",
            1L,
            Set.of(Role.SUPPORT_AGENT),
            Instant.now(),
            0,
            null);
    SignedInUser acting =
        new SignedInUser(
            424242,
            "a@example.test",
            "Agent",
            accountId,
            Set.of(Role.CUSTOMER_ADMIN),
            Instant.now(),
            0,
            new Impersonation(
                agent, "Customer", "TEST-1", Instant.now(), Instant.now().plusSeconds(600)));
    request.getSession(true).setAttribute(SignedInUser.SESSION_ATTRIBUTE, acting);
  }

  /** Marks the session's caller as having stepped up now. */
  public void stepUp() {
    SignedInUser caller =
        (SignedInUser) request.getSession().getAttribute(SignedInUser.SESSION_ATTRIBUTE);
    request
        .getSession()
        .setAttribute(StepUpMark.SESSION_ATTRIBUTE, StepUpMark.of(caller, Instant.now()));
  }

  /** Every column of the extension row, as text, e.g. for "no plain secret" checks. */
  @Transactional
  public String row(long extensionId) {
    return String.valueOf(
        em.createNativeQuery(
                """
                SELECT CONCAT_WS('|', id, account_id, number, display_name, type, status,
                  assigned_user_id, realm, ha1_sha256, ha1_md5, max_registrations,
                  continuity_destination, pin_hash, pin_must_change, pin_failures,
                  pin_locked_until, deleted_at, live_number, version)
                FROM extension WHERE id = ?1""")
            .setParameter(1, extensionId)
            .getSingleResult());
  }

  /** The text columns of every table of the schema that hold {@code needle}, as table.column. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<String> columnsHolding(String needle) {
    List<Object[]> columns =
        em.createNativeQuery(
                """
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = DATABASE()
                AND data_type IN ('char', 'varchar', 'text', 'mediumtext', 'longtext')""")
            .getResultList();
    List<String> found = new ArrayList<>();
    for (Object[] column : columns) {
      String table = column[0].toString().replace("`", "");
      String name = column[1].toString().replace("`", "");
      // Identifiers come from information_schema, not from input; values are parameters.
      String sql =
          String.format(
              "SELECT COUNT(*) FROM `%s` WHERE INSTR(LOWER(`%s`), LOWER(?1)) > 0", table, name);
      Number count = (Number) em.createNativeQuery(sql).setParameter(1, needle).getSingleResult();
      if (count.longValue() > 0) {
        found.add(table + "." + name);
      }
    }
    return found;
  }

  /** How many audit rows of {@code action} name {@code extension:<id>}. */
  @Transactional
  public long auditRows(String action, long extensionId) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM audit_event WHERE action = ?1 AND target LIKE ?2")
                .setParameter(1, action)
                .setParameter(2, "extension:" + extensionId + " %")
                .getSingleResult())
        .longValue();
  }

  /** Audit rows of {@code action} whose target or detail contains {@code text}. */
  @Transactional
  public long auditRowsMentioning(String action, String text) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM audit_event WHERE action = ?1"
                        + " AND (target LIKE ?2 OR detail LIKE ?2)")
                .setParameter(1, action)
                .setParameter(2, "%" + text + "%")
                .getSingleResult())
        .longValue();
  }

  /** The class of service stored by the call policy for an extension. */
  @Transactional
  public String classOfService(long accountId, String number) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT class_of_service FROM call_policy_extension WHERE account_id = ?1 AND extension_number = ?2")
            .setParameter(1, accountId)
            .setParameter(2, number)
            .getResultList();
    return rows.isEmpty() ? null : rows.get(0).toString();
  }

  /** How many extension rows an account has, deleted ones included. */
  @Transactional
  public long extensionRows(long accountId) {
    return ((Number)
            em.createNativeQuery("SELECT COUNT(*) FROM extension WHERE account_id = ?1")
                .setParameter(1, accountId)
                .getSingleResult())
        .longValue();
  }
}
