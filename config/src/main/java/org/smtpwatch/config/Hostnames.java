package org.smtpwatch.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What may stand as a host to probe: a DNS name (letters, digits, hyphens and underscores in labels
 * of at most 63, at most 253 in all) or an IPv4 or IPv6 literal. Checked without DNS: a config
 * check must not depend on the network.
 */
public final class Hostnames {

  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?");
  private static final Pattern IPV4 =
      Pattern.compile(
          "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

  private Hostnames() {}

  /**
   * The host as endpoints carry it: lower case, IPv6 without brackets and in its RFC 5952 form (so
   * two spellings of one address are one endpoint), no trailing dot (certificates never carry one,
   * and {@code example.com.} is the same endpoint as {@code example.com}).
   */
  static String normalize(String host) {
    String bare = host;
    if (bare.startsWith("[") && bare.endsWith("]")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    if (bare.endsWith(".") && bare.length() > 1) {
      bare = bare.substring(0, bare.length() - 1);
    }
    bare = bare.toLowerCase(Locale.ROOT);
    // Only a validated literal reaches InetAddress, so this never asks DNS.
    return isIpv6(bare) ? Ipv6Text.canonical(bare).orElse(bare) : bare;
  }

  /**
   * Whether {@code host}, as a person wrote it (any case, IPv6 in brackets or not, a trailing dot),
   * is a host name or IP address a probe can be pointed at.
   */
  public static boolean isProbeable(String host) {
    return isValidHost(normalize(host));
  }

  static boolean isValidHost(String host) {
    return isIpLiteral(host) || isDnsName(host);
  }

  /** An EHLO argument (RFC 5321 4.1.3): a domain or an address literal in brackets. */
  static boolean isEhloName(String name) {
    if (name.startsWith("[") && name.endsWith("]")) {
      String inner = name.substring(1, name.length() - 1);
      return IPV4.matcher(inner).matches()
          || (inner.regionMatches(true, 0, "IPv6:", 0, 5) && isIpv6(inner.substring(5)));
    }
    return isDnsName(name);
  }

  static boolean isIpLiteral(String host) {
    return IPV4.matcher(host).matches() || isIpv6(host);
  }

  /**
   * A DNS name without the trailing root dot ({@link #normalize} removes it from hosts); an
   * all-numeric last label is refused so that {@code 10.0.0.256} is not a name.
   */
  static boolean isDnsName(String name) {
    if (name.isEmpty() || name.length() > 253) {
      return false;
    }
    String[] labels = name.split("\\.", -1);
    for (String label : labels) {
      if (label.length() > 63 || !LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return !labels[labels.length - 1].matches("\\d+");
  }

  private static boolean isIpv6(String host) {
    if (!host.contains(":") || host.contains(":::")) {
      return false;
    }
    String[] halves = host.split("::", -1);
    if (halves.length > 2) {
      return false;
    }
    int groups = 0;
    for (int h = 0; h < halves.length; h++) {
      if (halves[h].isEmpty()) {
        continue;
      }
      String[] parts = halves[h].split(":", -1);
      for (int i = 0; i < parts.length; i++) {
        boolean lastOfAll = h == halves.length - 1 && i == parts.length - 1;
        if (lastOfAll && IPV4.matcher(parts[i]).matches()) {
          groups += 2;
        } else if (HEX_GROUP.matcher(parts[i]).matches()) {
          groups++;
        } else {
          return false;
        }
      }
    }
    return halves.length == 2 ? groups < 8 : groups == 8;
  }
}
