/**
 * Who may sign in and how: users, their roles, passwords, TOTP second factor, recovery codes,
 * one-time links (first-run setup, password reset), password changes and history, lockout, per-IP
 * throttling of the public sign-in and reset endpoints, support impersonation (an agent acting as a
 * customer administrator, time-boxed), and the Jakarta Security authentication mechanism. Owns
 * {@code app_user}, {@code user_role}, {@code recovery_code}, {@code one_time_token}, {@code
 * password_history}. Calls {@code account} (a user belongs to an account), {@code audit}, the
 * kernel (the caller, the access check), {@code notification} (security notices by e-mail; the
 * signed-in user's notice centre, {@code control.NoticeCentre} and {@code /notices/index.xhtml},
 * over its {@code PortalNotices}) and {@code platform}.
 *
 * <p>Calls: account, audit, kernel, notification, platform.
 */
package io.dialtone.identity;
