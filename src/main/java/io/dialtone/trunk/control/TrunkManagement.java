package io.dialtone.trunk.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.control.DataCipher;
import io.dialtone.trunk.entity.Trunk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The carrier trunks pages' use cases ({@code MANAGE_TRUNKS}: platform administrators): list, read,
 * create, change, enable or disable, delete. Input is checked by {@link TrunkRules}; every change
 * is audited in plain words ({@link TrunkChanges}, never a password) and fires {@link
 * TrunksChanged}, so this node's {@link TrunkDirectory} reloads after commit. A trunk id that does
 * not exist is refused like one out of reach (404).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class TrunkManagement {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject TrunkAudit audit;
  @Inject DataCipher cipher;
  @Inject Event<TrunksChanged> changed;
  @Inject Clock clock;

  /** Refuses unless the caller may manage trunks (the empty "add a trunk" form asks this). */
  public void checkAccess() {
    access.require(Permission.MANAGE_TRUNKS);
  }

  /** Every trunk, by priority then name. */
  @Transactional
  public List<TrunkView> trunks() {
    access.require(Permission.MANAGE_TRUNKS);
    return em.createNamedQuery(Trunk.LIST_ALL, Trunk.class).getResultList().stream()
        .map(TrunkView::of)
        .toList();
  }

  /** Trunk {@code id}. */
  @Transactional
  public TrunkView get(long id) {
    access.require(Permission.MANAGE_TRUNKS);
    return TrunkView.of(trunk(id));
  }

  /**
   * Adds an enabled trunk.
   *
   * @throws TrunkRefused when a field is wrong or the name is taken
   */
  @Transactional
  public TrunkView create(TrunkInput input) {
    access.require(Permission.MANAGE_TRUNKS);
    TrunkDefinition d = TrunkRules.check(input, false);
    refuseTakenName(d.name(), null);
    Instant now = clock.instant();
    Trunk trunk = Trunk.named(d.name(), now);
    apply(trunk, d, now);
    em.persist(trunk);
    em.flush();
    changed.fire(new TrunksChanged(trunk.getId()));
    audit.changed(AuditAction.TRUNK_CREATED, trunk.getId(), TrunkChanges.created(d));
    return TrunkView.of(trunk);
  }

  /**
   * Changes trunk {@code id} as read at {@code version}.
   *
   * @throws TrunkRefused when a field is wrong, the name is taken, or someone changed the trunk
   *     since it was read
   */
  @Transactional
  public TrunkView change(long id, long version, TrunkInput input) {
    access.require(Permission.MANAGE_TRUNKS);
    Trunk trunk = trunk(id);
    if (trunk.getVersion() != version) {
      throw new TrunkRefused("trunks.refused.stale");
    }
    TrunkView before = TrunkView.of(trunk);
    TrunkDefinition d = TrunkRules.check(input, trunk.hasLogin());
    refuseTakenName(d.name(), id);
    Instant now = clock.instant();
    trunk.rename(d.name(), now);
    apply(trunk, d, now);
    em.flush();
    changed.fire(new TrunksChanged(id));
    audit.changed(AuditAction.TRUNK_CHANGED, id, TrunkChanges.changed(before, d));
    return TrunkView.of(trunk);
  }

  /** Enables or disables trunk {@code id}; nothing happens when it is so already. */
  @Transactional
  public void enable(long id, boolean on) {
    access.require(Permission.MANAGE_TRUNKS);
    Trunk trunk = trunk(id);
    if (trunk.isEnabled() == on) {
      return;
    }
    trunk.enable(on, clock.instant());
    changed.fire(new TrunksChanged(id));
    audit.changed(
        on ? AuditAction.TRUNK_ENABLED : AuditAction.TRUNK_DISABLED,
        id,
        "trunk "
            + trunk.getName()
            + (on ? " enabled: calls may use it" : " disabled: no call uses it"));
  }

  /** Deletes trunk {@code id}; the CDRs of past calls keep its name. */
  @Transactional
  public void delete(long id) {
    access.require(Permission.MANAGE_TRUNKS);
    Trunk trunk = trunk(id);
    String what =
        "trunk "
            + trunk.getName()
            + " at "
            + TrunkChanges.address(trunk.getHost(), trunk.getPort(), trunk.getTransport().name())
            + " deleted";
    em.remove(trunk);
    changed.fire(new TrunksChanged(id));
    audit.changed(AuditAction.TRUNK_DELETED, id, what);
  }

  private Trunk trunk(long id) {
    Trunk trunk = em.find(Trunk.class, id);
    if (trunk == null) {
      throw access.refuse("trunk:" + id, "no such trunk");
    }
    return trunk;
  }

  private void refuseTakenName(String name, Long self) {
    em.createNamedQuery(Trunk.FIND_BY_NAME, Trunk.class)
        .setParameter("name", name)
        .getResultStream()
        .filter(other -> !other.getId().equals(self))
        .findFirst()
        .ifPresent(
            other -> {
              throw new TrunkRefused("trunks.refused.nameTaken", name);
            });
  }

  private void apply(Trunk trunk, TrunkDefinition d, Instant now) {
    trunk.define(
        d.host(),
        d.port(),
        d.transport(),
        d.priority(),
        d.weight(),
        d.maxChannels(),
        d.setupTimeoutSeconds(),
        d.sources(),
        now);
    switch (d.login()) {
      case LoginChange.Set s ->
          trunk.login(s.username(), cipher.encrypt(s.password()), s.realm(), now);
      case LoginChange.Keep k -> trunk.relabelLogin(k.username(), k.realm(), now);
      case LoginChange.Remove r -> trunk.removeLogin(now);
      case LoginChange.None n -> {}
    }
  }
}
