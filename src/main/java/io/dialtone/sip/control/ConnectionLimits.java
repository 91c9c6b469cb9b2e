package io.dialtone.sip.control;

import java.time.Duration;

/**
 * Bounds on the TCP and TLS connections of the SIP ports: a connection costs memory but no thread,
 * and these keep one source, or a crowd of idle sockets, from holding them all.
 *
 * @param perSource connections one source address may hold at once
 * @param total connections all sources may hold at once
 * @param handshake how long a TLS client has to complete its handshake
 * @param idle how long a connection on which nothing registered may stay silent
 * @param registeredIdle how long a connection that carried a successful REGISTER may stay silent
 */
public record ConnectionLimits(
    int perSource, int total, Duration handshake, Duration idle, Duration registeredIdle) {}
