package io.dialtone.call.control;

import io.dialtone.cdr.control.ContinuityReason;
import io.dialtone.kernel.entity.ExtensionNumber;

/**
 * The service continuity of a call to an extension's phones ({@link RoutedCall}): what happens when
 * none of them can take the call. Called under the call's lock, on a SIP worker or timer thread.
 */
interface Fallback {

  /** No continuity: the caller gets the failure. */
  Fallback NONE =
      new Fallback() {
        @Override
        public boolean take(ContinuityReason reason, RoutedCall call) {
          return false;
        }

        @Override
        public void unreachable(ExtensionNumber extension) {
          // nobody to tell
        }
      };

  /**
   * The phones cannot take the call for {@code reason}: routes it on ({@link
   * RoutedCall#onwardToExtension}, {@link RoutedCall#onwardToTrunks}) or refuses it ({@link
   * RoutedCall#refuse}) and returns true; false when there is nowhere to go.
   */
  boolean take(ContinuityReason reason, RoutedCall call);

  /** Every registered phone of {@code extension} failed without any answer of a person. */
  void unreachable(ExtensionNumber extension);
}
