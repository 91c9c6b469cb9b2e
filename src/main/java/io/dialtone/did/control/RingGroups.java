package io.dialtone.did.control;

import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.did.entity.Did;
import io.dialtone.did.entity.RingGroup;
import io.dialtone.did.entity.RingStrategy;
import io.dialtone.extension.control.ContinuityDestinations;
import io.dialtone.extension.control.ExtensionChoice;
import io.dialtone.extension.control.Extensions;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A customer account's ring groups ({@link Permission#ROUTE_DIDS}: customer administrators and an
 * agent acting as one, for the caller's own account only): list, create, change, delete. Members
 * must be live extensions of the account (typed by number, in ringing order), the continuity
 * destination passes the account's call policy like a DID's; a group another account owns is
 * refused (404, audited) as if it did not exist; a group a DID still rings cannot be deleted. All
 * or nothing; audited in words.
 */
@ApplicationScoped
@Transactional
public class RingGroups {

  /** MariaDB's error code of a duplicate key. */
  private static final int DUPLICATE_KEY = 1062;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject DidAccess dids;
  @Inject AccountTree accounts;
  @Inject Extensions extensions;
  @Inject ContinuityDestinations continuity;
  @Inject Clock clock;

  /** The caller's account's groups by name. */
  @Transactional
  public List<RingGroupView> list() {
    long account = account();
    Map<Long, ExtensionChoice> live = liveExtensions(account);
    return groupsOf(account).stream().map(g -> view(g, live)).toList();
  }

  /** One group of the caller's account. */
  @Transactional
  public RingGroupView get(long groupId) {
    RingGroup group = inScope(groupId);
    return view(group, liveExtensions(group.getAccountId()));
  }

  /** The live extensions that may be members: the caller's account's. */
  @Transactional
  public List<ExtensionChoice> memberChoices() {
    return extensions.choices(account());
  }

  /** The groups a DID of {@code accountId} in the caller's scope may ring (for the DID page). */
  @Transactional
  public List<RingGroupView> of(long accountId) {
    access.requireInScope(Permission.ROUTE_DIDS, accountId);
    Map<Long, ExtensionChoice> live = liveExtensions(accountId);
    return groupsOf(accountId).stream().map(g -> view(g, live)).toList();
  }

  /** Creates ({@code groupId} null) or changes a group of the caller's account; its id. */
  @Transactional
  public long save(Long groupId, RingGroupDraft draft) {
    long account = groupId == null ? account() : inScope(groupId).getAccountId();
    String name = draft.name() == null ? "" : draft.name().strip();
    if (name.isEmpty()) {
      throw new DidRefused("ring_groups.nameRequired");
    }
    if (name.length() > RingGroup.NAME_MAX) {
      throw new DidRefused("ring_groups.nameTooLong", RingGroup.NAME_MAX);
    }
    boolean taken =
        groupsOf(account).stream()
            .anyMatch(g -> g.getName().equalsIgnoreCase(name) && !g.getId().equals(groupId));
    if (taken) {
      throw new DidRefused("ring_groups.nameTaken", name);
    }
    Integer ring = draft.ringSeconds();
    if (ring == null || ring < Did.RING_MIN || ring > Did.RING_MAX) {
      throw new DidRefused("ring_groups.ringInvalid", Did.RING_MIN, Did.RING_MAX);
    }
    List<ExtensionChoice> choices = extensions.choices(account);
    List<Long> members = RingGroupMembers.read(draft.members(), choices);
    String target = continuity.check(account, null, draft.continuity());
    RingStrategy strategy = draft.strategy() == null ? RingStrategy.SIMULTANEOUS : draft.strategy();
    RingGroup group;
    AuditAction action;
    if (groupId == null) {
      group = RingGroup.create(account, name, strategy, ring, members, target, clock.instant());
      em.persist(group);
      action = AuditAction.RING_GROUP_CREATED;
    } else {
      group = inScope(groupId);
      group.change(name, strategy, ring, members, target);
      action = AuditAction.RING_GROUP_CHANGED;
    }
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (sameNameMeanwhile(e)) {
        throw new DidRefused("ring_groups.nameTaken", name); // saved by someone else just now
      }
      throw e;
    }
    Map<Long, ExtensionChoice> byId =
        choices.stream().collect(Collectors.toMap(ExtensionChoice::id, Function.identity()));
    String numbers =
        members.stream()
            .map(id -> byId.get(id).number().digits())
            .collect(Collectors.joining(", "));
    dids.record(
        action,
        target(group),
        account,
        (strategy == RingStrategy.IN_ORDER ? "in order, " : "all at once, ")
            + ring
            + " s; members "
            + numbers
            + "; continuity destination "
            + (target == null ? "none" : target));
    return group.getId();
  }

  /** Whether {@code e} is MariaDB's duplicate key (1062): the name unique in the account. */
  static boolean sameNameMeanwhile(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY) {
        return true;
      }
    }
    return false;
  }

  /** Deletes a group of the caller's account that no DID rings. */
  @Transactional
  public void delete(long groupId) {
    RingGroup group = inScope(groupId);
    long routed =
        em.createQuery("SELECT COUNT(d) FROM Did d WHERE d.ringGroupId = :id", Long.class)
            .setParameter("id", groupId)
            .getSingleResult();
    if (routed > 0) {
      throw new DidRefused("ring_groups.inUse", group.getName(), routed);
    }
    em.remove(group);
    dids.record(AuditAction.RING_GROUP_DELETED, target(group), group.getAccountId(), "deleted");
  }

  /** A group of an account in the caller's scope (else refused, audited: 404). */
  RingGroup inScope(long groupId) {
    access.require(Permission.ROUTE_DIDS);
    RingGroup group = em.find(RingGroup.class, groupId);
    if (group == null) {
      throw access.refuse("ring_group:" + groupId, "no such ring group");
    }
    access.requireInScope(Permission.ROUTE_DIDS, group.getAccountId());
    return group;
  }

  /** How the audit trail names a group: {@code ring_group:7 (Sales)}. */
  static String target(RingGroup group) {
    return "ring_group:" + group.getId() + " (" + group.getName() + ")";
  }

  private long account() {
    long account = access.require(Permission.ROUTE_DIDS).accountId();
    boolean customer =
        accounts
            .find(account)
            .map(AccountView::kind)
            .filter(kind -> kind == AccountKind.CUSTOMER)
            .isPresent();
    if (!customer) {
      throw access.refuse("account:" + account, "ring groups belong to customer accounts");
    }
    return account;
  }

  private List<RingGroup> groupsOf(long accountId) {
    return em.createNamedQuery(RingGroup.LIST_BY_ACCOUNT, RingGroup.class)
        .setParameter("accountId", accountId)
        .getResultList();
  }

  private Map<Long, ExtensionChoice> liveExtensions(long accountId) {
    return extensions.choices(accountId).stream()
        .collect(Collectors.toMap(ExtensionChoice::id, Function.identity()));
  }

  private static RingGroupView view(RingGroup group, Map<Long, ExtensionChoice> live) {
    return new RingGroupView(
        group.getId(),
        group.getName(),
        group.getStrategy(),
        group.getRingSeconds(),
        group.getMemberIds().stream().map(live::get).filter(java.util.Objects::nonNull).toList(),
        group.getContinuityDestination());
  }
}
