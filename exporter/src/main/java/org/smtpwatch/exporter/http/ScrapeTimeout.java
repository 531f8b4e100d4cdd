package org.smtpwatch.exporter.http;

import java.time.Duration;
import java.util.Optional;

/**
 * Prometheus says how long it will wait for a scrape in {@code
 * X-Prometheus-Scrape-Timeout-Seconds}. A probe that outlives the scrape is wasted, so its deadline
 * is that minus a margin for rendering and the network (as blackbox_exporter does), and never
 * longer than the endpoint's own timeout.
 */
final class ScrapeTimeout {

  static final String HEADER = "X-Prometheus-Scrape-Timeout-Seconds";

  /** Left for rendering the answer and the way back. */
  private static final Duration OFFSET = Duration.ofMillis(500);

  /** Below this no SMTP session completes; a tiny header value gets this much anyway. */
  private static final Duration FLOOR = Duration.ofMillis(100);

  private ScrapeTimeout() {}

  /**
   * The probe's deadline.
   *
   * @param header the header's value, or empty when Prometheus did not send it
   */
  static Duration deadline(Optional<String> header, Duration endpointTimeout)
      throws RequestRejected {
    if (header.isEmpty()) {
      return endpointTimeout;
    }
    double seconds;
    try {
      seconds = Double.parseDouble(header.get().trim());
    } catch (NumberFormatException e) {
      seconds = Double.NaN;
    }
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new RequestRejected(
          400, HEADER + ": \"" + Printable.of(header.get()) + "\" is not a number of seconds");
    }
    Duration scrape = Duration.ofNanos((long) Math.min(seconds * 1e9, Long.MAX_VALUE / 2.0));
    // Short scrapes keep at least half their time for the probe rather than a fixed margin.
    Duration margin = OFFSET.compareTo(scrape.dividedBy(2)) < 0 ? OFFSET : scrape.dividedBy(2);
    Duration available = scrape.minus(margin);
    if (available.compareTo(FLOOR) < 0) {
      available = FLOOR;
    }
    return available.compareTo(endpointTimeout) < 0 ? available : endpointTimeout;
  }
}
