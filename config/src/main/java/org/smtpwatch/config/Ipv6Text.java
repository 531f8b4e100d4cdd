package org.smtpwatch.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The RFC 5952 text of an IPv6 literal: lower-case hex without leading zeros, the longest run of
 * two or more zero groups (the first, on a tie) as {@code ::}. One text per address, so {@code ::1}
 * and {@code 0:0:0:0:0:0:0:1} are recognised as the same endpoint.
 */
final class Ipv6Text {

  private Ipv6Text() {}

  /**
   * The canonical text, or empty when {@code literal} is not an IPv6 address Java keeps as one (an
   * IPv4-mapped address comes back as IPv4; it is left as written rather than silently turned into
   * a different family).
   *
   * @param literal an address that {@link Hostnames} has already accepted as an IPv6 literal, so no
   *     DNS lookup can happen: {@link InetAddress#getByName} only parses literals
   */
  static Optional<String> canonical(String literal) {
    try {
      InetAddress address = InetAddress.getByName(literal);
      if (address instanceof Inet6Address) {
        return Optional.of(format(address.getAddress()));
      }
      return Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  static String format(byte[] bytes) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int[] run = longestZeroRun(groups);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == run[0]) {
        text.append("::");
        i += run[1] - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  /** Start and length of the first longest run of zero groups; start -1 when none is 2 long. */
  private static int[] longestZeroRun(int[] groups) {
    int bestStart = -1;
    int bestLength = 1; // RFC 5952 4.2.2: a single zero group is not shortened
    for (int start = 0; start < groups.length; start++) {
      int length = 0;
      while (start + length < groups.length && groups[start + length] == 0) {
        length++;
      }
      if (length > bestLength) {
        bestStart = start;
        bestLength = length;
      }
      start += length;
    }
    return new int[] {bestStart, bestLength};
  }
}
