package org.smtpwatch.agent.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.bouncycastle.util.IPAddress;

/**
 * Recognises IPv4 and IPv6 literals without ever asking DNS: certificates carry IP addresses in
 * their own SAN type, and SNI must not be sent for them (RFC 6066 section 3).
 */
public final class IpLiteral {

  private IpLiteral() {}

  public static boolean is(String host) {
    return IPAddress.isValid(unbracketed(host));
  }

  /** The address a literal denotes; empty for host names (never resolved). */
  static Optional<InetAddress> parse(String host) {
    String literal = unbracketed(host);
    if (!IPAddress.isValid(literal)) {
      return Optional.empty();
    }
    try {
      // A validated literal: getByName parses it and performs no lookup.
      return Optional.of(InetAddress.getByName(literal));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static String unbracketed(String host) {
    if (host.length() > 2 && host.startsWith("[") && host.endsWith("]")) {
      return host.substring(1, host.length() - 1);
    }
    return host;
  }
}
