package io.dialtone.did.boundary;

import io.dialtone.did.control.DidRefused;
import io.dialtone.did.control.RingGroupDraft;
import io.dialtone.did.control.RingGroupView;
import io.dialtone.did.control.RingGroups;
import io.dialtone.did.entity.Did;
import io.dialtone.did.entity.RingGroup;
import io.dialtone.did.entity.RingStrategy;
import io.dialtone.extension.control.ExtensionRefused;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /ringgroups/edit.xhtml?id=}: one ring group of the caller's account, or a new one without
 * an id: its name, how it rings, its ring time, its members typed as extension numbers in ringing
 * order, its continuity destination. {@link RingGroups} checks every value and the id (404).
 */
@Named
@ViewScoped
public class RingGroupEditBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The longest member list typed: 20 six-digit numbers with separators, and some slack. */
  static final int MEMBERS_TEXT_MAX = 200;

  @Inject transient RingGroups ringGroups;

  private Long id;
  private boolean loaded;
  private List<MemberOption> choices = List.of();

  @Size(max = RingGroup.NAME_MAX)
  private String name;

  private RingStrategy strategy = RingStrategy.SIMULTANEOUS;
  private Integer ringSeconds = 20;

  @Size(max = MEMBERS_TEXT_MAX)
  private String members;

  @Size(max = Did.DESTINATION_MAX)
  private String destination;

  /** A live extension of the account, as the hint lists it. */
  public record MemberOption(String number, String name) implements Serializable {}

  public void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    choices =
        ringGroups.memberChoices().stream()
            .map(e -> new MemberOption(e.number().digits(), e.displayName()))
            .toList();
    if (id != null) {
      RingGroupView group = ringGroups.get(id);
      name = group.name();
      strategy = group.strategy();
      ringSeconds = group.ringSeconds();
      members = group.memberNumbers();
      destination = group.continuity();
    }
  }

  public String save() {
    try {
      ringGroups.save(id, new RingGroupDraft(name, strategy, ringSeconds, members, destination));
    } catch (DidRefused | ExtensionRefused e) {
      Messages.refusal(e);
      return null;
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    Messages.addGlobalInfo("ring_groups_edit.saved", name.strip());
    return "/ringgroups/index.xhtml?faces-redirect=true";
  }

  public RingStrategy[] getStrategies() {
    return RingStrategy.values();
  }

  public List<MemberOption> getChoices() {
    return choices;
  }

  public boolean isCreating() {
    return id == null;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public RingStrategy getStrategy() {
    return strategy;
  }

  public void setStrategy(RingStrategy strategy) {
    this.strategy = strategy;
  }

  public Integer getRingSeconds() {
    return ringSeconds;
  }

  public void setRingSeconds(Integer ringSeconds) {
    this.ringSeconds = ringSeconds;
  }

  public String getMembers() {
    return members;
  }

  public void setMembers(String members) {
    this.members = members;
  }

  public String getDestination() {
    return destination;
  }

  public void setDestination(String destination) {
    this.destination = destination;
  }
}
