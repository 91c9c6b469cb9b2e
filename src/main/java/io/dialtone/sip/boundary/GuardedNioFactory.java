package io.dialtone.sip.boundary;

import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import javax.sip.ListeningPoint;

/**
 * The library's non-blocking TCP and TLS transports (one selector thread per port, however many
 * connections; the blocking ones cost a thread or two per connection), with every accepted
 * connection admitted by {@link Connections} first and reported to it when the library closes it.
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
    return super.createMessageProcessor(stack, address, port, transport);
  }

  /** Refuses a connection {@link Connections} does not admit: closed before any byte is read. */
  private static void admit(Connections connections, SocketChannel client) throws IOException {
    if (!connections.admit(client)) {
      client.close();
      throw new IOException("SIP connection refused by the source guard");
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
      admit(connections, client);
      NioTcpMessageChannel channel = super.createMessageChannel(processor, client);
      connections.channel(client, channel);
      return channel;
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
      admit(connections, client);
      NioTcpMessageChannel channel = super.createMessageChannel(processor, client);
      connections.channel(client, channel);
      return channel;
    }

    @Override
    protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
      super.remove(channel);
      connections.closed(((NioTcpMessageChannel) channel).getSocketChannel());
    }
  }
}
