package io.dialtone.sip.control;

import java.time.Instant;

/**
 * Fired (CDI, asynchronous observers welcome) by call control when a call forked to an extension's
 * registered contacts reached none of them: every branch failed with a timeout, a transport error
 * or a server error. The phone is registered but cannot be reached, as good as offline for the
 * caller.
 *
 * @param accountId the extension's account
 * @param extensionId the extension
 * @param extensionNumber the extension's number, for the notice
 * @param at when the last branch failed
 */
public record ContactsUnreachable(
    long accountId, long extensionId, String extensionNumber, Instant at) {}
