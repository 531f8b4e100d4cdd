package org.smtpwatch.agent.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smtpwatch.config.EndpointKey;

/**
 * Logs runs skipped (for want of a probe slot, or because they came too late) once per state
 * change, not once per run: under saturation every endpoint skips every interval, and a line per
 * skip would bury the log. An endpoint that starts being skipped gets one WARN; when it runs again
 * it gets one INFO with the number of runs it lost.
 */
final class SkippedRunLog {

  // Lines come from ProbeRunner's logger: that is where operators look for schedule trouble.
  private static final Logger log = LoggerFactory.getLogger(ProbeRunner.class);

  private final ConcurrentMap<EndpointKey, Integer> skippedSince = new ConcurrentHashMap<>();

  void skipped(EndpointKey key, Instant plannedAt, int slots) {
    Integer before = skippedSince.merge(key, 1, Integer::sum);
    if (before == 1) {
      log.warn(
          "{}: run planned at {} skipped, all {} probe slots stayed busy until the next run;"
              + " further skips are counted, not logged",
          key,
          plannedAt,
          slots);
    }
  }

  /**
   * {@code runs} runs, the first planned at {@code plannedAt}, that started or would have started
   * too late: the JVM was paused (a long garbage collection, a suspended machine) or the machine
   * too busy to fire it on time.
   */
  void startedLate(EndpointKey key, Instant plannedAt, Duration late, int runs) {
    Integer skipped = skippedSince.merge(key, runs, Integer::sum);
    if (skipped == runs) {
      log.warn(
          "{}: run planned at {} skipped, the scheduler got to it {} ms late (JVM paused or"
              + " machine overloaded?); further skips are counted, not logged",
          key,
          plannedAt,
          late.toMillis());
    }
  }

  void ran(EndpointKey key) {
    Integer skipped = skippedSince.remove(key);
    if (skipped != null) {
      log.info("{}: probed again after {} skipped runs", key, skipped);
    }
  }
}
