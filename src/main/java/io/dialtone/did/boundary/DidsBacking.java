package io.dialtone.did.boundary;

import io.dialtone.did.control.DidAccess;
import io.dialtone.did.control.DidInventory;
import io.dialtone.did.control.DidRefused;
import io.dialtone.did.control.Dids;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /dids/index.xhtml}: the DIDs in the caller's scope (platform: the inventory; reseller: its
 * numbers and its customers'; customer: the account's), filtered by digits; platform administrators
 * add numbers there (a list or CSV, or a range). The controls check every action.
 */
@Named
@ViewScoped
public class DidsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The largest list or CSV text accepted (10,000 numbers with separators). */
  static final int NUMBERS_MAX = 300_000;

  @Inject transient Dids dids;
  @Inject transient DidInventory inventory;
  @Inject transient DidAccess access;

  private List<DidRow> rows;

  @Size(max = 32)
  private String filter;

  @Size(max = NUMBERS_MAX)
  private String numbers;

  @Size(max = 32)
  private String from;

  @Size(max = 32)
  private String to;

  public void load() {
    rows = dids.list(filter).stream().map(DidRow::of).toList();
  }

  public void search() {
    load();
  }

  public void addList() {
    try {
      int added = inventory.addList(numbers);
      Messages.addGlobalInfo("dids.added", added);
      numbers = null;
    } catch (DidRefused e) {
      Messages.refusal(e);
    }
    load();
  }

  public void addRange() {
    try {
      int added = inventory.addRange(from, to);
      Messages.addGlobalInfo("dids.added", added);
      from = null;
      to = null;
    } catch (DidRefused e) {
      Messages.refusal(e);
    }
    load();
  }

  public boolean isMayAdd() {
    return access.may(Permission.MANAGE_DID_INVENTORY);
  }

  public int getMaxRows() {
    return Dids.MAX_ROWS;
  }

  public List<DidRow> getRows() {
    return rows;
  }

  public String getFilter() {
    return filter;
  }

  public void setFilter(String filter) {
    this.filter = filter;
  }

  public String getNumbers() {
    return numbers;
  }

  public void setNumbers(String numbers) {
    this.numbers = numbers;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }
}
