/**
 * Who may sign in and how: users, their roles, passwords, TOTP second factor, recovery codes,
 * one-time links (first-run setup, password reset), password changes and history, lockout, per-IP
 * throttling of the public sign-in and reset endpoints, support impersonation (an agent acting as a
 * customer administrator, time-boxed), and the Jakarta Security authentication mechanism. Owns
 * {@code app_user}, {@code user_role}, {@code recovery_code}, {@code one_time_token}, {@code
 * password_history}. Calls {@code account} (a user belongs to an account), {@code audit}, {@code
 * notification} (security notices by e-mail) and {@code platform}. Implements {@code
 * notification}'s {@code NoticeRecipients} ({@code control.Recipients}): who every component's
 * notices go to, and in which language.
 *
 * <p>Calls: account, audit, kernel, notification, platform.
 */
package io.dialtone.identity;
