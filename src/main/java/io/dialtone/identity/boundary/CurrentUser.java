package io.dialtone.identity.boundary;

import io.dialtone.kernel.control.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The signed-in user of this request, for pages ({@code #{currentUser}}) and boundaries. */
@Named
@RequestScoped
public class CurrentUser {

  @Inject HttpServletRequest request;

  public Optional<SignedInUser> get() {
    return AuthSession.signedIn(request);
  }

  /** The signed-in user; pages behind the login constraint always have one. */
  public SignedInUser require() {
    return get().orElseThrow(() -> new IllegalStateException("no signed-in user"));
  }

  /**
   * After the user changed their own credentials: the session continues under a new id with {@code
   * updated} (its new session epoch), while every other session of the user has ended.
   */
  public void replace(SignedInUser updated) {
    AuthSession.completeSignIn(request, updated);
  }

  public boolean isSignedIn() {
    return get().isPresent();
  }

  public String getDisplayName() {
    return get()
        .map(
            u -> u.displayName() == null || u.displayName().isBlank() ? u.email() : u.displayName())
        .orElse("");
  }
}
