package io.dialtone.platform.boundary;

import io.dialtone.platform.control.LanguageSwitched;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.event.Event;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The visitor's language for this session: English or French.
 *
 * <p>The first request of the session picks the first supported language in the browser's
 * Accept-Language list, else English; a signed-in user's own language replaces it at sign-in, and
 * the layout's language switch changes it afterwards (announced as {@link LanguageSwitched}, so the
 * user's choice is kept for good). Locales carry the language only, so every visitor of one
 * language sees the same texts and formats.
 */
@Named
@SessionScoped
public class LocaleBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Supported languages, ISO 639 codes; the first one is the fallback. */
  static final List<String> LANGUAGES = List.of("en", "fr");

  private static final Locale FALLBACK = Locale.of(LANGUAGES.getFirst());
  private static final String ACCEPT_LANGUAGE = "Accept-Language";
  private static final String REDIRECT_TO_SAME_VIEW = "?faces-redirect=true&includeViewParams=true";

  @Inject Event<LanguageSwitched> switched;

  private Locale locale = FALLBACK;

  @PostConstruct
  void startFromBrowser() {
    var context = FacesContext.getCurrentInstance();
    if (context != null) {
      locale = preferred(context.getExternalContext());
    }
  }

  public Locale getLocale() {
    return locale;
  }

  /** The ISO 639 code of the current language, e.g. for {@code <html lang>}. */
  public String getLanguage() {
    return locale.getLanguage();
  }

  /** Switches to a supported language; any other value (null, "de", garbage) is ignored. */
  public void setLanguage(String language) {
    if (language != null && LANGUAGES.contains(language)) {
      locale = Locale.of(language);
    }
  }

  public List<String> getLanguages() {
    return LANGUAGES;
  }

  /**
   * Action of the language switch: the visitor's language from now on, then the current page again,
   * in the new language, with a redirect (POST-redirect-GET) that keeps the page's view parameters.
   */
  public String switchTo(String language) {
    if (language != null && LANGUAGES.contains(language)) {
      setLanguage(language);
      switched.fire(new LanguageSwitched(language));
    }
    return FacesContext.getCurrentInstance().getViewRoot().getViewId() + REDIRECT_TO_SAME_VIEW;
  }

  private static Locale preferred(ExternalContext external) {
    // Without the header, the servlet container answers its own default locale: ignore it.
    if (external.getRequestHeaderMap().get(ACCEPT_LANGUAGE) == null) {
      return FALLBACK;
    }
    return negotiate(external.getRequestLocales());
  }

  /** The first of the browser's locales (best first) whose language is supported, else English. */
  static Locale negotiate(Iterator<Locale> accepted) {
    while (accepted.hasNext()) {
      var language = accepted.next().getLanguage();
      if (LANGUAGES.contains(language)) {
        return Locale.of(language);
      }
    }
    return FALLBACK;
  }
}
