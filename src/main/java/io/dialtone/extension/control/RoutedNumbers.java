package io.dialtone.extension.control;

import java.util.List;

/**
 * The DIDs (telephone numbers) that ring an extension, for the PIN policy's "not the DID's last
 * digits" rule. Implemented by the DID component, which owns the numbers and calls this component
 * (never the other way): the extension component reads no DID table. Joins the caller's transaction
 * and checks no permission.
 */
public interface RoutedNumbers {

  /** The numbers routed to {@code extensionId}, in E.164 ({@code +16135550123}); may be empty. */
  List<String> numbersRoutedTo(long extensionId);
}
