package io.dialtone.sip.boundary;

import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTlsMessageChannel;
import io.dialtone.sip.control.ConnectionLimits;
import io.dialtone.sip.control.SipHandler;
import java.io.IOException;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The TCP and TLS connections the SIP ports hold, and their bounds ({@link ConnectionLimits}): a
 * source that is banned or flooding, or already holds its share, is refused when it connects; the
 * sweep ends connections whose TLS handshake is overdue, that stayed silent too long (a connection
 * that registered may stay silent far longer than one that did not), or whose source was banned
 * since. A connection is ended by shutting its input: the library's selector thread then reads the
 * end of the stream and closes it as it closes any connection its peer ended (its own tables are
 * not safe to touch from another thread); one that is still open a sweep later is closed outright.
 */
final class Connections {

  private static final Logger LOG = Logger.getLogger(Connections.class.getName());

  private final ConnectionLimits limits;
  private final SipHandler handler;
  private final LongSupplier clock;
  private final ConcurrentHashMap<SocketChannel, Held> held = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, AtomicInteger> perSource = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Held> byPeer = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();

  /**
   * @param clock milliseconds, the library's time base ({@link System#currentTimeMillis()})
   */
  Connections(ConnectionLimits limits, SipHandler handler, LongSupplier clock) {
    this.limits = limits;
    this.handler = handler;
    this.clock = clock;
  }

  /**
   * Takes a connection just accepted from {@code socket}'s peer, or refuses it (the caller closes
   * it): the source is banned or flooding, holds {@code perSource} connections, or all sources hold
   * {@code total}.
   */
  boolean admit(SocketChannel socket) {
    Socket peer = socket.socket();
    String address = peer.getInetAddress().getHostAddress();
    if (!handler.mayConnect(address)) {
      return false;
    }
    AtomicInteger count = perSource.computeIfAbsent(address, a -> new AtomicInteger());
    if (count.incrementAndGet() > limits.perSource()) {
      count.decrementAndGet();
      return false;
    }
    if (total.incrementAndGet() > limits.total()) {
      total.decrementAndGet();
      count.decrementAndGet();
      return false;
    }
    Held connection = new Held(address, peer.getPort(), clock.getAsLong());
    held.put(socket, connection);
    byPeer.put(connection.key(), connection);
    return true;
  }

  /** Ties the library's channel to a connection taken by {@link #admit}. */
  void channel(SocketChannel socket, NioTcpMessageChannel channel) {
    Held connection = held.get(socket);
    if (connection != null) {
      connection.channel = channel;
    }
  }

  /** The library closed {@code socket}: it no longer counts. */
  void closed(SocketChannel socket) {
    Held connection = held.remove(socket);
    if (connection != null) {
      byPeer.remove(connection.key(), connection);
      total.decrementAndGet();
      AtomicInteger count = perSource.get(connection.address);
      if (count != null && count.decrementAndGet() <= 0) {
        perSource.remove(connection.address, count);
      }
    }
  }

  /** A REGISTER from {@code address}:{@code port} succeeded: its connection may idle longer. */
  void registered(String address, int port) {
    Held connection = byPeer.get(Held.key(address, port));
    if (connection != null) {
      connection.registered = true;
    }
  }

  /** Whether a connection from {@code address}:{@code port} is held and not being ended. */
  boolean open(String address, int port) {
    Held connection = byPeer.get(Held.key(address, port));
    return connection != null && connection.endedAt == 0;
  }

  /** Ends every connection of {@code address} (it was just banned). */
  void endAll(String address) {
    held.forEach(
        (socket, connection) -> {
          if (connection.address.equals(address)) {
            end(socket, connection);
          }
        });
  }

  /** Ends the connections that overstayed, and those of sources banned since they connected. */
  void sweep() {
    long now = clock.getAsLong();
    held.forEach(
        (socket, connection) -> {
          if (!socket.isOpen()) {
            closed(socket);
          } else if (connection.endedAt > 0) {
            if (now - connection.endedAt >= limits.handshake().toMillis()) {
              close(socket);
            }
          } else if (overstayed(connection, now) || !handler.mayConnect(connection.address)) {
            end(socket, connection);
          }
        });
  }

  /** Connections held now (all sources). */
  int count() {
    return total.get();
  }

  private boolean overstayed(Held connection, long now) {
    NioTcpMessageChannel channel = connection.channel;
    if (channel instanceof NioTlsMessageChannel tls
        && !tls.isHandshakeCompleted()
        && now - connection.since > limits.handshake().toMillis()) {
      return true;
    }
    long last =
        Math.max(connection.since, channel == null ? 0 : channel.getLastActivityTimestamp());
    long idle = (connection.registered ? limits.registeredIdle() : limits.idle()).toMillis();
    return now - last > idle;
  }

  private void end(SocketChannel socket, Held connection) {
    connection.endedAt = clock.getAsLong();
    try {
      socket.shutdownInput();
    } catch (IOException e) {
      close(socket);
    }
  }

  private void close(SocketChannel socket) {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "SIP connection could not be closed", e);
    }
    closed(socket);
  }

  /** One connection: its source, when it opened, whether it registered, when it was ended. */
  private static final class Held {
    final String address;
    final int port;
    final long since;
    volatile NioTcpMessageChannel channel;
    volatile boolean registered;
    volatile long endedAt;

    Held(String address, int port, long since) {
      this.address = address;
      this.port = port;
      this.since = since;
    }

    String key() {
      return key(address, port);
    }

    static String key(String address, int port) {
      return address + ' ' + port;
    }
  }
}
