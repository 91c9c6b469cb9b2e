package io.dialtone.callpolicy.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.callpolicy.entity.PlatformBlockedRange;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Platform-wide blocked ranges ({@code MANAGE_PLATFORM_RANGES}): list, add, remove. A change fires
 * the platform-wide {@link CallPolicyChanged} (every account's next decision uses it) and is
 * audited.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class PlatformRangeManagement {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject CallPolicyAudit audit;
  @Inject Event<CallPolicyChanged> changed;
  @Inject Clock clock;

  @Transactional
  public List<PlatformBlockedRange> ranges() {
    access.require(Permission.MANAGE_PLATFORM_RANGES);
    return all();
  }

  /**
   * Adds a range for {@code typed} (+ and digits, separators allowed) with an optional reason.
   *
   * @throws RuleRefused when it is not a prefix, the reason is too long, or the range exists
   */
  @Transactional(rollbackOn = RuleRefused.class)
  public PlatformBlockedRange add(String typed, String reason) throws RuleRefused {
    access.require(Permission.MANAGE_PLATFORM_RANGES);
    String prefix = RuleInput.prefix(typed == null ? "" : typed.strip());
    String note = reason == null || reason.isBlank() ? null : reason.strip();
    if (note != null && note.length() > PlatformBlockedRange.NOTE_MAX) {
      throw new RuleRefused(
          "ranges.refused.reason", Integer.toString(PlatformBlockedRange.NOTE_MAX));
    }
    if (all().stream().anyMatch(r -> r.getPrefix().equals(prefix))) {
      throw new RuleRefused("blocking.refused.duplicate", prefix);
    }
    PlatformBlockedRange range = PlatformBlockedRange.of(prefix, note, clock.instant());
    em.persist(range);
    em.flush();
    changed.fire(CallPolicyChanged.platform());
    audit.changed(
        AuditAction.PLATFORM_RANGE_ADDED,
        null,
        "platform-range:" + range.getId(),
        "none -> " + prefix + (note == null ? "" : " (" + note + ")"));
    return range;
  }

  @Transactional
  public void remove(long rangeId) {
    access.require(Permission.MANAGE_PLATFORM_RANGES);
    PlatformBlockedRange range = em.find(PlatformBlockedRange.class, rangeId);
    if (range == null) {
      throw access.refuse("platform-range:" + rangeId, "no such range");
    }
    em.remove(range);
    changed.fire(CallPolicyChanged.platform());
    audit.changed(
        AuditAction.PLATFORM_RANGE_REMOVED,
        null,
        "platform-range:" + rangeId,
        range.getPrefix() + " -> none");
  }

  private List<PlatformBlockedRange> all() {
    return em.createNamedQuery(PlatformBlockedRange.LIST_ALL, PlatformBlockedRange.class)
        .getResultList();
  }
}
