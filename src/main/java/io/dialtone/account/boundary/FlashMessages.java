package io.dialtone.account.boundary;

import io.dialtone.platform.boundary.Messages;
import jakarta.faces.context.FacesContext;

/** A global information message that survives the redirect after a successful form. */
final class FlashMessages {

  private FlashMessages() {}

  static void info(String key, Object... args) {
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    Messages.addGlobalInfo(key, args);
  }
}
