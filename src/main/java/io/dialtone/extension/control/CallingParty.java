package io.dialtone.extension.control;

import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;

/**
 * A live extension as call control sees it.
 *
 * @param active whether it may call and be called (not disabled)
 * @param callerId the DID it presents on outbound calls, or {@code null} for its account's default
 */
public record CallingParty(
    long id, AccountId account, ExtensionNumber number, boolean active, E164Number callerId) {}
