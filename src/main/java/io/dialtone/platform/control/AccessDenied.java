package io.dialtone.platform.control;

/**
 * Thrown by a control when the caller may not see or do something. Pages answer it with 404 (not
 * 403), so a refusal reveals nothing about what exists. The message is for the log, never shown.
 */
public class AccessDenied extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AccessDenied(String reason) {
    super(reason);
  }
}
