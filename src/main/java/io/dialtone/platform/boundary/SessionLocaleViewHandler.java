package io.dialtone.platform.boundary;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/**
 * Every view starts in the session's language ({@link LocaleBacking}), not the browser's: a view's
 * locale is calculated when the view root is created, before view parameters and view actions run,
 * whereas the layout's {@code <f:view locale>} applies only when the page renders. Without this, a
 * message or a number formatted in a view action of a GET request would follow Accept-Language.
 */
public class SessionLocaleViewHandler extends ViewHandlerWrapper {

  public SessionLocaleViewHandler(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public Locale calculateLocale(FacesContext context) {
    return CDI.current().select(LocaleBacking.class).get().getLocale();
  }
}
