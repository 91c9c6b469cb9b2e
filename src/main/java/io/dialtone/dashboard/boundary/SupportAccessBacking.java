package io.dialtone.dashboard.boundary;

import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditEntry;
import io.dialtone.audit.control.SupportSessions;
import io.dialtone.audit.control.SupportSessions.Session;
import io.dialtone.identity.control.UserLookup;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.AccountScope;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The "support accessed your account" section of {@code /audit/index.xhtml} (SECURITY.md F4): each
 * support session on the accounts of the caller's scope — who (the agent's name and e-mail), when,
 * why, how it ended and what was done on the account's behalf meanwhile.
 */
@Named
@RequestScoped
public class SupportAccessBacking {

  /** One support session as the page shows it. */
  public record Row(
      String agentName,
      String agentEmail,
      String account,
      Instant started,
      Instant ended,
      String reason,
      String endedHow,
      List<AuditEntry> activity) {}

  @Inject AccessControl access;
  @Inject AccountTree accounts;
  @Inject SupportSessions sessions;
  @Inject UserLookup users;

  private List<Row> rows;
  private Map<Long, String> accountNames;

  @PostConstruct
  void load() {
    SignedInUser caller = access.require(Permission.VIEW_AUDIT);
    List<AccountView> visible =
        caller.accountId() == AccountScope.PLATFORM_ACCOUNT_ID
            ? null
            : accounts.subtreeOf(caller.accountId());
    accountNames =
        visible == null
            ? Map.of()
            : visible.stream().collect(Collectors.toMap(AccountView::id, AccountView::name));
    Optional<Set<Long>> scope = Optional.ofNullable(visible).map(all -> accountNames.keySet());
    rows = sessions.recent(scope).stream().map(this::row).toList();
  }

  private Row row(Session session) {
    AuditEntry start = session.start();
    Optional<UserLookup.UserName> agent = agentOf(start.getActor());
    AuditEntry end = session.end();
    boolean ended = end != null && end.getAction() == AuditAction.IMPERSONATION_ENDED;
    return new Row(
        agent.map(UserLookup.UserName::label).orElse(start.getActor()),
        agent.map(UserLookup.UserName::email).orElse(""),
        accountNames.getOrDefault(start.getAccountId(), "account:" + start.getAccountId()),
        start.getOccurredAt(),
        end == null ? null : end.getOccurredAt(),
        start.getDetail(),
        ended ? end.getDetail() : null,
        session.activity());
  }

  private Optional<UserLookup.UserName> agentOf(String actor) {
    if (actor == null || !actor.startsWith("user:")) {
      return Optional.empty();
    }
    try {
      return users.name(Long.parseLong(actor.substring("user:".length())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public List<Row> getRows() {
    return rows;
  }
}
