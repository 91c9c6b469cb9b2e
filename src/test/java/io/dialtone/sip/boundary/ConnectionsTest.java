package io.dialtone.sip.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.sip.control.ConnectionLimits;
import io.dialtone.sip.control.SipAnswer;
import io.dialtone.sip.control.SipHandler;
import io.dialtone.sip.control.SipRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bounds on stream connections, on real loopback sockets and a hand-moved clock: the share of
 * one source and of all, the idle bounds with and without a registration, and bans.
 */
class ConnectionsTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final Set<String> banned = new HashSet<>();
  private final SipHandler handler =
      new SipHandler() {
        @Override
        public SipAnswer handle(SipRequest request) {
          throw new AssertionError();
        }

        @Override
        public SipAnswer malformed(SipRequest request) {
          throw new AssertionError();
        }

        @Override
        public boolean readable(String address) {
          return true;
        }

        @Override
        public boolean mayConnect(String address) {
          return !banned.contains(address);
        }
      };
  private final Connections connections =
      new Connections(
          new ConnectionLimits(
              3, 5, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(3720)),
          handler,
          now::get);
  private final List<SocketChannel> sockets = new ArrayList<>();
  private final ServerSocketChannel server;

  ConnectionsTest() throws IOException {
    server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
  }

  @AfterEach
  void close() throws IOException {
    for (SocketChannel socket : sockets) {
      socket.close();
    }
    server.close();
  }

  /** A connection from {@code source}, as the server accepted it. */
  private SocketChannel accepted(String source) throws IOException {
    SocketChannel client = SocketChannel.open();
    client.bind(new InetSocketAddress(source, 0));
    client.connect(server.getLocalAddress());
    sockets.add(client);
    SocketChannel accepted = server.accept();
    sockets.add(accepted);
    return accepted;
  }

  /** Whether the server side of a connection was ended (its input shut or the socket closed). */
  private static boolean ended(SocketChannel accepted) throws IOException {
    return !accepted.isOpen() || accepted.read(ByteBuffer.allocate(1)) < 0;
  }

  @Test
  void oneSourceHoldsItsShareAndAllSourcesTheTotal() throws IOException {
    for (int i = 0; i < 3; i++) {
      assertThat(connections.admit(accepted("127.0.0.21"))).isTrue();
    }
    assertThat(connections.admit(accepted("127.0.0.21"))).as("fourth of one source").isFalse();
    assertThat(connections.admit(accepted("127.0.0.22"))).isTrue();
    assertThat(connections.admit(accepted("127.0.0.23"))).isTrue();
    assertThat(connections.admit(accepted("127.0.0.24"))).as("sixth in all").isFalse();
    assertThat(connections.count()).isEqualTo(5);
  }

  @Test
  void aClosedConnectionFreesItsPlace() throws IOException {
    List<SocketChannel> held = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      SocketChannel socket = accepted("127.0.0.25");
      connections.admit(socket);
      held.add(socket);
    }
    connections.closed(held.getFirst());
    connections.closed(held.getFirst()); // told twice: counted once
    assertThat(connections.count()).isEqualTo(2);
    assertThat(connections.admit(accepted("127.0.0.25"))).isTrue();
    assertThat(connections.admit(accepted("127.0.0.25"))).isFalse();
  }

  @Test
  void aSilentConnectionEndsAfterTheIdleBoundUnlessItRegistered() throws IOException {
    SocketChannel silent = accepted("127.0.0.26");
    SocketChannel phone = accepted("127.0.0.27");
    connections.admit(silent);
    connections.admit(phone);
    InetSocketAddress remote = (InetSocketAddress) phone.getRemoteAddress();
    connections.registered("127.0.0.27", remote.getPort());

    now.addAndGet(29_000);
    connections.sweep();
    assertThat(silent.socket().isInputShutdown()).isFalse();

    now.addAndGet(2_000);
    connections.sweep();
    assertThat(ended(silent)).isTrue();
    assertThat(phone.socket().isInputShutdown()).as("registered: may idle an hour").isFalse();

    now.addAndGet(3_720_000);
    connections.sweep();
    assertThat(ended(phone)).isTrue();
  }

  @Test
  void anEndedConnectionTheLibraryNeverClosedIsClosedOutright() throws IOException {
    SocketChannel silent = accepted("127.0.0.28");
    connections.admit(silent);
    now.addAndGet(31_000);
    connections.sweep(); // input shut: the library would close it now
    now.addAndGet(10_000);
    connections.sweep();
    assertThat(silent.isOpen()).isFalse();
    assertThat(connections.count()).isZero();
  }

  @Test
  void aBanEndsEveryConnectionOfItsSourceAndRefusesNewOnes() throws IOException {
    SocketChannel first = accepted("127.0.0.29");
    SocketChannel second = accepted("127.0.0.29");
    SocketChannel other = accepted("127.0.0.30");
    connections.admit(first);
    connections.admit(second);
    connections.admit(other);
    banned.add("127.0.0.29");
    connections.endAll("127.0.0.29");
    assertThat(ended(first)).isTrue();
    assertThat(ended(second)).isTrue();
    assertThat(other.socket().isInputShutdown()).isFalse();
    assertThat(connections.admit(accepted("127.0.0.29"))).isFalse();
  }

  @Test
  void theSweepEndsConnectionsOfASourceBannedSinceTheyOpened() throws IOException {
    SocketChannel socket = accepted("127.0.0.31");
    connections.admit(socket);
    banned.add("127.0.0.31");
    connections.sweep();
    assertThat(ended(socket)).isTrue();
  }
}
