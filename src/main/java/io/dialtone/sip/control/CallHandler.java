package io.dialtone.sip.control;

/**
 * What the SIP module hands an authenticated INVITE to: call control implements it (this component
 * knows no call logic). Called on a SIP worker thread once per new call; the implementation decides
 * where the call goes through {@link ProxiedCall} and must not block for long.
 */
public interface CallHandler {

  /**
   * A new call from {@code caller} (digest-authenticated, registered); it is answered through call.
   */
  void invited(SipUser caller, ProxiedCall call);

  /**
   * A new call from the carrier behind trunk {@code trunk} (the INVITE came from one of its
   * declared source addresses; no digest): to a DID of a customer, or answered 404.
   */
  void fromCarrier(String trunk, ProxiedCall call);
}
