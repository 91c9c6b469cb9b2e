package io.dialtone.launcher;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The run command's SIP ports: {@code DIALTONE_SIP_PORT} / {@code DIALTONE_SIP_TLS_PORT} when set;
 * else 5060/5061 when 5060 can be bound (UDP and TCP), otherwise the unprivileged 5080/5081. Says
 * which on the console.
 */
final class SipPorts {

  static final int STANDARD = 5060;
  static final int FALLBACK = 5080;

  private SipPorts() {}

  /** {@code env} with the SIP ports decided. */
  static Map<String, String> decide(Map<String, String> env) {
    Map<String, String> decided = new HashMap<>(env);
    if (env.containsKey("DIALTONE_SIP_PORT")) {
      System.out.println("SIP registrar on port " + env.get("DIALTONE_SIP_PORT") + " (as set).");
      return decided;
    }
    String address = env.getOrDefault("DIALTONE_SIP_LISTEN_ADDRESS", "0.0.0.0");
    int port = bindable(address, STANDARD) ? STANDARD : FALLBACK;
    decided.put("DIALTONE_SIP_PORT", Integer.toString(port));
    decided.putIfAbsent("DIALTONE_SIP_TLS_PORT", Integer.toString(port + 1));
    System.out.println(
        "SIP registrar on UDP/TCP "
            + port
            + " and TLS "
            + decided.get("DIALTONE_SIP_TLS_PORT")
            + (port == STANDARD
                ? "."
                : " (5060 cannot be bound here; set DIALTONE_SIP_PORT to choose)."));
    return decided;
  }

  private static boolean bindable(String address, int port) {
    try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port));
        ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getByName(address))) {
      return udp.isBound() && tcp.isBound();
    } catch (IOException | SecurityException e) {
      return false;
    }
  }
}
