package io.dialtone.notification.control;

import java.io.Serializable;
import java.time.Instant;

/**
 * One notice as every page shows it: its texts as written, in the recipient's language, when it was
 * written, and whether its recipient has read it.
 */
public record NoticeView(
    long id,
    NoticeKind kind,
    NoticeCategory category,
    String subject,
    String body,
    Instant createdAt,
    boolean unread)
    implements Serializable {}
