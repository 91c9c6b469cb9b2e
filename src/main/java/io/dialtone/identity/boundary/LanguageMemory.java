package io.dialtone.identity.boundary;

import io.dialtone.identity.control.UserLanguages;
import io.dialtone.platform.control.LanguageSwitched;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A signed-in user's language switch is for good: stored as their language. An agent acting as a
 * customer changes only their own session, never the customer administrator's language.
 */
@ApplicationScoped
public class LanguageMemory {

  @Inject CurrentUser currentUser;
  @Inject UserLanguages languages;

  void remember(@Observes LanguageSwitched switched) {
    currentUser
        .get()
        .filter(user -> !user.isImpersonating())
        .ifPresent(user -> languages.choose(user.userId(), switched.language()));
  }
}
