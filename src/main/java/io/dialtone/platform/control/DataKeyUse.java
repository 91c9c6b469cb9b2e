package io.dialtone.platform.control;

/**
 * One key of the ring as the keys page shows it.
 *
 * @param keyId the key's id
 * @param state where it stands
 * @param uses how many stored secrets are encrypted with it now
 */
public record DataKeyUse(String keyId, DataKeyState state, long uses) {}
