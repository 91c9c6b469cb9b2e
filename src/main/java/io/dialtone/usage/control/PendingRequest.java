package io.dialtone.usage.control;

import io.dialtone.usage.entity.LimitRequest;
import java.math.BigDecimal;

/** A pending limit request as its approver sees it: the account and the cap granted now. */
public record PendingRequest(
    LimitRequest request,
    String accountName,
    String accountNumber,
    String currency,
    BigDecimal currentCap) {}
