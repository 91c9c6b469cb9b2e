package io.dialtone.platform.control;

/**
 * Fired (synchronously, on the node that finished it) when a rotation has moved every stored secret
 * to {@code targetKeyId}; the audit trail records it.
 *
 * @param rotationId the rotation's row
 * @param targetKeyId the key every secret is encrypted with now
 * @param rewritten how many values the rotation re-encrypted, over all nodes and restarts
 * @param startedBy who started it, as the audit trail names actors
 */
public record DataKeyRotationFinished(
    long rotationId, String targetKeyId, long rewritten, String startedBy) {}
