package io.dialtone.extension.control;

import io.dialtone.kernel.entity.ExtensionNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which accounts have a live extension with a given number, for support's customer search. Joins
 * the caller's transaction and checks no permission: its caller scopes the accounts it returns.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class ExtensionDirectory {

  /** Extension numbers are 2–6 digits: nothing else is looked up. */
  private static final String NUMBER = "\\d{2,6}";

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /** Ids of accounts with a live extension numbered {@code number}, at most {@code limit}. */
  public List<Long> accountsWithNumber(String number, int limit) {
    if (number == null || !number.matches(NUMBER)) {
      return List.of();
    }
    return em
        .createNativeQuery(
            "SELECT DISTINCT account_id FROM extension WHERE live_number = ?1 LIMIT ?2")
        .setParameter(1, number)
        .setParameter(2, limit)
        .getResultList()
        .stream()
        .map(id -> ((Number) id).longValue())
        .toList();
  }

  /**
   * The number of {@code extensionId} when it is an active extension (calls may ring it), else
   * empty: a disabled or deleted extension rings nothing.
   */
  public Optional<ExtensionNumber> activeNumber(long extensionId) {
    return em.createQuery(
            """
            SELECT e.number FROM Extension e WHERE e.id = :id
            AND e.status = io.dialtone.extension.entity.ExtensionStatus.ACTIVE""",
            ExtensionNumber.class)
        .setParameter("id", extensionId)
        .getResultStream()
        .findFirst();
  }

  /** Which of {@code extensionIds} are live (not deleted) extensions, e.g. a DID's route. */
  public Set<Long> live(Collection<Long> extensionIds) {
    if (extensionIds.isEmpty()) {
      return Set.of();
    }
    return em.createQuery(
            """
            SELECT e.id FROM Extension e WHERE e.id IN :ids
            AND e.status <> io.dialtone.extension.entity.ExtensionStatus.DELETED""",
            Long.class)
        .setParameter("ids", List.copyOf(extensionIds))
        .getResultStream()
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The ids of the live extensions numbered as asked, per account ({@code accountId → number → id};
   * numbers without a live extension are absent): how call records name the extension of a call.
   * One query over {@code extension_live_number_uk} for a whole batch of calls, on the caller's
   * connection (its transaction).
   */
  public static Map<Long, Map<String, Long>> liveIds(
      Connection c, Map<Long, ? extends Collection<String>> numbersByAccount) throws SQLException {
    StringBuilder sql =
        new StringBuilder("SELECT account_id, live_number, id FROM extension WHERE ");
    List<Object> params = new java.util.ArrayList<>();
    for (var e : numbersByAccount.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      sql.append(params.isEmpty() ? "" : " OR ").append("(account_id = ? AND live_number IN (");
      params.add(e.getKey());
      sql.append(String.join(", ", java.util.Collections.nCopies(e.getValue().size(), "?")));
      sql.append("))");
      params.addAll(e.getValue());
    }
    Map<Long, Map<String, Long>> found = new HashMap<>();
    if (params.isEmpty()) {
      return found;
    }
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        s.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found
              .computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
              .put(rs.getString(2), rs.getLong(3));
        }
      }
    }
    return found;
  }
}
