package io.dialtone.sip.control;

import java.util.List;

/**
 * Fired by the location service's write-behind (about once a second, on the sweeper's thread, never
 * a SIP thread) with the binding changes since the last one, oldest first; only when there are any.
 */
public record BindingsChanged(List<BindingChange> changes) {

  public BindingsChanged {
    changes = List.copyOf(changes);
  }
}
