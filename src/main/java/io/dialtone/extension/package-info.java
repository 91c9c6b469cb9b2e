/**
 * Extensions of a customer account: their numbers, types and users, their SIP digest credentials
 * (generated secrets shown once, stored only as AES-GCM encrypted SHA-256 and MD5 HA1 values per
 * account realm), voicemail PINs (hashed, history, lockout), call settings (maximum registrations,
 * continuity destination), the bulk CSV import and the registration history. Owns {@code
 * extension}, {@code voicemail_pin_history} and {@code registration_event}.
 *
 * <p>Calls {@code account} (the account and its number, for the realm), the kernel (access
 * control), {@code identity} (step-up, the password hasher for PINs, users for assignment), {@code
 * callpolicy} (an extension's class of service through {@code ExtensionPolicies}, continuity
 * destinations through {@code CallDecisions}), {@code audit}, {@code notification} (notices, with
 * recipients from its {@code NoticeRecipients}), {@code sip} (its events) and {@code platform}. The
 * registrar's {@code FailureBurst} and {@code DeviceOffline} events about an extension, and call
 * control's {@code ContactsUnreachable}, become notices here ({@code control.RegistrationEvents},
 * {@code control.RegistrationNotices}: offline alerts at most once per extension and hour); its
 * {@code BindingsChanged} batches become the registration history ({@code
 * control.RegistrationHistory}, purged daily by {@code control.RegistrationHistoryPurge}). The DID
 * page reads how a call would reach an extension through {@code control.ExtensionReaches}. The SIP
 * registrar calls {@code control.SipCredentials} and observes {@code
 * control.SipCredentialsChanged}; the voicemail system calls {@code
 * control.VoicemailPins#verifyPin} (by account and mailbox, with its caller source; per-source and
 * unknown-mailbox counts in memory). The bulk import runs on the managed executor ({@code
 * control.ImportJobs}). The DID component implements {@code control.RoutedNumbers} (the numbers
 * routed to an extension, for the PIN policy) and {@code control.AccountNumbers} (the numbers an
 * account holds: the choices and the check of an extension's outbound caller ID), and calls {@code
 * control.ContinuityDestinations} and {@code control.Extensions}; this component never calls it.
 * Call control reads the parties of a call through {@code control.CallingExtensions} (which also
 * stamps {@code last_call_at}) and implements {@code control.LiveCalls} (the calls in progress on
 * the edit page); this component never calls it either.
 *
 * <p>Calls: account, audit, callpolicy, identity, kernel, notification, platform, sip.
 */
package io.dialtone.extension;
