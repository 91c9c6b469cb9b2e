package io.dialtone.cdr.control;

import io.dialtone.cdr.entity.SavedCdrFilter;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.control.AccessDenied;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The caller's own saved CDR filters: list, save (a name saved again is replaced), find and delete
 * by id. Only ever the caller's: an id of another user's filter is refused (audited, 404). What a
 * filter names is checked again when it is applied, like any filter.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class SavedFilters {

  /** The most filters a user keeps. */
  public static final int MAX_PER_USER = 50;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject Clock clock;

  @Transactional(dontRollbackOn = AccessDenied.class)
  public List<SavedCdrFilter> mine() {
    SignedInUser caller = access.require(Permission.VIEW_CDRS);
    return em.createNamedQuery(SavedCdrFilter.LIST_BY_USER, SavedCdrFilter.class)
        .setParameter("userId", caller.userId())
        .getResultList();
  }

  /** Saves {@code criteria} as {@code name}; false when the caller already has too many. */
  @Transactional(dontRollbackOn = AccessDenied.class)
  public boolean save(String name, SavedCriteria criteria) {
    SignedInUser caller = access.require(Permission.VIEW_CDRS);
    String trimmed = name == null ? "" : name.strip();
    Optional<SavedCdrFilter> same =
        em.createNamedQuery(SavedCdrFilter.FIND_BY_USER_AND_NAME, SavedCdrFilter.class)
            .setParameter("userId", caller.userId())
            .setParameter("name", trimmed)
            .getResultStream()
            .findFirst();
    if (same.isPresent()) {
      same.get().replace(criteria.encode());
      return true;
    }
    if (mine().size() >= MAX_PER_USER) {
      return false;
    }
    em.persist(new SavedCdrFilter(caller.userId(), trimmed, criteria.encode(), clock.instant()));
    return true;
  }

  /** The caller's filter {@code id}; refused when it is not theirs. */
  @Transactional(dontRollbackOn = AccessDenied.class)
  public SavedCriteria get(long id) {
    return SavedCriteria.decode(own(id).getCriteria());
  }

  @Transactional(dontRollbackOn = AccessDenied.class)
  public void delete(long id) {
    em.remove(own(id));
  }

  private SavedCdrFilter own(long id) {
    SignedInUser caller = access.require(Permission.VIEW_CDRS);
    SavedCdrFilter f = em.find(SavedCdrFilter.class, id);
    if (f == null || f.getUserId() != caller.userId()) {
      throw access.refuse("cdr-filter:" + id, "not the caller's saved filter");
    }
    return f;
  }
}
