package io.dialtone.identity.control;

/**
 * The action needs a recent step-up (SECURITY.md C6) and the caller has none: boundaries answer it
 * with the step-up prompt ({@code <dt:stepUp>}) and retry the action after a successful step-up.
 * Thrown before anything was changed.
 */
public class StepUpRequired extends Exception {

  private static final long serialVersionUID = 1L;

  public StepUpRequired() {
    super("a recent step-up is required");
  }
}
