package io.dialtone.cdr.control;

/**
 * The call-record queue stayed full for the whole wait: the database does not keep up (or is down).
 * The record was not taken; the SIP side may retry it later (a retry is stored once, see {@link
 * CallRecorder}).
 */
public class CallRecorderBusy extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CallRecorderBusy(String message) {
    super(message);
  }
}
