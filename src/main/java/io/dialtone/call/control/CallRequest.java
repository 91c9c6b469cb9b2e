package io.dialtone.call.control;

import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.SipDomain;
import java.time.Instant;

/**
 * An authenticated INVITE from a phone: who calls (the digest user) and what they dialled.
 *
 * @param dialled the Request-URI user part as received (a short number, {@code +E.164}, {@code
 *     011...}, {@code 911}...)
 */
public record CallRequest(
    AccountId account,
    long extensionId,
    ExtensionNumber caller,
    SipDomain domain,
    String dialled,
    String callId,
    Instant at) {}
