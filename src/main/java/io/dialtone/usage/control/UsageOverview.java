package io.dialtone.usage.control;

import io.dialtone.cdr.control.DailyUsage;
import io.dialtone.cdr.control.Usage;
import io.dialtone.notification.control.NoticeView;
import io.dialtone.usage.entity.LimitRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * What the usage page shows of one account: its caps, its usage today and this month (each day of
 * the month so far), calls in progress, its extensions' caps, its limit requests and the notices
 * about it that the viewer received.
 */
public record UsageOverview(
    long accountId,
    String accountName,
    String currency,
    CapSet caps,
    LocalDate today,
    Usage todayUsage,
    Usage monthUsage,
    List<DailyUsage> monthDays,
    int activeCalls,
    SortedMap<String, Integer> extensionCaps,
    List<LimitRequest> requests,
    List<NoticeView> notices) {}
