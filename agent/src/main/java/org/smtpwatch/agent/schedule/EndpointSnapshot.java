package org.smtpwatch.agent.schedule;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.EndpointKey;

/**
 * What the agent knows about one endpoint at one moment; immutable, so a scrape can read it while
 * probes write newer ones.
 *
 * @param endpoint the endpoint as configured now (a reload that changes it keeps the counters)
 * @param latest the most recent probe result, or {@code null} before the first probe
 * @param probesTotal probes completed since the endpoint was added
 * @param failuresTotal failed probes by reason since the endpoint was added; reasons never seen are
 *     absent
 * @param lastRunAt start of the most recent probe, or {@code null} before the first
 * @param lastSuccessAt start of the most recent successful probe, or {@code null} if none
 * @param durations whole-probe durations since the endpoint was added, bucketed
 */
public record EndpointSnapshot(
    Endpoint endpoint,
    ProbeResult latest,
    long probesTotal,
    Map<FailureReason, Long> failuresTotal,
    Instant lastRunAt,
    Instant lastSuccessAt,
    DurationHistogram durations) {

  public EndpointSnapshot {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(durations, "durations");
    EnumMap<FailureReason, Long> copy = new EnumMap<>(FailureReason.class);
    copy.putAll(failuresTotal);
    failuresTotal = Collections.unmodifiableMap(copy);
  }

  /** Without a duration history (an empty histogram): for views and tests that do not need one. */
  public EndpointSnapshot(
      Endpoint endpoint,
      ProbeResult latest,
      long probesTotal,
      Map<FailureReason, Long> failuresTotal,
      Instant lastRunAt,
      Instant lastSuccessAt) {
    this(
        endpoint,
        latest,
        probesTotal,
        failuresTotal,
        lastRunAt,
        lastSuccessAt,
        DurationHistogram.empty());
  }

  /** An endpoint just scheduled, not probed yet. */
  public static EndpointSnapshot unprobed(Endpoint endpoint) {
    return new EndpointSnapshot(endpoint, null, 0, Map.of(), null, null);
  }

  public EndpointKey key() {
    return endpoint.key();
  }

  public Optional<ProbeResult> latestResult() {
    return Optional.ofNullable(latest);
  }

  public long failuresTotal(FailureReason reason) {
    return failuresTotal.getOrDefault(reason, 0L);
  }

  /** The same history under a changed configuration of the same key. */
  EndpointSnapshot withEndpoint(Endpoint changed) {
    return new EndpointSnapshot(
        changed, latest, probesTotal, failuresTotal, lastRunAt, lastSuccessAt, durations);
  }

  /** This history with one more probe counted. */
  EndpointSnapshot withResult(ProbeResult result) {
    Map<FailureReason, Long> failures = failuresTotal;
    if (!result.success()) {
      failures = new EnumMap<>(FailureReason.class);
      failures.putAll(failuresTotal);
      failures.merge(result.failure().reason(), 1L, Long::sum);
    }
    Instant lastSuccess = result.success() ? result.startedAt() : lastSuccessAt;
    return new EndpointSnapshot(
        endpoint,
        result,
        probesTotal + 1,
        failures,
        result.startedAt(),
        lastSuccess,
        durations.with(result.duration()));
  }
}
