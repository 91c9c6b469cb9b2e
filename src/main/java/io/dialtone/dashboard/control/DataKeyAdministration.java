package io.dialtone.dashboard.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.AccountScope;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.control.DataCipher;
import io.dialtone.platform.control.DataKeyRotation;
import io.dialtone.platform.control.DataKeyUse;
import io.dialtone.platform.control.Refusal;
import io.dialtone.platform.control.RotationProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/**
 * The platform administrator's side of the data key ring ({@code MANAGE_DATA_KEYS}): the keys with
 * their use counts, the latest rotation's progress, starting a rotation and retiring a key. Anyone
 * else is refused (audited, answered 404 by the page). Starting and retiring are audited, refused
 * attempts too; the end of a rotation is audited by the audit component.
 */
@ApplicationScoped
public class DataKeyAdministration {

  @Inject AccessControl access;
  @Inject AuditTrail audit;
  @Inject DataKeyRotation rotation;
  @Inject HttpServletRequest request;

  /** Every key of the ring with how many secrets use it. */
  public List<DataKeyUse> keys() {
    access.require(Permission.MANAGE_DATA_KEYS);
    return rotation.keys();
  }

  /** The latest rotation, running or finished. */
  public Optional<RotationProgress> latestRotation() {
    access.require(Permission.MANAGE_DATA_KEYS);
    return rotation.latest();
  }

  /**
   * Makes {@code keyId} current and starts moving every stored secret to it (in the background).
   *
   * @throws Refusal as {@link DataKeyRotation#start}
   */
  public RotationProgress rotateTo(String keyId) {
    SignedInUser caller = access.require(Permission.MANAGE_DATA_KEYS);
    try {
      RotationProgress started = rotation.start(keyId, caller.actor());
      record(caller, AuditAction.DATA_KEY_ROTATION_STARTED, AuditResult.SUCCESS, keyId, "started");
      return started;
    } catch (Refusal refused) {
      record(
          caller,
          AuditAction.DATA_KEY_ROTATION_STARTED,
          AuditResult.FAILURE,
          keyId,
          "refused: " + refused.getMessage());
      throw refused;
    }
  }

  /**
   * Retires {@code keyId}.
   *
   * @throws Refusal as {@link DataKeyRotation#retire}
   */
  public void retire(String keyId) {
    SignedInUser caller = access.require(Permission.MANAGE_DATA_KEYS);
    try {
      rotation.retire(keyId);
      record(caller, AuditAction.DATA_KEY_RETIRED, AuditResult.SUCCESS, keyId, "retired");
    } catch (Refusal refused) {
      record(
          caller,
          AuditAction.DATA_KEY_RETIRED,
          AuditResult.FAILURE,
          keyId,
          "refused: " + refused.getMessage());
      throw refused;
    }
  }

  private void record(
      SignedInUser caller, AuditAction action, AuditResult result, String keyId, String detail) {
    audit.record(
        AuditRecord.builder(action, result)
            .actor(caller.actor())
            .onBehalfOf(caller.onBehalfOf())
            .account(AccountScope.PLATFORM_ACCOUNT_ID)
            .target("data-key:" + (DataCipher.isKeyId(keyId) ? keyId : "(not a key id)"))
            .sourceIp(request.getRemoteAddr())
            .detail(detail)
            .build());
  }
}
