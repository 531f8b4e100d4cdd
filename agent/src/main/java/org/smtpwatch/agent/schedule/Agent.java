package org.smtpwatch.agent.schedule;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.smtpwatch.agent.probe.Prober;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.Endpoint;

/**
 * The running agent: the store, the probe runner, the Quartz schedule and the reloader, wired
 * together explicitly. {@code smtpwatch run} starts one; tests start several side by side.
 */
public final class Agent implements AutoCloseable {

  /** How long past its own timeout a probe may take to return (the prober's "small margin"). */
  static final Duration PROBE_MARGIN = Duration.ofSeconds(2);

  private final ResultStore results;
  private final ProbeRunner runner;
  private final ProbeSchedule schedule;
  private final ConfigReloader reloader;

  private Agent(
      ResultStore results, ProbeRunner runner, ProbeSchedule schedule, ConfigReloader reloader) {
    this.results = results;
    this.runner = runner;
    this.schedule = schedule;
    this.reloader = reloader;
  }

  /**
   * Schedules every endpoint of {@code config} and starts probing.
   *
   * @param loader used by {@link ConfigReloader#reload(Path)}: {@code new ConfigLoader()::load}
   */
  public static Agent start(
      Config config, Prober prober, Function<Path, ConfigLoadResult> loader, Clock clock) {
    return start(config, prober, loader, ScheduleLagObserver.IGNORE, clock);
  }

  /**
   * As {@link #start(Config, Prober, Function, Clock)}, telling {@code lag} how late each probe
   * started.
   */
  public static Agent start(
      Config config,
      Prober prober,
      Function<Path, ConfigLoadResult> loader,
      ScheduleLagObserver lag,
      Clock clock) {
    ResultStore results = new ResultStore();
    ProbeRunner runner =
        new ProbeRunner(
            prober, results, new StateChangeLog(), config.maxConcurrentProbes(), lag, clock);
    ProbeSchedule schedule = ProbeSchedule.start(runner, clock);
    ConfigReloader reloader = new ConfigReloader(results, schedule, runner, loader, clock);
    reloader.apply(config);
    return new Agent(results, runner, schedule, reloader);
  }

  /** What the exporter reads at scrape time. */
  public ResultStore results() {
    return results;
  }

  public ConfigReloader reloader() {
    return reloader;
  }

  /** Probes started and not finished yet, including those waiting for a concurrency permit. */
  public int probesInFlight() {
    return runner.inFlight();
  }

  /** The {@code max_concurrent_probes} in force now. */
  public int maxConcurrentProbes() {
    return runner.concurrencyLimit();
  }

  ProbeSchedule schedule() {
    return schedule;
  }

  ProbeRunner runner() {
    return runner;
  }

  /**
   * Stops scheduling, then gives the probes in flight until their own deadline; any still running
   * after that are abandoned (their threads are daemons).
   */
  @Override
  public void close() {
    schedule.close();
    runner.stop(stopGrace());
  }

  /** The longest {@link #close()} waits for probes in flight: the longest timeout and a margin. */
  public Duration stopGrace() {
    Duration longestTimeout =
        reloader.running().endpoints().stream()
            .map(Endpoint::timeout)
            .max(Duration::compareTo)
            .orElse(Duration.ZERO);
    return longestTimeout.plus(PROBE_MARGIN);
  }
}
