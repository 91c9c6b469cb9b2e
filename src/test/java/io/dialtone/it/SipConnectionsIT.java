package io.dialtone.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.it.SipExtensions.Extension;
import io.dialtone.launcher.DialtoneServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SIP ports' TCP and TLS connections (SECURITY.md D4, D8): a connection costs no thread of its
 * own, one source holds at most its share, a connection that registers nothing ends once idle, a
 * TLS client that never finishes its handshake is dropped, a banned source loses its connections
 * and may open no new one; meanwhile the portal and other sources' phones are served. Each test
 * uses a loopback source address of its own, so a ban or a full share stays in that test.
 */
@ExtendWith(RunningDialtone.class)
class SipConnectionsIT {

  /**
   * The shared server's per-source share: the default, {@code dialtone.sip.connections.per-source}.
   */
  private static final int PER_SOURCE = 100;

  @Test
  void thousandIdleConnectionsFromOneSourceCostNoThreadsAndStarveNobody(DialtoneServer server)
      throws Exception {
    Map<String, Extension> phones = SipExtensions.create(server, "301");
    int before = threads(server);
    List<SocketChannel> idle = new ArrayList<>();
    try (Selector selector = Selector.open()) {
      long start = System.nanoTime();
      for (int i = 0; i < 1000; i++) {
        SocketChannel socket = SocketChannel.open();
        idle.add(socket);
        socket.bind(new InetSocketAddress("127.0.0.51", 0));
        socket
            .socket()
            .connect(new InetSocketAddress("127.0.0.1", SipExtensions.sipPort()), 10_000);
        socket.configureBlocking(false);
        socket.register(selector, SelectionKey.OP_READ);
      }
      assertThat(stillOpen(selector, idle.size()))
          .as("connections the server kept from one source")
          .isEqualTo(PER_SOURCE);
      assertThat((System.nanoTime() - start) / 1_000_000_000L)
          .as("counted before the idle bound could end any")
          .isLessThan(RunningDialtone.SIP_IDLE_SECONDS);
      int during = threads(server);
      System.out.printf(
          "SIP connections: server threads %d before, %d with 1,000 idle connections%n",
          before, during);
      assertThat(during - before).as("threads added by 1,000 idle connections").isLessThan(20);

      // another source's phone registers, over UDP and over TCP, and the portal answers
      try (SipUdpClient phone = new SipUdpClient("127.0.0.52")) {
        String ok =
            SipRegistrarIT.registerAt(
                phone, phones.get("301"), SipUdpClient.newId(), 1, "Expires: 600");
        assertThat(SipUdpClient.status(ok)).as(ok).isEqualTo(200);
      }
      try (SipTcpClient other = new SipTcpClient("127.0.0.52")) {
        assertThat(other.options()).startsWith("SIP/2.0 200 OK");
      }
      HttpResponse<String> page = Https.get(server.baseUrl() + "/signin.xhtml");
      assertThat(page.statusCode()).isEqualTo(200);
    } finally {
      for (SocketChannel socket : idle) {
        socket.close();
      }
    }
  }

  /**
   * How many of {@code opened} connections the server has not ended: those it ended become readable
   * (end of stream); the count is read once no more end within two seconds.
   */
  private static int stillOpen(Selector selector, int opened) throws IOException {
    int ended = 0;
    ByteBuffer buffer = ByteBuffer.allocate(64);
    while (selector.select(1000) > 0) {
      for (SelectionKey key : selector.selectedKeys()) {
        buffer.clear();
        int n;
        try {
          n = ((SocketChannel) key.channel()).read(buffer);
        } catch (IOException e) {
          n = -1; // reset
        }
        if (n < 0) {
          ended++;
          key.cancel();
        }
      }
      selector.selectedKeys().clear();
    }
    return opened - ended;
  }

  @Test
  void aConnectionThatRegistersNothingEndsOnceIdleOneThatRegisteredStays(DialtoneServer server)
      throws Exception {
    Extension phone = SipExtensions.create(server, "302").get("302");
    try (SipTcpClient silent = new SipTcpClient("127.0.0.53");
        SipTcpClient registered = new SipTcpClient("127.0.0.53")) {
      assertThat(registerOverTcp(registered, phone)).startsWith("SIP/2.0 200 OK");
      assertThat(silent.endedByServer((RunningDialtone.SIP_IDLE_SECONDS + 10) * 1000))
          .as("the silent connection is ended")
          .isTrue();
      // the registered one, as silent since its REGISTER, outlives the idle bound by two sweeps
      Thread.sleep(3000);
      assertThat(registered.options()).startsWith("SIP/2.0 200 OK");
    }
  }

  @Test
  void aTlsClientThatNeverHandshakesIsDropped(DialtoneServer server) throws Exception {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress("127.0.0.54", 0));
      socket.connect(new InetSocketAddress("127.0.0.1", SipExtensions.sipPort() + 1), 3000);
      long start = System.nanoTime();
      assertThat(
              SipTcpClient.endedByServer(
                  socket, (RunningDialtone.SIP_HANDSHAKE_SECONDS + 10) * 1000))
          .isTrue();
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      assertThat(seconds)
          .as("ended by the handshake bound, not the idle one")
          .isLessThan(RunningDialtone.SIP_IDLE_SECONDS + 1);
    }
  }

  @Test
  void aBannedSourceLosesItsConnectionsAndOpensNoNewOne(DialtoneServer server) throws Exception {
    try (SipTcpClient held = new SipTcpClient("127.0.0.55");
        SipTcpClient scanner = new SipTcpClient("127.0.0.55")) {
      assertThat(held.options()).startsWith("SIP/2.0 200 OK");
      scanner.write(SipTcpClient.options("TCP 127.0.0.55:5099", "SIP/2.0", "friendly-scanner"));
      assertThat(held.endedByServer(5000)).as("the banned source's other connection ends").isTrue();
      try (SipTcpClient again = new SipTcpClient("127.0.0.55")) {
        assertThat(again.endedByServer(5000)).as("a new connection is refused").isTrue();
      }
    }
    try (SipTcpClient other = new SipTcpClient("127.0.0.56")) {
      assertThat(other.options()).startsWith("SIP/2.0 200 OK");
    }
  }

  /** The server process's thread count, from the kernel. */
  private static int threads(DialtoneServer server) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + server.pid() + "/status"))) {
      if (line.startsWith("Threads:")) {
        return Integer.parseInt(line.substring(8).strip());
      }
    }
    throw new AssertionError("no thread count for " + server.pid());
  }

  /**
   * A digest REGISTER of {@code phone} over the TCP connection {@code socket}; the final answer.
   */
  private static String registerOverTcp(SipTcpClient tcp, Extension phone) throws IOException {
    String callId = SipUdpClient.newId();
    String challenge = tcp.exchange(register(tcp, phone, callId, 1, ""));
    assertThat(challenge).startsWith("SIP/2.0 401");
    String authorization =
        SipUdpClient.authorization(
            SipUdpClient.challenge(challenge, "SHA-256"),
            "REGISTER",
            phone.number(),
            phone.secret(),
            "sip:" + phone.realm(),
            1);
    return tcp.exchange(register(tcp, phone, callId, 2, authorization + "\r\n"));
  }

  private static String register(
      SipTcpClient tcp, Extension phone, String callId, int cseq, String extra) {
    String source = tcp.source();
    int port = tcp.localPort();
    return "REGISTER sip:"
        + phone.realm()
        + " SIP/2.0\r\n"
        + "Via: SIP/2.0/TCP "
        + source
        + ":"
        + port
        + ";branch=z9hG4bK"
        + SipUdpClient.newId()
        + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:"
        + phone.number()
        + "@"
        + phone.realm()
        + ">;tag="
        + SipUdpClient.newId()
        + "\r\n"
        + "To: <sip:"
        + phone.number()
        + "@"
        + phone.realm()
        + ">\r\n"
        + "Call-ID: "
        + callId
        + "\r\n"
        + "CSeq: "
        + cseq
        + " REGISTER\r\n"
        + "Contact: <sip:"
        + phone.number()
        + "@"
        + source
        + ":"
        + port
        + ";transport=tcp>\r\n"
        + "Expires: 600\r\n"
        + "User-Agent: Phone/1.0\r\n"
        + extra
        + "Content-Length: 0\r\n\r\n";
  }
}
