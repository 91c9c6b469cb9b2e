package io.dialtone.sip.control;

import java.time.Instant;

/**
 * A live binding of an extension, as other components may read it.
 *
 * @param contact the Contact URI
 * @param transport {@code UDP}, {@code TCP} or {@code TLS}
 * @param source the address its REGISTER came from, {@code ip:port}
 * @param refreshedAt when its last REGISTER was accepted
 */
public record RegisteredContact(
    String contact, String transport, String source, Instant refreshedAt) {}
