/**
 * Notices: the one way any component tells a user something. A notice goes to the user's notice
 * page ({@code /notices/index.xhtml}, with the bell's unread count) and, for most kinds, by e-mail;
 * the kinds that carry a one-time link go by e-mail only. Texts come from the application bundle
 * ({@code mail.<kind>.subject} / {@code .body}) in the recipient's language.
 *
 * <p>Owns {@code portal_notice}, the one store: one row per recipient, about one account, unread
 * until its recipient marks it read; a dedupe key keeps a notice once per recipient and key ({@code
 * control.PortalNotices}). Other components call {@link
 * io.dialtone.notification.boundary.Notifications} ({@code post}: notice page and mail; {@code
 * send}: mail only) with the recipients that {@link
 * io.dialtone.notification.control.NoticeRecipients} gives them; that interface is implemented by
 * {@code identity}, which owns the users, so this component reads no user table. {@code
 * control.NoticeCentre} reads and marks the signed-in user's own notices for the pages. It calls
 * {@code platform} and {@code kernel}, nothing else.
 *
 * <p>Rule: a mail is sent after the caller's transaction commits, on a managed thread. The business
 * change never waits for, nor fails with, the mail server: a send that fails is logged at SEVERE
 * (recipient and subject, never the body, which may hold a one-time link) and not retried. Without
 * an SMTP server ({@code DIALTONE_SMTP_HOST} unset) each message is saved as an owner-only {@code
 * .eml} file in the outbox folder ({@code DIALTONE_MAIL_OUTBOX}) so a local user can follow its
 * links.
 *
 * <p>Calls: kernel, platform.
 */
package io.dialtone.notification;
