package io.dialtone.sip.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.sip.control.CallHandler;
import io.dialtone.sip.control.ConnectionLimits;
import io.dialtone.sip.control.ProxiedCall;
import io.dialtone.sip.control.SipAnswer;
import io.dialtone.sip.control.SipHandler;
import io.dialtone.sip.control.SipRequest;
import io.dialtone.sip.control.SipUser;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UDP listener on real sockets: what it reads, and where what the stack sends leaves from. */
class BufferedUdpTest {

  private final AtomicInteger malformed = new AtomicInteger();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private JainSipTransport transport;
  private int port;
  private DatagramSocket peer;

  @BeforeEach
  void start() throws Exception {
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    transport =
        new JainSipTransport(
            new Answering(),
            Runnable::run,
            new SipListenConfig(
                "127.0.0.1",
                port,
                0,
                Optional.empty(),
                "",
                new ConnectionLimits(
                    10, 100, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5))),
            new NoCalls(),
            timers);
    transport.start();
    peer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    peer.setSoTimeout(3_000);
  }

  @AfterEach
  void stop() {
    peer.close();
    transport.close();
    timers.shutdownNow();
  }

  @Test
  void aRequestIsAnsweredFromTheListeningPort() throws Exception {
    send(options("a1", ""));
    DatagramPacket answer = receive();
    assertThat(text(answer)).startsWith("SIP/2.0 200");
    assertThat(answer.getPort()).as("the answer's source port").isEqualTo(port);
  }

  @Test
  void aPingLeavesFromTheListeningPortAndItsAnswerIsRead() throws Exception {
    CompletableFuture<Integer> status =
        transport.ping("sip:peer@127.0.0.1:" + peer.getLocalPort(), Duration.ofSeconds(3));
    DatagramPacket ping = receive();
    assertThat(text(ping)).startsWith("OPTIONS ");
    assertThat(ping.getPort()).as("the OPTIONS' source port").isEqualTo(port);
    byte[] ok = okFor(text(ping)).getBytes(StandardCharsets.ISO_8859_1);
    peer.send(new DatagramPacket(ok, ok.length, ping.getSocketAddress()));
    assertThat(status.get(3, TimeUnit.SECONDS)).isEqualTo(200);
  }

  @Test
  void datagramsOneAfterAnotherEachKeepTheirOwnBytes() throws Exception {
    send(options("long", "X-Pad: " + "p".repeat(3_000) + "\r\n"));
    send(options("short", ""));
    assertThat(text(receive())).contains("Call-ID: long");
    String second = text(receive());
    assertThat(second).startsWith("SIP/2.0 200").contains("Call-ID: short");
  }

  @Test
  void aDatagramOverTheLimitIsDroppedAndCountedNotCutAndRead() throws Exception {
    send(options("big", "X-Pad: " + "p".repeat(JainSipTransport.MAX_MESSAGE) + "\r\n"));
    send(options("after", ""));
    assertThat(text(receive())).as("only the next one is answered").contains("Call-ID: after");
    assertThat(malformed).hasValue(1);
    peer.setSoTimeout(300);
    assertThatThrownBy(this::receive).as("nothing else").isInstanceOf(SocketTimeoutException.class);
  }

  private void send(String message) throws Exception {
    byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
    peer.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
  }

  private DatagramPacket receive() throws Exception {
    DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
    peer.receive(packet);
    return packet;
  }

  private static String text(DatagramPacket packet) {
    return new String(
        packet.getData(), packet.getOffset(), packet.getLength(), StandardCharsets.ISO_8859_1);
  }

  private String options(String callId, String extra) {
    return "OPTIONS sip:127.0.0.1:"
        + port
        + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:"
        + peer.getLocalPort()
        + ";branch=z9hG4bK-"
        + callId
        + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:peer@127.0.0.1>;tag=1\r\n"
        + "To: <sip:127.0.0.1>\r\n"
        + "Call-ID: "
        + callId
        + "\r\n"
        + "CSeq: 1 OPTIONS\r\n"
        + extra
        + "Content-Length: 0\r\n\r\n";
  }

  /** A 200 to {@code request}: its Via, From, To, Call-ID and CSeq lines back. */
  private static String okFor(String request) {
    StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
    for (String line : request.split("\r\n")) {
      if (line.startsWith("Via:")
          || line.startsWith("From:")
          || line.startsWith("Call-ID:")
          || line.startsWith("CSeq:")) {
        ok.append(line).append("\r\n");
      } else if (line.startsWith("To:")) {
        ok.append(line).append(";tag=peer\r\n");
      }
    }
    return ok.append("Content-Length: 0\r\n\r\n").toString();
  }

  /** Answers every request 200 and counts what could not be read. */
  private final class Answering implements SipHandler {
    @Override
    public SipAnswer handle(SipRequest request) {
      return SipAnswer.of(200);
    }

    @Override
    public SipAnswer malformed(SipRequest request) {
      malformed.incrementAndGet();
      return SipAnswer.drop();
    }

    @Override
    public boolean readable(String address) {
      return true;
    }

    @Override
    public boolean mayConnect(String address) {
      return true;
    }
  }

  private static final class NoCalls implements CallHandler {
    @Override
    public void invited(SipUser caller, ProxiedCall call) {}

    @Override
    public void fromCarrier(String trunk, ProxiedCall call) {}
  }
}
