package io.dialtone.sip.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires the registrar's CDI events to both kinds of observers: synchronous ones ({@code @Observes},
 * on the registrar's thread) and asynchronous ones ({@code @ObservesAsync}). An observer's failure
 * is logged and never reaches the SIP request.
 */
@ApplicationScoped
public class SipEvents {

  private static final Logger LOG = Logger.getLogger(SipEvents.class.getName());

  @Inject Event<SourceBanned> banned;
  @Inject Event<FailureBurst> bursts;
  @Inject Event<DeviceOffline> offline;
  @Inject Event<BindingsChanged> changes;

  public void fire(SourceBanned event) {
    fire(banned, event);
  }

  public void fire(FailureBurst event) {
    fire(bursts, event);
  }

  public void fire(DeviceOffline event) {
    fire(offline, event);
  }

  public void fire(BindingsChanged event) {
    fire(changes, event);
  }

  private static <T> void fire(Event<T> channel, T event) {
    try {
      channel.fire(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "an observer of " + event + " failed", e);
    }
    channel
        .fireAsync(event)
        .exceptionally(
            e -> {
              LOG.log(Level.WARNING, "an asynchronous observer of " + event + " failed", e);
              return null;
            });
  }
}
