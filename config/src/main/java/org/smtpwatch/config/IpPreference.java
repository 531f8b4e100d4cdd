package org.smtpwatch.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Which address family to try first when a host name resolves to both. The other family is the
 * fallback, as in blackbox_exporter's {@code preferred_ip_protocol}.
 */
public enum IpPreference {
  /** The order the resolver returned. */
  ANY,
  IPV4,
  IPV6;

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<IpPreference> fromConfigName(String name) {
    for (IpPreference preference : values()) {
      if (preference.configName().equals(name)) {
        return Optional.of(preference);
      }
    }
    return Optional.empty();
  }
}
