package io.dialtone.extension.control;

import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.util.List;

/**
 * The calls in progress on the extensions, for the extension pages. Implemented by call control,
 * which sits above this component (this component never calls it). Kept in memory per node: a call
 * carried by another node is not listed.
 */
public interface LiveCalls {

  /** The calls of {@code extension} of {@code account} in progress now, oldest first. */
  List<LiveCall> of(AccountId account, ExtensionNumber extension);
}
