/**
 * Who may sign in and how: users, their roles, passwords, TOTP second factor, recovery codes,
 * one-time links (first-run setup), lockout, and the Jakarta Security authentication mechanism.
 * Owns {@code app_user}, {@code user_role}, {@code recovery_code}, {@code one_time_token}. Calls
 * {@code account} (a user belongs to an account), {@code audit} and {@code platform}.
 */
package io.dialtone.identity;
