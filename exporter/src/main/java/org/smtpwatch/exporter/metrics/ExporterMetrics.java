package org.smtpwatch.exporter.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.schedule.Agent;
import org.smtpwatch.agent.schedule.ScheduleLagObserver;
import org.smtpwatch.exporter.BuildInfo;

/**
 * Everything {@code /metrics} serves, built at scrape time from the agent's result store through
 * Micrometer's Prometheus registry, plus the JVM and process metrics Micrometer provides.
 *
 * <p>SKELETON: the API the HTTP server builds against; the implementation lands with the metrics
 * work. Wiring order: create, pass {@link #scheduleLagObserver()} to {@code Agent.start}, then
 * {@link #watch(Agent)}.
 */
public final class ExporterMetrics {

  public ExporterMetrics(BuildInfo buildInfo, Clock clock) {}

  /** Feeds {@code smtpwatch_probe_schedule_lag_seconds}; give it to {@code Agent.start}. */
  public ScheduleLagObserver scheduleLagObserver() {
    throw new UnsupportedOperationException("metrics not built yet");
  }

  /** Exposes the endpoints and the reload status of {@code agent} from now on. */
  public void watch(Agent agent) {
    throw new UnsupportedOperationException("metrics not built yet");
  }

  /** The registry {@code /metrics} renders. */
  public PrometheusRegistry registry() {
    throw new UnsupportedOperationException("metrics not built yet");
  }

  /** A registry holding only the series of one probe result, for {@code /probe}. */
  public static PrometheusRegistry forProbe(ProbeResult result) {
    throw new UnsupportedOperationException("metrics not built yet");
  }
}
