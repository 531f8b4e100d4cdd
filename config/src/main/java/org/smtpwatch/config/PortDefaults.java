package org.smtpwatch.config;

import java.util.Optional;

/**
 * The behaviour DESIGN section 1 gives each well-known SMTP port when the config does not say.
 *
 * <p>Port 25 reports certificate problems without failing: MTAs do not verify certificates unless
 * DANE or MTA-STS says so, so neither does the probe by default.
 */
public record PortDefaults(Mode mode, boolean tlsRequired, boolean tlsVerify) {

  public static Optional<PortDefaults> forPort(int port) {
    return switch (port) {
      case 25 -> Optional.of(new PortDefaults(Mode.STARTTLS, false, false));
      case 465 -> Optional.of(new PortDefaults(Mode.TLS, true, true));
      case 587, 2525 -> Optional.of(new PortDefaults(Mode.STARTTLS, true, true));
      default -> Optional.empty();
    };
  }

  /** Defaults for a mode given explicitly on a port without its own defaults. */
  public static PortDefaults forMode(Mode mode) {
    return switch (mode) {
      case PLAIN -> new PortDefaults(Mode.PLAIN, false, false);
      case STARTTLS -> new PortDefaults(Mode.STARTTLS, true, true);
      case TLS -> new PortDefaults(Mode.TLS, true, true);
    };
  }
}
