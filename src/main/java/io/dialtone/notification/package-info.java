/**
 * E-mail to users: security notices (password changed, reset link, ...), rendered in the
 * recipient's language from the application bundle ({@code mail.<kind>.subject} / {@code .body}).
 *
 * <p>Owns {@code portal_notice}: the notice centre of every user, the portal twin of a notice sent
 * with {@code Notifications.tell}, in the recipient's language, unread until they mark it read.
 * Other components call {@link io.dialtone.notification.boundary.Notifications} only; {@code
 * identity.control.NoticeCentre} reads and marks the signed-in user's notices through {@code
 * control.PortalNotices}. It calls nothing but the JDK and Jakarta EE.
 *
 * <p>Rule: a notice is sent after the caller's transaction commits, on a managed thread. The
 * business change never waits for, nor fails with, the mail server: a send that fails is logged at
 * SEVERE (recipient and subject, never the body, which may hold a one-time link) and not retried.
 * Without an SMTP server ({@code DIALTONE_SMTP_HOST} unset) each message is saved as an owner-only
 * {@code .eml} file in the outbox folder ({@code DIALTONE_MAIL_OUTBOX}) so a local user can follow
 * its links.
 *
 * <p>Calls: nothing.
 */
package io.dialtone.notification;
