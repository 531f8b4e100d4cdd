package org.smtpwatch.exporter.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.smtpwatch.agent.schedule.ReloadStatus;
import org.smtpwatch.agent.schedule.ScheduleLagObserver;

/**
 * The agent's own health as Micrometer meters: config reloads, endpoints scheduled, probes in
 * flight against the concurrency limit, how late probes start. Gauges read the watched agent when
 * scraped; before {@link ExporterMetrics#watch} there is no agent and they read NaN.
 */
final class AgentMeters {

  /**
   * From "on time" to "a whole default interval late": lag beyond a few seconds means the probe
   * slots or the machine are saturated.
   */
  private static final Duration[] LAG_BUCKETS = {
    Duration.ofMillis(10),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60)
  };

  private final Timer scheduleLag;

  AgentMeters(MeterRegistry registry, Supplier<WatchedAgent> agent) {
    gauge(
        registry,
        agent,
        "smtpwatch.config.last.reload.successful",
        null,
        "1 if the latest config load or reload was applied, 0 if it was rejected",
        a -> status(a) == null ? Double.NaN : status(a).lastSuccessful() ? 1 : 0);
    gauge(
        registry,
        agent,
        "smtpwatch.config.last.reload.success.timestamp",
        "seconds",
        "When a config was last applied, Unix seconds",
        a ->
            status(a) == null || status(a).lastSuccessAt() == null
                ? Double.NaN
                : UnixSeconds.of(status(a).lastSuccessAt()));
    gauge(
        registry,
        agent,
        "smtpwatch.endpoints",
        null,
        "Endpoints scheduled now",
        a -> a.results().size());
    // In flight against the limit shows whether the probe slots, not the servers, are the
    // bottleneck: probes waiting for a permit count as in flight.
    gauge(
        registry,
        agent,
        "smtpwatch.probes.in.flight",
        null,
        "Probes started and not finished, including those waiting for a concurrency permit",
        a -> a.probesInFlight().getAsInt());
    gauge(
        registry,
        agent,
        "smtpwatch.max.concurrent.probes",
        null,
        "How many probes may talk to servers at once (max_concurrent_probes)",
        a -> a.maxConcurrentProbes().getAsInt());
    scheduleLag =
        Timer.builder("smtpwatch.probe.schedule.lag")
            .description("How long after its planned start each probe actually began")
            .serviceLevelObjectives(LAG_BUCKETS)
            .register(registry);
  }

  ScheduleLagObserver scheduleLagObserver() {
    return scheduleLag::record;
  }

  private static ReloadStatus status(WatchedAgent agent) {
    return agent.reloadStatus().get();
  }

  private static void gauge(
      MeterRegistry registry,
      Supplier<WatchedAgent> agent,
      String name,
      String baseUnit,
      String help,
      ToDoubleFunction<WatchedAgent> value) {
    Gauge.builder(
            name,
            agent,
            source -> {
              WatchedAgent watched = source.get();
              return watched == null ? Double.NaN : value.applyAsDouble(watched);
            })
        .baseUnit(baseUnit)
        .description(help)
        .strongReference(true)
        .register(registry);
  }
}
