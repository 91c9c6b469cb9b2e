package io.dialtone.sip.control;

import io.dialtone.sip.entity.Ban;
import java.util.List;

/**
 * The registrar's current bans of source addresses. No permission check here: callers from the
 * portal check the platform administrator's permission and audit the lifting.
 */
public interface SourceBans {

  /** Bans in force now, most recent first. */
  List<Ban> current();

  /** Lifts the ban on {@code address} and forgets its failure count; false if it had none. */
  boolean lift(String address);
}
