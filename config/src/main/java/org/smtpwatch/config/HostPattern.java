package org.smtpwatch.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * One entry of {@code probe.allow_unconfigured}: a host name, a wildcard name ({@code
 * *.example.com}), an IP address, or a CIDR block.
 *
 * <p>Matching is on the host exactly as the request wrote it, never on what a name resolves to: a
 * name matches only name patterns, an IP literal only address and CIDR patterns. Resolving first
 * would let anyone who controls a DNS zone under an allowed name point it anywhere (DNS rebinding).
 */
public final class HostPattern {

  private enum Kind {
    NAME,
    WILDCARD,
    CIDR
  }

  private final String text;
  private final Kind kind;
  private final String name;
  private final byte[] network;
  private final int prefixBits;

  /**
   * @param name the lower-case name, or the suffix after {@code *.}; {@code null} for addresses
   * @param network the address bytes of an IP or CIDR pattern; {@code null} for names
   */
  private HostPattern(String text, Kind kind, String name, byte[] network, int prefixBits) {
    this.text = text;
    this.kind = kind;
    this.name = name;
    this.network = network;
    this.prefixBits = prefixBits;
  }

  /**
   * The pattern, or empty with {@code problem} telling why not.
   *
   * @param problem receives the reason when {@code text} is not a pattern
   */
  static Optional<HostPattern> parse(String text, StringBuilder problem) {
    String trimmed = text.trim();
    if (trimmed.equals("*") || trimmed.equals("*.*")) {
      problem
          .append("\"")
          .append(trimmed)
          .append("\" would let /probe reach any host (an open proxy)");
      return Optional.empty();
    }
    if (trimmed.startsWith("*.")) {
      String suffix = Hostnames.normalize(trimmed.substring(2));
      if (Hostnames.isDnsName(suffix)) {
        return Optional.of(new HostPattern(text, Kind.WILDCARD, suffix, null, 0));
      }
    } else if (trimmed.contains("/")) {
      return cidr(text, trimmed, problem);
    } else {
      String host = Hostnames.normalize(trimmed);
      if (Hostnames.isIpLiteral(host)) {
        byte[] address = literal(host);
        return Optional.of(new HostPattern(text, Kind.CIDR, null, address, address.length * 8));
      }
      if (Hostnames.isDnsName(host)) {
        return Optional.of(new HostPattern(text, Kind.NAME, host, null, 0));
      }
    }
    problem
        .append("\"")
        .append(text)
        .append("\" is not a host name, *.domain, IP address or CIDR block (e.g. 192.0.2.0/24)");
    return Optional.empty();
  }

  private static Optional<HostPattern> cidr(String text, String trimmed, StringBuilder problem) {
    int slash = trimmed.indexOf('/');
    String host = Hostnames.normalize(trimmed.substring(0, slash));
    String bits = trimmed.substring(slash + 1);
    if (!Hostnames.isIpLiteral(host) || !bits.matches("\\d{1,3}")) {
      problem.append("\"").append(text).append("\" is not a CIDR block (e.g. 192.0.2.0/24)");
      return Optional.empty();
    }
    byte[] address = literal(host);
    int prefix = Integer.parseInt(bits);
    if (prefix > address.length * 8) {
      problem.append("\"").append(text).append("\": the prefix is longer than the address");
      return Optional.empty();
    }
    if (prefix == 0) {
      problem
          .append("\"")
          .append(text)
          .append("\" would let /probe reach any address (an open proxy)");
      return Optional.empty();
    }
    return Optional.of(new HostPattern(text, Kind.CIDR, null, address, prefix));
  }

  /** Whether {@code host}, a name or an IP literal (brackets allowed), is covered. */
  public boolean matches(String host) {
    String normalized = Hostnames.normalize(host);
    if (Hostnames.isIpLiteral(normalized)) {
      return kind == Kind.CIDR && inNetwork(literal(normalized));
    }
    return switch (kind) {
      case NAME -> normalized.equals(name);
      case WILDCARD -> normalized.endsWith("." + name);
      case CIDR -> false;
    };
  }

  private boolean inNetwork(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int shift = address.length * 8 - prefixBits;
    return new BigInteger(1, address)
        .shiftRight(shift)
        .equals(new BigInteger(1, network).shiftRight(shift));
  }

  // Only called on text Hostnames has checked is a literal, so no DNS lookup happens. IPv4-mapped
  // IPv6 addresses come back as IPv4, so ::ffff:192.0.2.1 and 192.0.2.1 match the same patterns.
  private static byte[] literal(String ip) {
    try {
      return InetAddress.getByName(ip).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP literal: " + ip, e);
    }
  }

  /** The pattern as written in the config. */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HostPattern pattern && pattern.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
