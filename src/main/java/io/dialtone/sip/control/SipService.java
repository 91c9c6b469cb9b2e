package io.dialtone.sip.control;

import io.dialtone.trunk.control.TrunkDirectory;
import io.dialtone.trunk.control.TrunkRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registrar's answer to every request (SECURITY.md D1, D4, D5, D9), the same whoever the user
 * is: scanners are dropped and banned, a source over its rate ceiling is dropped, OPTIONS gets 200
 * (keep-alive) without looking at any user, ACK is absorbed, CANCEL gets 481; every other request
 * is digest-authenticated against the To user (REGISTER) or the From user (others) in that
 * address's domain (401 for a REGISTER, 407 for any other request). A banned source is answered
 * exactly as a wrong password. A new INVITE (no To tag) from a declared source address of an
 * enabled carrier trunk is a carrier's call: proxied without digest and without the source's rate
 * ceiling (call control answers 404 to a number that is no customer's DID); every other source
 * takes the digest path, which never looks at the called number, so it learns nothing of which
 * numbers exist. An authenticated REGISTER goes to the {@link Registrar}; an authenticated INVITE
 * from a registered extension is proxied (the transport hands it to {@link CallHandler}), from an
 * unregistered one gets 403; other authenticated requests get 501. Requests within a call (BYE,
 * ACK, CANCEL of a proxied INVITE) never come here: the transport routes them. A message the codec
 * could not read counts as a failure of its source and gets a plain 400 (nothing while the source
 * is banned or flooding); a flooding source is not even read, and a banned one may hold no
 * connection. Every failure logs one line ({@link FailureLog}) and is counted by the {@link
 * SourceGuard}.
 */
@ApplicationScoped
public class SipService implements SipHandler {

  /** User-Agent fragments of SIP scanners (lower case), SECURITY.md D5. */
  static final List<String> SCANNERS =
      List.of("friendly-scanner", "sipvicious", "sipcli", "vaxsipuseragent");

  static final String ALLOW = "REGISTER, OPTIONS, INVITE, ACK, CANCEL, BYE";

  @Inject DigestAuth auth;
  @Inject Registrar registrar;
  @Inject SourceGuard guard;
  @Inject BanLookup bans;
  @Inject FailureLog log;
  @Inject LocationService location;
  @Inject TrunkDirectory trunks;

  @Override
  public SipAnswer handle(SipRequest request) {
    String address = request.source().ip();
    if (scanner(request.userAgent())) {
      guard.scannerSeen(address, request.userAgent());
      log.failed(request, identity(request).user(), identity(request).host(), "scanner");
      return SipAnswer.drop();
    }
    if ("INVITE".equals(request.method())) {
      Optional<TrunkRoute> carrier = trunks.fromSource(address);
      if (carrier.isPresent()) {
        return SipAnswer.fromCarrier(carrier.get().name());
      }
    }
    boolean banned = false;
    if (!guard.admit(address)) {
      if (bans.flooding(address)) {
        return SipAnswer.drop();
      }
      banned = true;
    }
    return switch (request.method()) {
      case "ACK" -> SipAnswer.drop();
      case "OPTIONS" ->
          SipAnswer.of(
              200,
              new SipAnswer.Header("Allow", ALLOW),
              new SipAnswer.Header("Accept", "application/sdp"));
      case "CANCEL" -> SipAnswer.of(481);
      default -> authenticated(request, banned);
    };
  }

  @Override
  public SipAnswer malformed(SipRequest request) {
    String address = request.source().ip();
    if (scanner(request.userAgent())) {
      guard.scannerSeen(address, request.userAgent());
      log.failed(request, "", "", "scanner");
      return SipAnswer.drop();
    }
    guard.malformed(address);
    log.failed(request, "", "", "malformed");
    return bans.banned(address) || bans.flooding(address) ? SipAnswer.drop() : SipAnswer.of(400);
  }

  @Override
  public boolean readable(String address) {
    return !bans.flooding(address);
  }

  @Override
  public boolean mayConnect(String address) {
    return !bans.banned(address) && !bans.flooding(address);
  }

  private SipAnswer authenticated(SipRequest request, boolean banned) {
    SipRequest.SipAddress who = identity(request);
    String realm = who.host();
    DigestAuth.Outcome outcome = auth.authenticate(request, realm, who.user(), banned);
    if (outcome instanceof DigestAuth.Challenge challenge) {
      if (challenge.failure() != null) {
        guard.digestFailed(request.source().ip(), realm, who.user());
        log.failed(request, who.user(), realm, banned ? "banned" : challenge.failure());
      }
      return auth.challenge(request, realm, challenge.stale());
    }
    SipUser user = ((DigestAuth.Authenticated) outcome).user();
    SipAnswer answer =
        switch (request.method()) {
          case "REGISTER" -> registrar.register(request, user);
          // only a phone registered right now may call (a stolen secret alone does not do)
          case "INVITE" ->
              location.isRegistered(user.extensionId())
                  ? SipAnswer.proxy(user)
                  : SipAnswer.of(
                      403, new SipAnswer.Header("Warning", "399 dialtone \"Not registered\""));
          default -> SipAnswer.of(501);
        };
    if (answer.status() >= 300) {
      log.failed(request, who.user(), realm, Integer.toString(answer.status()));
    }
    return answer;
  }

  private static SipRequest.SipAddress identity(SipRequest request) {
    return "REGISTER".equals(request.method()) ? request.to() : request.from();
  }

  private static boolean scanner(String userAgent) {
    if (userAgent.isEmpty()) {
      return false;
    }
    String agent = userAgent.toLowerCase(Locale.ROOT);
    for (String scanner : SCANNERS) {
      if (agent.contains(scanner)) {
        return true;
      }
    }
    return false;
  }
}
