package org.smtpwatch.exporter.metrics;

import java.time.Instant;

/** Prometheus timestamps: Unix seconds as a double, sub-second part kept. */
final class UnixSeconds {

  private UnixSeconds() {}

  static double of(Instant instant) {
    return instant.getEpochSecond() + instant.getNano() / 1e9;
  }
}
