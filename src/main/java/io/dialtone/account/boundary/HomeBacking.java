package io.dialtone.account.boundary;

import io.dialtone.account.control.AccountTree;
import io.dialtone.account.entity.Account;
import io.dialtone.audit.control.AuditQuery;
import io.dialtone.audit.entity.AuditAction;
import io.dialtone.audit.entity.AuditEvent;
import io.dialtone.audit.entity.AuditResult;
import io.dialtone.identity.control.AccessControl;
import io.dialtone.identity.control.SignedInUser;
import io.dialtone.identity.entity.Permission;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/**
 * {@code /home.xhtml}: where a user lands after signing in. Shows the part of the account tree the
 * user may see (their own account and below) and their own recent sign-in activity.
 */
@Named
@RequestScoped
public class HomeBacking {

  private static final Set<AuditAction> SIGN_IN_ACTIONS =
      EnumSet.of(
          AuditAction.SIGN_IN_PASSWORD,
          AuditAction.SIGN_IN_MFA,
          AuditAction.SIGN_IN_RECOVERY_CODE,
          AuditAction.SIGN_IN_FAILED,
          AuditAction.TOTP_REPLAY,
          AuditAction.ACCOUNT_LOCKED,
          AuditAction.SIGN_OUT);
  private static final int ACTIVITY_ROWS = 10;

  @Inject AccessControl access;
  @Inject AccountTree accounts;
  @Inject AuditQuery auditQuery;

  private TreeNode<Account> accountTree;
  private List<ActivityRow> signInActivity;

  /** One line of the activity table, its time in UTC for display. */
  public record ActivityRow(
      OffsetDateTime when, AuditAction action, AuditResult result, String sourceIp) {
    static ActivityRow of(AuditEvent event) {
      return new ActivityRow(
          event.getOccurredAt().atOffset(ZoneOffset.UTC),
          event.getAction(),
          event.getResult(),
          event.getSourceIp());
    }
  }

  @PostConstruct
  void load() {
    SignedInUser user = access.require(Permission.VIEW_OWN_PROFILE);
    accountTree =
        access.may(Permission.VIEW_ACCOUNTS) ? toTree(accounts.subtreeOf(user.accountId())) : null;
    signInActivity =
        auditQuery.recentForActor(user.actor(), AuditQuery.MAX_RESULTS).stream()
            .filter(e -> SIGN_IN_ACTIONS.contains(e.getAction()))
            .limit(ACTIVITY_ROWS)
            .map(ActivityRow::of)
            .toList();
  }

  private static TreeNode<Account> toTree(List<Account> parentsFirst) {
    TreeNode<Account> root = new DefaultTreeNode<>(null, null);
    Map<Long, TreeNode<Account>> nodes = new HashMap<>();
    for (Account account : parentsFirst) {
      TreeNode<Account> parent = nodes.getOrDefault(account.getParentId(), root);
      TreeNode<Account> node = new DefaultTreeNode<>(account, parent);
      node.setExpanded(true);
      nodes.put(account.getId(), node);
    }
    return root;
  }

  public TreeNode<Account> getAccountTree() {
    return accountTree;
  }

  public List<ActivityRow> getSignInActivity() {
    return signInActivity;
  }
}
