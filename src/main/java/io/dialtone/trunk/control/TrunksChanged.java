package io.dialtone.trunk.control;

/**
 * Fired when a trunk is created, changed, enabled, disabled or deleted; observed after commit by
 * {@link TrunkDirectory} to reload.
 *
 * @param trunkId the trunk that changed
 */
public record TrunksChanged(long trunkId) {}
