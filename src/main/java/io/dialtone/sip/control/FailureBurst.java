package io.dialtone.sip.control;

import java.time.Instant;

/**
 * Fired (CDI) when one extension saw a burst of failed digest authentications from anywhere:
 * someone is guessing its password. The registrar does not lock the extension (that would lock the
 * real phones out); the portal tells the customer, at most once per extension and burst window.
 *
 * @param accountId the extension's account
 * @param extensionId the extension
 * @param extensionNumber its number, for the notice
 * @param failures failures counted in the window
 * @param since start of the window
 */
public record FailureBurst(
    long accountId, long extensionId, String extensionNumber, int failures, Instant since) {}
