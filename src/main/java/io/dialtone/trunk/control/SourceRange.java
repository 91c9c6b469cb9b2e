package io.dialtone.trunk.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One source address of a trunk: an IPv4 or IPv6 address, or a CIDR range of them ({@code
 * 192.0.2.0/24}, {@code 2001:db8::/32}). Parsed from literals only: a host name is refused, never
 * looked up.
 */
public final class SourceRange {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
  private static final Pattern PREFIX = Pattern.compile("\\d{1,3}");

  private final byte[] network;
  private final int prefix;

  private SourceRange(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /** The range {@code text} names, or empty when it is no address or range literal. */
  public static Optional<SourceRange> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    int slash = s.indexOf('/');
    String address = slash < 0 ? s : s.substring(0, slash);
    Optional<byte[]> bytes = addressBytes(address);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    int bits = bytes.get().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String p = s.substring(slash + 1);
      if (!PREFIX.matcher(p).matches() || Integer.parseInt(p) > bits) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(p);
    }
    return Optional.of(new SourceRange(masked(bytes.get(), prefix), prefix));
  }

  /** Whether {@code ip} (an address literal, IPv6 possibly in brackets) lies in this range. */
  public boolean contains(String ip) {
    return addressBytes(unbracket(ip)).map(this::contains).orElse(false);
  }

  private boolean contains(byte[] address) {
    return address.length == network.length && Arrays.equals(masked(address, prefix), network);
  }

  /** The range in its canonical form: {@code 192.0.2.0/24}, {@code 2001:db8:0:0:0:0:0:0/32}. */
  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceRange r && prefix == r.prefix && Arrays.equals(network, r.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefix;
  }

  private static String unbracket(String ip) {
    if (ip == null) {
      return "";
    }
    String s = ip.strip();
    return s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
  }

  private static Optional<byte[]> addressBytes(String literal) {
    if (IPV4.matcher(literal).matches()) {
      return ipv4(literal);
    }
    if (literal.indexOf(':') < 0 || !IPV6.matcher(literal).matches()) {
      return Optional.empty();
    }
    try {
      // A literal with a colon is parsed as IPv6, never looked up in DNS; an IPv4-mapped one comes
      // back as its IPv4 address.
      return Optional.of(InetAddress.getByName(literal).getAddress());
    } catch (UnknownHostException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<byte[]> ipv4(String literal) {
    String[] parts = literal.split("\\.");
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      int octet = Integer.parseInt(parts[i]);
      if (octet > 255) {
        return Optional.empty();
      }
      out[i] = (byte) octet;
    }
    return Optional.of(out);
  }

  private static byte[] masked(byte[] address, int prefix) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.clamp(prefix - i * 8L, 0, 8);
      out[i] = (byte) (out[i] & (0xFF00 >> keep));
    }
    return out;
  }
}
