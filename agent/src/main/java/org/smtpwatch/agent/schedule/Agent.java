package org.smtpwatch.agent.schedule;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.smtpwatch.agent.dns.CurrentDns;
import org.smtpwatch.agent.domain.DomainWatch;
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
  private final DomainWatch domains;

  private Agent(
      ResultStore results,
      ProbeRunner runner,
      ProbeSchedule schedule,
      ConfigReloader reloader,
      DomainWatch domains) {
    this.results = results;
    this.runner = runner;
    this.schedule = schedule;
    this.reloader = reloader;
    this.domains = domains;
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
    return start(config, prober, loader, lag, new CurrentDns(), clock);
  }

  /**
   * As {@link #start(Config, Prober, Function, ScheduleLagObserver, Clock)}, looking up watched
   * domains through {@code dns}, which follows the running config's {@code dns:} section (give the
   * prober the same one, so it resolves MX hosts through the same resolver).
   */
  public static Agent start(
      Config config,
      Prober prober,
      Function<Path, ConfigLoadResult> loader,
      ScheduleLagObserver lag,
      CurrentDns dns,
      Clock clock) {
    ResultStore results = new ResultStore();
    ProbeRunner runner =
        new ProbeRunner(
            prober, results, new StateChangeLog(), config.maxConcurrentProbes(), lag, clock);
    ProbeSchedule schedule = ProbeSchedule.start(runner, clock);
    ConfigReloader reloader = new ConfigReloader(results, schedule, runner, loader, clock);
    DomainWatch domains = new DomainWatch(dns, reloader::replaceDomainEndpoints, clock);
    reloader.onApplied(
        () -> {
          dns.use(reloader.running().dns());
          domains.update(reloader.running().domains());
        });
    reloader.apply(config);
    return new Agent(results, runner, schedule, reloader, domains);
  }

  /** The watched domains' latest lookups, for the metrics. */
  public DomainWatch domains() {
    return domains;
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
    domains.close();
    schedule.close();
    runner.stop(stopGrace());
  }

  /** The longest {@link #close()} waits for probes in flight: the longest timeout and a margin. */
  public Duration stopGrace() {
    Duration longestTimeout =
        reloader.scheduledEndpoints().stream()
            .map(Endpoint::timeout)
            .max(Duration::compareTo)
            .orElse(Duration.ZERO);
    return longestTimeout.plus(PROBE_MARGIN);
  }
}
