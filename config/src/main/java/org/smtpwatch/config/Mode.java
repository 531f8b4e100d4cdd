package org.smtpwatch.config;

import java.util.Locale;
import java.util.Optional;

/** How a probe speaks to an endpoint: never TLS, STARTTLS upgrade, or TLS from the first byte. */
public enum Mode {
  PLAIN,
  STARTTLS,
  TLS;

  /** The name used in config files, CLI flags, JSON and metric labels. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Mode> fromConfigName(String name) {
    for (Mode mode : values()) {
      if (mode.configName().equals(name)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
