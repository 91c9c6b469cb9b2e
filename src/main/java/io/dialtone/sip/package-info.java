/**
 * The embedded SIP registrar: transport behind its own seam ({@code javax.sip} with the NIST
 * reference implementation), REGISTER per RFC 3261 §10.3, digest authentication (SHA-256 then MD5,
 * RFC 8760) with HMAC-signed per-challenge nonces, per-source flood and brute-force bans, and the
 * location service holding the bindings.
 *
 * <p>And the stateful proxy's SIP half: an authenticated INVITE (407, {@code Proxy-Authorization})
 * of a registered extension is handed to {@code control.CallHandler}, which {@code call}
 * implements, as a {@code control.ProxiedCall} (forward on branches, fail, hang up) whose
 * transactions {@code boundary.JainSipProxy} keeps on the RI's transaction layer; {@code
 * control.SipContacts} tells call control where an extension's phones are, {@code
 * control.OptionsPing} pings a carrier. A phone on TCP or TLS is reached down its own connection
 * for the whole call ({@code boundary.DialogRoute}, RFC 5626 style), and a forwarded call's branch
 * may name where it was forwarded from ({@code control.Diversion}). This component knows no call
 * logic.
 *
 * <p>The portal reads the registrar's state through {@code control.LocationService} (live bindings
 * of an extension) and {@code control.SourceBans} (current bans, lifting one); it learns that an
 * extension went offline from the {@code control.DeviceOffline} event.
 *
 * <p>Reads credentials through its own {@code control.CredentialSource}, which {@code extension}
 * implements; calls {@code account}, {@code audit}, the kernel, {@code notification} and {@code
 * platform} (configuration, keystore, clock). Is called by the extension pages and the platform
 * administrator's ban page.
 *
 * <p>Portal side: {@code control.BanAdministration} (the bans page, {@code MANAGE_SIP_BANS},
 * audited), {@code control.RegistrarEvents} (audits bans, hands the registrar's events to the
 * managed executor) and {@code control.SipNotices} (tells the platform administrators of a ban
 * through {@code notification}, once per ban); {@code boundary.sip.BansBacking}; {@code
 * boundary.RegistrationRow} for the extension pages. The notices about one extension (password
 * guessing, devices offline) are composed by {@code extension} from the {@code FailureBurst} and
 * {@code DeviceOffline} events fired here: this component knows no extension.
 *
 * <p>Calls: account, audit, kernel, notification, platform, trunk.
 */
package io.dialtone.sip;
