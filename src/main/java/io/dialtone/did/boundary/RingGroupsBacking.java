package io.dialtone.did.boundary;

import io.dialtone.did.control.DidRefused;
import io.dialtone.did.control.RingGroupView;
import io.dialtone.did.control.RingGroups;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /ringgroups/index.xhtml}: the ring groups of the caller's customer account, in name order,
 * each with its members in ringing order; deleting one that a number still rings is refused with
 * the reason. {@link RingGroups} checks every action.
 */
@Named
@ViewScoped
public class RingGroupsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient RingGroups ringGroups;

  private List<RingGroupView> groups;

  public void load() {
    groups = ringGroups.list();
  }

  public void delete(RingGroupView group) {
    try {
      ringGroups.delete(group.id());
      Messages.addGlobalInfo("ring_groups.deleted", group.name());
    } catch (DidRefused e) {
      Messages.refusal(e);
    }
    load();
  }

  public List<RingGroupView> getGroups() {
    return groups;
  }
}
