package io.dialtone.extension.control;

import io.dialtone.kernel.entity.E164Number;
import java.util.List;

/**
 * The telephone numbers (DIDs) an account holds, which an extension may present as its outbound
 * caller ID. Implemented by the DID component, which owns the numbers and calls this component
 * (never the other way). Joins the caller's transaction and checks no permission.
 */
public interface AccountNumbers {

  /** The numbers {@code accountId} holds, in order; may be empty. */
  List<E164Number> numbersHeldBy(long accountId);
}
