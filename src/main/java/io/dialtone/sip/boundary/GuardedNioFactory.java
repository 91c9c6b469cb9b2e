package io.dialtone.sip.boundary;

import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.NIOHandler;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsMessageChannel;
import gov.nist.javax.sip.stack.NioTlsMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import javax.sip.ListeningPoint;

/**
 * The library's non-blocking TCP and TLS transports (one selector thread per port, however many
 * connections; the blocking ones cost a thread or two per connection), with every accepted
 * connection admitted by {@link Connections} first and reported to it when the library closes it,
 * and its byte stream held to {@link StreamBounds} before the library's parser reads it; UDP read
 * into one buffer per socket ({@link BufferedUdp}).
 */
final class GuardedNioFactory extends NioMessageProcessorFactory {

  private final Connections connections;

  GuardedNioFactory(Connections connections) {
    this.connections = connections;
  }

  @Override
  public MessageProcessor createMessageProcessor(
      SIPTransactionStack stack, InetAddress address, int port, String transport)
      throws IOException {
    if (ListeningPoint.TCP.equalsIgnoreCase(transport)) {
      return new Tcp(address, stack, port, connections);
    }
    if (ListeningPoint.TLS.equalsIgnoreCase(transport)) {
      return new Tls(address, stack, port, connections);
    }
    if (ListeningPoint.UDP.equalsIgnoreCase(transport)) {
      return new BufferedUdp(
          address, stack, port, JainSipTransport.MAX_MESSAGE, JainSipTransport.UDP_READERS);
    }
    return super.createMessageProcessor(stack, address, port, transport);
  }

  /** Makes the library's channel of an accepted connection. */
  @FunctionalInterface
  private interface ChannelMaker {
    NioTcpMessageChannel make() throws IOException;
  }

  /**
   * The channel of the accepted connection {@code client}: the library's when it has one, else a
   * new one once {@link Connections} admitted it; one it does not admit is closed before any byte
   * is read (the library's selector logs and forgets a refused accept).
   */
  private static NioTcpMessageChannel accepted(
      NIOHandler library, Connections connections, SocketChannel client, ChannelMaker maker)
      throws IOException {
    NioTcpMessageChannel channel = library.getMessageChannel(client);
    if (channel == null) {
      if (!connections.admit(client)) {
        client.close();
        throw new IOException("SIP connection refused by the source guard");
      }
      channel = maker.make();
      library.putMessageChannel(client, channel);
      connections.channel(client, channel);
    }
    return channel;
  }

  /** Ends a stream that leaves its bounds: the library closes a channel whose read fails. */
  private static void check(StreamBounds bounds, byte[] bytes) throws IOException {
    if (!bounds.accept(bytes)) {
      throw new IOException("SIP stream out of bounds");
    }
  }

  private static final class Tcp extends NioTcpMessageProcessor {
    private final Connections connections;

    Tcp(InetAddress address, SIPTransactionStack stack, int port, Connections connections) {
      super(address, stack, port);
      this.connections = connections;
    }

    @Override
    public NioTcpMessageChannel createMessageChannel(
        NioTcpMessageProcessor processor, SocketChannel client) throws IOException {
      return accepted(
          nioHandler, connections, client, () -> new BoundedTcpChannel(processor, client));
    }

    @Override
    protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
      super.remove(channel);
      connections.closed(((NioTcpMessageChannel) channel).getSocketChannel());
    }
  }

  private static final class Tls extends NioTlsMessageProcessor {
    private final Connections connections;

    Tls(InetAddress address, SIPTransactionStack stack, int port, Connections connections) {
      super(address, stack, port);
      this.connections = connections;
    }

    @Override
    public NioTcpMessageChannel createMessageChannel(
        NioTcpMessageProcessor processor, SocketChannel client) throws IOException {
      return accepted(
          nioHandler, connections, client, () -> new BoundedTlsChannel(processor, client));
    }

    @Override
    protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
      super.remove(channel);
      connections.closed(((NioTcpMessageChannel) channel).getSocketChannel());
    }
  }

  private static final class BoundedTcpChannel extends NioTcpMessageChannel {
    private final StreamBounds bounds = new StreamBounds(JainSipTransport.MAX_MESSAGE);

    BoundedTcpChannel(NioTcpMessageProcessor processor, SocketChannel client) throws IOException {
      super(processor, client);
      messageProcessor = processor; // as the library's own factory method sets it
    }

    @Override
    protected void addBytes(byte[] bytes) throws Exception {
      check(bounds, bytes);
      super.addBytes(bytes);
    }
  }

  private static final class BoundedTlsChannel extends NioTlsMessageChannel {
    private final StreamBounds bounds = new StreamBounds(JainSipTransport.MAX_MESSAGE);

    BoundedTlsChannel(NioTcpMessageProcessor processor, SocketChannel client) throws IOException {
      super(processor, client);
    }

    @Override
    public void addPlaintextBytes(byte[] bytes) throws Exception {
      check(bounds, bytes);
      super.addPlaintextBytes(bytes);
    }
  }
}
