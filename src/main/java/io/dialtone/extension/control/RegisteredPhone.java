package io.dialtone.extension.control;

import java.time.Instant;

/**
 * A phone registered for an extension now: its contact, the transport it registered over and since
 * when (its registration in the history, else its last refresh).
 */
public record RegisteredPhone(String contact, String transport, Instant since) {}
