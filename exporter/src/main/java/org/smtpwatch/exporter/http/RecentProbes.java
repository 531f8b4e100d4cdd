package org.smtpwatch.exporter.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.config.EndpointKey;

/**
 * {@code /probe} results of the last second, by endpoint. A request for an endpoint probed that
 * recently gets that result instead of a new SMTP session: two Prometheus replicas scraping at the
 * same moment still get an answer each, while a loop of requests cannot turn smtpwatch into a
 * hammer on a mail server (which would get the prober's address blocklisted).
 */
final class RecentProbes {

  static final Duration REUSE_WITHIN = Duration.ofSeconds(1);

  /** Allow-listed CIDR blocks can name many hosts; the map must not grow with them. */
  private static final int MAX_ENTRIES = 1024;

  private record Finished(Instant at, ProbeResult result) {}

  private final Map<EndpointKey, Finished> results = new ConcurrentHashMap<>();
  private final Clock clock;

  RecentProbes(Clock clock) {
    this.clock = clock;
  }

  Optional<ProbeResult> recent(EndpointKey key) {
    Finished finished = results.get(key);
    if (finished == null || clock.instant().isAfter(finished.at().plus(REUSE_WITHIN))) {
      return Optional.empty();
    }
    return Optional.of(finished.result());
  }

  void remember(ProbeResult result) {
    if (results.size() >= MAX_ENTRIES) {
      results.clear();
    }
    results.put(result.endpoint().key(), new Finished(clock.instant(), result));
  }
}
