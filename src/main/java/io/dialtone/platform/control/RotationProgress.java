package io.dialtone.platform.control;

import java.time.Instant;

/**
 * A rotation and how far it has come.
 *
 * @param id its row
 * @param targetKeyId the key secrets move to
 * @param running true until every secret is encrypted with the target
 * @param startedAt when it was started
 * @param startedBy who started it
 * @param finishedAt when it finished (null while running)
 * @param rewritten values re-encrypted so far
 * @param remaining values still under another key (0 once finished)
 */
public record RotationProgress(
    long id,
    String targetKeyId,
    boolean running,
    Instant startedAt,
    String startedBy,
    Instant finishedAt,
    long rewritten,
    long remaining) {}
