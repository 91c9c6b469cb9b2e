package io.dialtone.cdr.control;

import io.dialtone.kernel.entity.Money;
import java.time.LocalDate;

/**
 * A call record ready to store: rated ({@code cost}: {@code null} for an answered outbound call
 * without a rate), its totals' {@code day} (the account's calendar day of its start) and the id of
 * the extension that holds its number ({@code null}: none).
 */
public record PendingCall(
    CallRecord call, Money cost, String currency, LocalDate day, Long extensionId) {}
