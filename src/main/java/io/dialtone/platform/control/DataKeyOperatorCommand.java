package io.dialtone.platform.control;

/**
 * Fired (synchronously, once over all nodes) when a node's rotation job first sees a change the
 * operator made with the command line ({@code bin/dialtone rotate-keys} or {@code retire-key}),
 * which cannot append to the audit trail itself; the audit trail records it.
 *
 * @param retirement true for {@code retire-key}, false for {@code rotate-keys}
 * @param keyId the rotation's target, or the retired key
 * @param by who made it, as the audit trail names actors
 */
public record DataKeyOperatorCommand(boolean retirement, String keyId, String by) {

  /** The actor a command-line change is recorded with. */
  public static final String OPERATOR = "operator";
}
