package io.dialtone.sip.boundary.sip;

import io.dialtone.platform.boundary.Messages;
import io.dialtone.sip.control.BanAdministration;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /sip/bans.xhtml}: the source addresses the SIP registrar bans now, with "lift" (platform
 * administrators; {@link BanAdministration} refuses everyone else, and the page answers 404).
 */
@Named
@ViewScoped
public class BansBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient BanAdministration administration;

  private List<BanRow> bans;

  public void load() {
    bans = administration.current().stream().map(BanRow::of).toList();
  }

  public void lift(BanRow ban) {
    if (administration.lift(ban.address())) {
      Messages.addGlobalInfo("sip_bans.lifted", ban.address());
    } else {
      Messages.addGlobalError("sip_bans.notBanned", ban.address());
    }
    load();
  }

  public List<BanRow> getBans() {
    return bans;
  }
}
