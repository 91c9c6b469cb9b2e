package io.dialtone.sip.boundary;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.logging.Logger;

/**
 * The library's UDP listener, reading every datagram into one buffer kept for the socket's life and
 * handing on a copy of just its bytes. The library's own allocates a buffer of the largest message
 * (16 KB) per datagram: about ten per call, a third of all the memory a call allocated, and with it
 * a young collection every second at 500 calls/s. The buffer is one byte longer than the largest
 * message, so a datagram over the limit arrives longer than it and {@link GuardedParser} drops and
 * counts it. The library's reader threads ({@code readers}) take the datagrams in the order they
 * came, as before.
 */
final class BufferedUdp extends UDPMessageProcessor {

  private static final Logger LOG = Logger.getLogger(BufferedUdp.class.getName());

  private final int readers;
  private final String name;
  private final byte[] buffer;

  BufferedUdp(InetAddress address, SIPTransactionStack stack, int port, int maxMessage, int readers)
      throws IOException {
    super(address, stack, port);
    sendFromThisSocket(stack);
    this.readers = readers;
    this.name = ((SipStackImpl) stack).getStackName() + "-UDPMessageChannelThread-";
    this.buffer = new byte[maxMessage + 1];
  }

  @Override
  @SuppressWarnings("unchecked")
  public void run() {
    messageChannels = new LinkedList<Reader>();
    for (int i = 0; i < readers; i++) {
      messageChannels.add(new Reader(sipStack, this, name + i));
    }
    while (isRunning) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        sock.receive(packet);
        byte[] bytes = Arrays.copyOf(buffer, packet.getLength());
        messageQueue.offer(
            new DatagramQueuedMessageDispatch(
                new DatagramPacket(bytes, bytes.length, packet.getSocketAddress()),
                System.currentTimeMillis()));
      } catch (SocketException e) {
        if (!isRunning) {
          return; // closed by stop()
        }
        LOG.fine(() -> "UDP receive failed: " + e.getMessage());
      } catch (IOException | RuntimeException e) {
        LOG.fine(() -> "UDP receive failed: " + e.getMessage());
      }
    }
  }

  /**
   * Tells the library to send UDP from this listening socket, as its own factory does when it makes
   * its UDP listener (a flag it keeps to its package): else each request leaves from a new socket
   * of its own, and an answer sent back to where the request came from is lost.
   */
  private static void sendFromThisSocket(SIPTransactionStack stack) throws IOException {
    try {
      Field flag = SIPTransactionStack.class.getDeclaredField("udpFlag");
      flag.setAccessible(true);
      flag.setBoolean(stack, true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IOException("the SIP library's UDP sending could not be set up", e);
    }
  }

  /** One of the library's reader threads (its constructor is for subclasses). */
  private static final class Reader extends UDPMessageChannel {
    Reader(SIPTransactionStack stack, UDPMessageProcessor processor, String name) {
      super(stack, processor, name);
    }
  }
}
