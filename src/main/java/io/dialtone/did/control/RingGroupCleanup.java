package io.dialtone.did.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.did.entity.RingGroup;
import io.dialtone.extension.control.ExtensionDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * A deleted extension leaves every ring group it was a member of, in the deleting transaction, each
 * removal audited. A group left without members stays: it rings nothing and its calls go to its
 * continuity destination, and its page asks for members at the next save.
 */
@ApplicationScoped
@Transactional
public class RingGroupCleanup {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject DidAccess dids;

  void deleted(@Observes ExtensionDeleted event) {
    @SuppressWarnings("unchecked")
    List<Number> groups =
        em.createNativeQuery(
                "SELECT DISTINCT ring_group_id FROM ring_group_member WHERE extension_id = ?1")
            .setParameter(1, event.extensionId())
            .getResultList();
    for (Number id : groups) {
      RingGroup group = em.find(RingGroup.class, id.longValue());
      if (group != null && group.removeMember(event.extensionId())) {
        dids.record(
            AuditAction.RING_GROUP_CHANGED,
            RingGroups.target(group),
            group.getAccountId(),
            "extension " + event.number() + " left the group: it was deleted");
      }
    }
  }
}
