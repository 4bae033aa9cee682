package cn.szcg.deploy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 CIDR block as a NetworkPolicy {@code ipBlock} names it. Parsing never resolves a
 * name (no DNS lookups in the offline tests): only address literals are accepted.
 */
record Cidr(byte[] address, int prefix) {
  private static final Pattern V4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  boolean ipv6() {
    return address.length == 16;
  }

  /** {@code 203.0.113.0/24}, {@code 2001:db8::/32}; empty when it is not a CIDR block. */
  static Optional<Cidr> parse(String text) {
    int slash = text == null ? -1 : text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    Optional<byte[]> address = literal(text.substring(0, slash));
    String bits = text.substring(slash + 1);
    if (address.isEmpty() || !bits.matches("\\d{1,3}")) {
      return Optional.empty();
    }
    int prefix = Integer.parseInt(bits);
    if (prefix > address.get().length * 8) {
      return Optional.empty();
    }
    return Optional.of(new Cidr(address.get(), prefix));
  }

  /** The bytes of an IP address literal ({@code [..]} of a URL host allowed); empty for a name. */
  static Optional<byte[]> literal(String host) {
    if (host == null || host.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = V4.matcher(host);
    if (m.matches()) {
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        int octet = Integer.parseInt(m.group(i + 1));
        if (octet > 255) {
          return Optional.empty();
        }
        b[i] = (byte) octet;
      }
      return Optional.of(b);
    }
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (!h.contains(":") || !h.matches("[0-9A-Fa-f:.]+")) {
      return Optional.empty(); // a host name (never looked up here)
    }
    try {
      InetAddress a = InetAddress.getByName(h); // an IPv6 literal: parsed, not resolved
      return a instanceof Inet6Address ? Optional.of(a.getAddress()) : Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  boolean contains(byte[] ip) {
    if (ip.length != address.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((ip[bit / 8] & mask) != (address[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
