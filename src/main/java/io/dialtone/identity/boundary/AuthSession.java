package io.dialtone.identity.boundary;

import io.dialtone.kernel.control.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * The sign-in state kept in the HTTP session: either a user who passed the password step only (and
 * may reach nothing but the second-factor step), or a fully signed-in user.
 */
final class AuthSession {

  private static final String PENDING = "dialtone.pendingMfa";
  private static final String SIGNED_IN = SignedInUser.SESSION_ATTRIBUTE;

  /** The password step passed at {@code at} for user {@code userId}. */
  record PendingMfa(long userId, Instant at) implements Serializable {}

  private AuthSession() {}

  static Optional<PendingMfa> pending(HttpServletRequest request) {
    return attribute(request, PENDING, PendingMfa.class);
  }

  static Optional<SignedInUser> signedIn(HttpServletRequest request) {
    return SignedInUser.in(request.getSession(false));
  }

  /** After the password step: a new session id, and only the MFA step reachable. */
  static void startPending(HttpServletRequest request, long userId, Instant now) {
    HttpSession session = request.getSession(true);
    request.changeSessionId();
    session.removeAttribute(SIGNED_IN);
    session.setAttribute(PENDING, new PendingMfa(userId, now));
  }

  /** After the second factor: a new session id again, and the user signed in. */
  static void completeSignIn(HttpServletRequest request, SignedInUser user) {
    HttpSession session = request.getSession(true);
    request.changeSessionId();
    session.removeAttribute(PENDING);
    session.setAttribute(SIGNED_IN, user);
  }

  static void clearPending(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(PENDING);
    }
  }

  private static <T> Optional<T> attribute(HttpServletRequest request, String name, Class<T> type) {
    HttpSession session = request.getSession(false);
    return session == null
        ? Optional.empty()
        : Optional.ofNullable(session.getAttribute(name)).map(type::cast);
  }
}
