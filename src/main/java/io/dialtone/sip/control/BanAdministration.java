package io.dialtone.sip.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.AccountScope;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.sip.entity.Ban;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The platform administrator's view of the registrar's bans ({@code MANAGE_SIP_BANS}): list them,
 * lift one. Anyone else is refused (audited, answered 404 by the page). Every lifting is audited,
 * also when the address had no ban (any more): it may have lapsed between the list and the click.
 */
@ApplicationScoped
@Transactional
public class BanAdministration {

  /** An IPv4 or IPv6 literal's characters; never resolved, only compared with the bans. */
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  @Inject SourceBans bans;
  @Inject AccessControl access;
  @Inject AuditTrail audit;
  @Inject HttpServletRequest request;

  /** The bans in force, most recent first. */
  public List<Ban> current() {
    access.require(Permission.MANAGE_SIP_BANS);
    return bans.current();
  }

  /** Lifts the ban on {@code address}; false when it had none (or is not an address). */
  public boolean lift(String address) {
    SignedInUser caller = access.require(Permission.MANAGE_SIP_BANS);
    String given = address == null ? "" : address.strip();
    boolean lifted = ADDRESS.matcher(given).matches() && bans.lift(given);
    audit.record(
        AuditRecord.builder(
                AuditAction.SIP_BAN_LIFTED, lifted ? AuditResult.SUCCESS : AuditResult.FAILURE)
            .actor(caller.actor())
            .onBehalfOf(caller.onBehalfOf())
            .account(AccountScope.PLATFORM_ACCOUNT_ID)
            .target("sip-source:" + given)
            .sourceIp(request.getRemoteAddr())
            .detail(lifted ? "ban lifted" : "no ban in force for this address")
            .build());
    return lifted;
  }
}
