package org.smtpwatch.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The default {@code ehlo_name}: this machine's fully qualified name when it has one. Otherwise
 * {@code localhost.localdomain}: servers with Postfix's {@code reject_non_fqdn_helo_hostname}
 * refuse a bare "myhost" but accept a dotted name, and this one says plainly that no real name was
 * configured. Production configs should set {@code ehlo_name}; receivers that check that the name
 * resolves to the prober's address will otherwise complain.
 */
public final class LocalHostName {

  static final String FALLBACK = "localhost.localdomain";

  private LocalHostName() {}

  public static String lookUp() {
    try {
      String name = Hostnames.normalize(InetAddress.getLocalHost().getCanonicalHostName());
      if (name.contains(".") && Hostnames.isDnsName(name)) {
        return name;
      }
    } catch (UnknownHostException | SecurityException e) {
      // No name for this machine; the fallback below is valid everywhere.
    }
    return FALLBACK;
  }
}
