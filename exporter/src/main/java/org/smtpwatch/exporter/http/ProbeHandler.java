package org.smtpwatch.exporter.http;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.Prober;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.Endpoint;

/**
 * {@code /probe?target=HOST:PORT[&mode=M]}: one probe now, blackbox style, answered with only that
 * probe's series in the format the scraper asked for. A failed probe is still a 200 (its metrics
 * say it failed); 4xx means the request itself was refused. A probe of the same endpoint that
 * finished within the last second is reused ({@link RecentProbes}).
 */
final class ProbeHandler {

  private final Supplier<Config> running;
  private final Prober prober;
  private final Function<ProbeResult, PrometheusRegistry> probeMetrics;
  private final PrometheusProperties properties;
  private final Semaphore permits;
  private final int maxConcurrent;
  private final RecentProbes recent;

  /**
   * @param maxConcurrent probes {@code /probe} runs at once; more get a 429, so the endpoint cannot
   *     be used to open connections in bulk or to starve the scheduled probes of threads
   */
  ProbeHandler(
      Supplier<Config> running,
      Prober prober,
      Function<ProbeResult, PrometheusRegistry> probeMetrics,
      PrometheusProperties properties,
      int maxConcurrent,
      Clock clock) {
    this.running = running;
    this.prober = prober;
    this.probeMetrics = probeMetrics;
    this.properties = properties;
    this.permits = new Semaphore(maxConcurrent);
    this.maxConcurrent = maxConcurrent;
    this.recent = new RecentProbes(clock);
  }

  void handle(HttpExchange exchange) throws IOException, RequestRejected {
    QueryParameters parameters =
        QueryParameters.parse(exchange.getRequestURI().getRawQuery(), ProbeQuery.PARAMETERS);
    Endpoint endpoint = ProbeTargets.resolve(ProbeQuery.parse(parameters), running.get());
    Duration deadline =
        ScrapeTimeout.deadline(
            Optional.ofNullable(exchange.getRequestHeaders().getFirst(ScrapeTimeout.HEADER)),
            endpoint.timeout());
    ProbeResult result = recent.recent(endpoint.key()).orElse(null);
    if (result == null) {
      result = probeNow(ProbeTargets.withTimeout(endpoint, deadline));
    }
    new MetricsHandler(properties, probeMetrics.apply(result)).handle(exchange);
  }

  private ProbeResult probeNow(Endpoint endpoint) throws RequestRejected {
    if (!permits.tryAcquire()) {
      throw new RequestRejected(
          429, "too many probes requested at once (at most " + maxConcurrent + "); retry later");
    }
    try {
      ProbeResult result = prober.probe(endpoint);
      recent.remember(result);
      return result;
    } finally {
      permits.release();
    }
  }
}
