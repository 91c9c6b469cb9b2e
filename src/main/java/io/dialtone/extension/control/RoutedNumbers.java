package io.dialtone.extension.control;

import io.dialtone.kernel.entity.E164Number;
import java.util.List;

/**
 * The DIDs (telephone numbers) that ring an extension, for the PIN policy's "not the DID's last
 * digits" rule. Implemented by the DID component, which owns the numbers and calls this component
 * (never the other way): the extension component reads no DID table. Joins the caller's transaction
 * and checks no permission.
 */
public interface RoutedNumbers {

  /** The numbers routed to {@code extensionId}; may be empty. */
  List<E164Number> numbersRoutedTo(long extensionId);
}
