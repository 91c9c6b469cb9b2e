package io.dialtone.usage.control;

import java.time.Duration;

/**
 * An account's maximum call duration changed on its limits page ({@link
 * UsageLimits#changeMaxCallMinutes}): {@code maxDuration} is what {@link CallDurations#maxDuration}
 * answers for the account from now on (the default when the setting was removed). Fired inside the
 * change's transaction; observe it {@code during = AFTER_SUCCESS}, so a cache of the durations
 * (call control asks for one on every call) never holds a value that was rolled back.
 */
public record MaxCallDurationChanged(long accountId, Duration maxDuration) {}
