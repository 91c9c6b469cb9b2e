package io.dialtone.sip.control;

import java.time.Instant;

/**
 * Fired (CDI, asynchronous observers welcome) when the last live binding of an extension expired or
 * was removed by the phone: nothing is registered for it any more.
 *
 * @param accountId the extension's account
 * @param extensionId the extension
 * @param extensionNumber the extension's number, for the notice
 * @param lastSeen when its last binding was last refreshed
 */
public record DeviceOffline(
    long accountId, long extensionId, String extensionNumber, Instant lastSeen) {}
