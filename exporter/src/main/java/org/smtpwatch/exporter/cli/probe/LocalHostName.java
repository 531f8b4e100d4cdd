package org.smtpwatch.exporter.cli.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name a one-off probe sends with EHLO when none is given. RFC 5321 asks for the client's fully
 * qualified name, and some servers (postscreen, Exim's helo checks) reject a bare word, so the
 * machine's name is used when it has a dot; {@code localhost} otherwise.
 */
public final class LocalHostName {

  private static final String FALLBACK = "localhost";

  private LocalHostName() {}

  public static String forEhlo() {
    try {
      String name = InetAddress.getLocalHost().getCanonicalHostName();
      return name.contains(".") && !isAddressLiteral(name) ? name : FALLBACK;
    } catch (UnknownHostException e) {
      return FALLBACK;
    }
  }

  private static boolean isAddressLiteral(String name) {
    return name.contains(":") || name.matches("[0-9.]+");
  }
}
