package org.smtpwatch.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.smtpwatch.bench.fleet.Fleet;
import org.smtpwatch.bench.fleet.FleetCertificates;
import org.smtpwatch.bench.fleet.FleetEndpoint;
import org.smtpwatch.bench.fleet.FleetPlan;
import org.smtpwatch.bench.process.ChildProcess;
import org.smtpwatch.bench.process.MachineLoad;
import org.smtpwatch.bench.process.ProcStats;
import org.smtpwatch.bench.scrape.LagHistogram;
import org.smtpwatch.bench.scrape.MetricsText;
import org.smtpwatch.bench.scrape.Scrape;

/**
 * One scenario: a fleet, the agent probing it on schedule, one interval to warm up (first runs are
 * spread over the first interval), then a measured window of whole intervals between two scrapes.
 */
final class ScenarioRun {

  private static final String LAG = "smtpwatch_probe_schedule_lag_seconds";
  private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Back-to-back scrapes after the window, once the scrape path has run often enough to be
   * compiled.
   */
  private static final int TIMED_SCRAPES = 10;

  /** As Prometheus is usually configured: the agent's CPU includes serving these. */
  private static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(15);

  /**
   * The agent starts once at most a tenth of the machine's CPU is busy (the benchmark's own JVM
   * settling after the fleet is up), waiting no longer than the deadline; the share is printed.
   */
  private static final double QUIET = 0.10;

  private static final Duration QUIET_DEADLINE = Duration.ofSeconds(30);

  private ScenarioRun() {}

  static ScenarioFigures run(Scenario scenario, BenchSettings settings, int addressBlock)
      throws Exception {
    Path dir = Files.createDirectories(settings.workDir().resolve(scenario.name()));
    FleetCertificates certificates = FleetCertificates.create(dir);
    List<FleetEndpoint> plan =
        FleetPlan.of(scenario.endpoints(), scenario.hangingShare(), addressBlock);
    int port = Ports.free();
    Path config =
        AgentConfig.write(
            dir.resolve("smtpwatch.yml"),
            port,
            scenario.interval(),
            Scenario.TIMEOUT,
            plan,
            certificates.caFile());
    Duration window = scenario.interval().multipliedBy(settings.intervals()).plusSeconds(2);
    Duration lifetime = scenario.interval().plus(window).plusMinutes(5);
    try (Fleet fleet = Fleet.start(plan, certificates.serverSockets(), lifetime)) {
      double busyBeforeStart = MachineLoad.awaitQuiet(QUIET, QUIET_DEADLINE);
      try (ChildProcess agent = AgentUnderTest.start(settings, config, dir, scenario.maxHeap())) {
        Start start = new Start(agent.awaitMarker(60_000), busyBeforeStart);
        agent.checkAlive(dir.resolve("smtpwatch.log"));
        URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
        // At 10,000 endpoints the first probes finish before the HTTP server listens.
        AgentUnderTest.awaitHttp(
            URI.create("http://127.0.0.1:" + port + "/-/healthy"), Duration.ofSeconds(60));
        // Warm-up: every endpoint's first run, scraped as Prometheus would.
        double firstScrape =
            scrapeEvery(metrics, scenario.interval().plusSeconds(3)).get(0).seconds();
        return measure(scenario, settings, agent, metrics, window, start, firstScrape);
      }
    }
  }

  private static ScenarioFigures measure(
      Scenario scenario,
      BenchSettings settings,
      ChildProcess agent,
      URI metrics,
      Duration window,
      Start start,
      double firstScrape)
      throws Exception {
    long self = ProcessHandle.current().pid();
    double cpu0 = ProcStats.cpuSeconds(agent.pid());
    double fleetCpu0 = ProcStats.cpuSeconds(self);
    MetricsText before = Scrape.get(metrics, SCRAPE_TIMEOUT).metrics();
    long t0 = System.nanoTime();
    scrapeEvery(metrics, window);
    MetricsText after = Scrape.get(metrics, SCRAPE_TIMEOUT).metrics();
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = ProcStats.cpuSeconds(agent.pid()) - cpu0;
    double fleetCpu = ProcStats.cpuSeconds(self) - fleetCpu0;
    LagHistogram lag = LagHistogram.increase(LAG, before, after);
    double[] scrapeSeconds = new double[TIMED_SCRAPES];
    long scrapeBytes = 0;
    for (int i = 0; i < TIMED_SCRAPES; i++) {
      Scrape scrape = Scrape.timed(metrics, SCRAPE_TIMEOUT);
      scrapeSeconds[i] = scrape.seconds();
      scrapeBytes = scrape.bytes();
    }
    Arrays.sort(scrapeSeconds);
    double[] prometheusSeconds = new double[TIMED_SCRAPES / 2];
    long prometheusBytes = 0;
    for (int i = 0; i < prometheusSeconds.length; i++) {
      Scrape scrape = Scrape.asPrometheus(metrics, SCRAPE_TIMEOUT);
      prometheusSeconds[i] = scrape.seconds();
      prometheusBytes = scrape.bytes();
    }
    Arrays.sort(prometheusSeconds);
    return new ScenarioFigures(
        scenario,
        start,
        seconds,
        increase("smtp_probes_total", before, after),
        increase("smtp_probe_failures_total", before, after),
        missed(before, after, settings.intervals()),
        cpu,
        lag.quantile(0.5),
        lag.quantile(0.99),
        after.value(LAG + "_max"),
        lag.count(),
        lag.countAbove(1.0),
        ProcStats.residentBytes(agent.pid()),
        ProcStats.peakResidentBytes(agent.pid()),
        ProcStats.heapAfterGcBytes(agent.pid()),
        firstScrape,
        scrapeSeconds[TIMED_SCRAPES / 2],
        scrapeSeconds[TIMED_SCRAPES - 1],
        scrapeBytes,
        prometheusSeconds[prometheusSeconds.length / 2],
        prometheusBytes,
        fleetCpu);
  }

  /**
   * Scrapes {@code metrics} now and then every {@link #SCRAPE_INTERVAL} until {@code duration} has
   * passed; the duration is the measurement itself, so this returns only then.
   */
  private static List<Scrape> scrapeEvery(URI metrics, Duration duration) throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    List<Scrape> scrapes = new ArrayList<>();
    while (true) {
      long next = System.nanoTime() + SCRAPE_INTERVAL.toNanos();
      scrapes.add(Scrape.timed(metrics, SCRAPE_TIMEOUT));
      long wake = Math.min(next, end);
      long now = System.nanoTime();
      if (wake > now) {
        TimeUnit.NANOSECONDS.sleep(wake - now);
      }
      if (wake == end) {
        return scrapes;
      }
    }
  }

  private static double increase(String name, MetricsText before, MetricsText after) {
    return after.sum(name) - before.sum(name);
  }

  /** Endpoints whose probe count grew by less than the window's whole intervals. */
  private static long missed(MetricsText before, MetricsText after, int intervals) {
    long[] missed = {0};
    after.forEach(
        "smtp_probes_total",
        (series, value) -> {
          double old = before.value(series);
          if (value - (Double.isNaN(old) ? 0 : old) < intervals) {
            missed[0]++;
          }
        });
    return missed[0];
  }
}
