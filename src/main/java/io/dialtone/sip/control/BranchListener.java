package io.dialtone.sip.control;

/**
 * What happens on one {@link Branch}; called on SIP worker threads, one event at a time per call.
 */
public interface BranchListener {

  /** A provisional answer (180, 183...; not 100), already passed on to the caller. */
  void ringing(int status);

  /** A 2xx, already passed on to the caller: the call is answered on this branch. */
  void answered();

  /**
   * A final failure: the status the target answered, or 0 when it did not answer in time (no answer
   * within the target's {@code noAnswer}, Timer B or C) or could not be reached.
   */
  void failed(int status);
}
