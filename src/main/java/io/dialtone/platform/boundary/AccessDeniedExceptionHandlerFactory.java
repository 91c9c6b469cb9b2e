package io.dialtone.platform.boundary;

import io.dialtone.platform.control.AccessDenied;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Turns an {@link AccessDenied} thrown anywhere in a Faces request into a plain 404 (SECURITY.md
 * F2, STYLE.md 11: 403 shown as 404), answered by the translated not-found page.
 */
public class AccessDeniedExceptionHandlerFactory extends ExceptionHandlerFactory {

  public AccessDeniedExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  private static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      FacesContext faces = FacesContext.getCurrentInstance();
      for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
          events.hasNext(); ) {
        if (isAccessDenied(events.next().getContext().getException())) {
          events.remove();
          notFound(faces);
        }
      }
      getWrapped().handle();
    }

    private static boolean isAccessDenied(Throwable exception) {
      for (Throwable t = exception; t != null; t = t.getCause()) {
        if (t instanceof AccessDenied) {
          return true;
        }
      }
      return false;
    }

    private static void notFound(FacesContext faces) {
      if (faces.getResponseComplete()) {
        return;
      }
      try {
        faces.getExternalContext().responseSendError(404, null);
        faces.responseComplete();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
