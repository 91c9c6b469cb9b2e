package io.dialtone.platform.boundary;

import io.dialtone.platform.control.Refusal;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Faces messages from the application bundle, in the viewer's language. Java code names message
 * keys only; the words live in {@code io/dialtone/i18n/messages*.properties}.
 */
public final class Messages {

  public static final String BUNDLE = "io.dialtone.i18n.messages";

  private Messages() {}

  public static void addGlobalError(String key, Object... args) {
    add(null, FacesMessage.SEVERITY_ERROR, key, args);
  }

  public static void addGlobalInfo(String key, Object... args) {
    add(null, FacesMessage.SEVERITY_INFO, key, args);
  }

  /** An error for the input with client id {@code clientId} (used for validation results). */
  public static void addError(String clientId, String key, Object... args) {
    add(clientId, FacesMessage.SEVERITY_ERROR, key, args);
  }

  /**
   * Shows why {@code refusal} said no: each of its explanations as a global error, in order, with
   * {@link Refusal.Label} arguments translated. The one place refusals become page messages.
   */
  public static void refusal(Refusal refusal) {
    for (Refusal.Explanation explanation : refusal.explanations()) {
      Object[] arguments =
          explanation.arguments().stream()
              .map(a -> a instanceof Refusal.Label label ? text(label.key()) : a)
              .toArray();
      addGlobalError(explanation.key(), arguments);
    }
  }

  /** A global error that survives the redirect that follows. */
  public static void flashGlobalError(String key, Object... args) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().getFlash().setKeepMessages(true);
    addGlobalError(key, args);
  }

  public static String text(String key, Object... args) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, faces.getViewRoot().getLocale());
    try {
      String pattern = bundle.getString(key);
      return args.length == 0
          ? pattern
          : new java.text.MessageFormat(pattern, bundle.getLocale()).format(args);
    } catch (MissingResourceException e) {
      return "???" + key + "???";
    }
  }

  private static void add(
      String clientId, FacesMessage.Severity severity, String key, Object... args) {
    String text = text(key, args);
    FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
  }
}
