package org.smtpwatch.exporter.http;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.Prober;
import org.smtpwatch.config.WebConfig;

/**
 * Everything the HTTP server is built from, wired by hand in the commands.
 *
 * @param web TLS and basic auth, read once at start (a change needs a restart)
 * @param registry what {@code /metrics} renders
 * @param probeMetrics the series of one {@code /probe} result: {@code ExporterMetrics::forProbe}
 * @param prober runs {@code /probe}'s probes: the same kind as the schedule's
 * @param readyAfter when {@code /-/ready} turns 200 even if some endpoint is still unprobed: the
 *     config's interval
 * @param version shown in the status page's footer
 */
public record HttpServerSetup(
    ListenAddress listen,
    WebConfig web,
    ServedAgent agent,
    PrometheusRegistry registry,
    Function<ProbeResult, PrometheusRegistry> probeMetrics,
    Prober prober,
    Duration readyAfter,
    Clock clock,
    String version) {

  /** Probes {@code /probe} runs at the same time; more are answered 429. */
  static final int MAX_CONCURRENT_PROBES = 4;
}
