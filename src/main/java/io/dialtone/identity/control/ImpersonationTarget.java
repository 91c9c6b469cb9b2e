package io.dialtone.identity.control;

import java.io.Serializable;

/**
 * A customer account an agent may act for, as the start form shows it.
 *
 * @param active whether it and the accounts above it are active (a suspended one cannot be entered)
 */
public record ImpersonationTarget(long accountId, String name, String number, boolean active)
    implements Serializable {}
