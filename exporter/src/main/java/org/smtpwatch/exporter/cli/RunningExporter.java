package org.smtpwatch.exporter.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.function.Function;
import org.smtpwatch.agent.dns.CurrentDns;
import org.smtpwatch.agent.probe.Prober;
import org.smtpwatch.agent.schedule.Agent;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.exporter.BuildInfo;
import org.smtpwatch.exporter.http.ExporterHttpServer;
import org.smtpwatch.exporter.http.HttpServerSetup;
import org.smtpwatch.exporter.http.ListenAddress;
import org.smtpwatch.exporter.http.ServedAgent;
import org.smtpwatch.exporter.metrics.ExporterMetrics;

/**
 * The metrics, the agent and, once {@link #serve} succeeds, the HTTP server: what {@code run} and
 * {@code demo} both start, wired in one place and in the order the metrics need (the lag observer
 * before the agent starts, the watch right after).
 */
final class RunningExporter implements AutoCloseable {

  private final ExporterMetrics metrics;
  private final Agent agent;
  private final Config config;
  private final Path configFile;
  private final Prober prober;
  private final BuildInfo buildInfo;
  private final Clock clock;

  private RunningExporter(
      ExporterMetrics metrics,
      Agent agent,
      Config config,
      Path configFile,
      Prober prober,
      BuildInfo buildInfo,
      Clock clock) {
    this.metrics = metrics;
    this.agent = agent;
    this.config = config;
    this.configFile = configFile;
    this.prober = prober;
    this.buildInfo = buildInfo;
    this.clock = clock;
  }

  /**
   * Starts probing {@code config}.
   *
   * @param configFile what {@code POST /-/reload} reads again (through {@code loader})
   */
  static RunningExporter start(
      Config config,
      Path configFile,
      Prober prober,
      Function<Path, ConfigLoadResult> loader,
      BuildInfo buildInfo,
      Clock clock) {
    return start(config, configFile, prober, loader, buildInfo, new CurrentDns(), clock);
  }

  /**
   * As {@link #start(Config, Path, Prober, Function, BuildInfo, Clock)}, with {@code dns} following
   * the config's {@code dns:} section for watched domains (the prober should resolve through it).
   */
  static RunningExporter start(
      Config config,
      Path configFile,
      Prober prober,
      Function<Path, ConfigLoadResult> loader,
      BuildInfo buildInfo,
      CurrentDns dns,
      Clock clock) {
    ExporterMetrics metrics = new ExporterMetrics(buildInfo, clock);
    Agent agent = Agent.start(config, prober, loader, metrics.scheduleLagObserver(), dns, clock);
    metrics.watch(agent);
    return new RunningExporter(metrics, agent, config, configFile, prober, buildInfo, clock);
  }

  /**
   * Starts the HTTP server on {@code listen}.
   *
   * @throws java.net.BindException when the address is in use
   * @throws IOException when the TLS files of {@code web:} cannot be loaded
   */
  ExporterHttpServer serve(ListenAddress listen) throws IOException, GeneralSecurityException {
    return ExporterHttpServer.start(
        new HttpServerSetup(
            listen,
            config.web(),
            ServedAgent.of(agent, configFile),
            metrics.registry(),
            ExporterMetrics::forProbe,
            prober,
            config.interval(),
            clock,
            buildInfo.version()));
  }

  Agent agent() {
    return agent;
  }

  /**
   * Releases the metrics (Micrometer's GC listeners). The agent is stopped by its own lifetime (or
   * by the caller when serving failed) before this runs.
   */
  @Override
  public void close() {
    metrics.close();
  }
}
