package org.smtpwatch.exporter.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.util.List;
import org.smtpwatch.agent.domain.DomainState;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.schedule.Agent;
import org.smtpwatch.agent.schedule.EndpointSnapshot;
import org.smtpwatch.agent.schedule.ScheduleLagObserver;
import org.smtpwatch.exporter.BuildInfo;

/**
 * Everything {@code /metrics} serves: per-endpoint series built at scrape time from the agent's
 * result store, the agent's own meters, build info, and the JVM and process metrics Micrometer
 * provides, all in one Micrometer Prometheus registry. Nothing here is global: each instance owns
 * its registries, so tests and the demo can run several side by side.
 *
 * <p>Wiring order: create, pass {@link #scheduleLagObserver()} to {@code Agent.start}, then {@link
 * #watch(Agent)} (which also binds the JVM meters); {@link #close()} at shutdown.
 */
public final class ExporterMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry meters;
  private final AgentMeters agentMeters;
  private volatile WatchedAgent agent;
  private JvmMeters jvmMeters;

  public ExporterMetrics(BuildInfo buildInfo, Clock clock) {
    PrometheusRegistry registry = new PrometheusRegistry();
    meters =
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, registry, new MicrometerClock(clock));
    agentMeters = new AgentMeters(meters, () -> agent);
    registry.register(new BuildInfoCollector(buildInfo));
    registry.register(
        new ResultStoreCollector(this::endpoints, this::domains, new BannerNormalizer()));
  }

  /** Feeds {@code smtpwatch_probe_schedule_lag_seconds}; give it to {@code Agent.start}. */
  public ScheduleLagObserver scheduleLagObserver() {
    return agentMeters.scheduleLagObserver();
  }

  /**
   * Exposes the endpoints and the reload status of {@code agent} from now on, and the JVM and
   * process metrics from its first call: their binders (JMX) take about 70 ms of a start, which
   * would otherwise come before the first probe.
   */
  public void watch(Agent agent) {
    watch(WatchedAgent.of(agent));
  }

  synchronized void watch(WatchedAgent agent) {
    this.agent = agent;
    if (jvmMeters == null) {
      jvmMeters = new JvmMeters(meters);
    }
  }

  /** The registry {@code /metrics} renders. */
  public PrometheusRegistry registry() {
    return meters.getPrometheusRegistry();
  }

  /**
   * A registry holding only the series of one probe result, for {@code /probe}: the same series
   * {@code /metrics} shows for the latest probe of an endpoint (its duration included), without the
   * counters, timestamps and histogram that only make sense for the schedule.
   */
  public static PrometheusRegistry forProbe(ProbeResult result) {
    FamilySnapshots out = new FamilySnapshots();
    new LatestProbeSeries(new BannerNormalizer()).write(result.endpoint(), result, out);
    MetricSnapshots snapshots = out.build();
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register((MultiCollector) () -> snapshots);
    return registry;
  }

  /** Stops the JVM binders that listen for events and closes the Micrometer registry. */
  @Override
  public synchronized void close() {
    if (jvmMeters != null) {
      jvmMeters.close();
    }
    meters.close();
  }

  private List<DomainState> domains() {
    WatchedAgent watched = agent;
    return watched == null ? List.of() : watched.domains().get();
  }

  private List<EndpointSnapshot> endpoints() {
    WatchedAgent watched = agent;
    return watched == null ? List.of() : watched.results().snapshot();
  }
}
