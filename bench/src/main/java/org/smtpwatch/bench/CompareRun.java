package org.smtpwatch.bench;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.smtpwatch.bench.fleet.Fleet;
import org.smtpwatch.bench.fleet.FleetCertificates;
import org.smtpwatch.bench.fleet.FleetEndpoint;
import org.smtpwatch.bench.fleet.FleetPlan;
import org.smtpwatch.bench.process.ChildProcess;
import org.smtpwatch.bench.process.CpuReading;
import org.smtpwatch.bench.process.ProcStats;
import org.smtpwatch.bench.scrape.ProbeDriver;
import org.smtpwatch.config.Mode;

/**
 * Side by side: smtpwatch and blackbox_exporter, each its own process, probe the same endpoints
 * through {@code /probe} at the same rate, one mode at a time: both warmed up, then measured in
 * alternating windows, one exporter at a time. smtpwatch's own schedule is an hour here, so its
 * scheduled probes do not add to what is measured.
 */
final class CompareRun {

  /**
   * Endpoints per mode for each request per second: smtpwatch's /probe reuses a result younger than
   * a second, so every endpoint must come round less often than that for each request to be a
   * probe, in the warm-up too.
   */
  private static final int ENDPOINTS_PER_MODE_PER_RATE = 5;

  /**
   * The warm-up drives at this many times the measured rate (each endpoint every 1.25 s), so the
   * JIT compiler sees its thousands of probes sooner; see {@link WarmUp}.
   */
  private static final int WARM_UP_RATE_FACTOR = 4;

  /** Measured windows per exporter and mode, alternating; see {@link ModeComparison}. */
  private static final int ROUNDS = 3;

  private CompareRun() {}

  /** How many endpoints the fleet of this stage has at {@code rate} probes per second. */
  static long endpoints(int rate) {
    return (long) Mode.values().length * ENDPOINTS_PER_MODE_PER_RATE * rate;
  }

  static void run(BenchSettings settings, int addressBlock, PrintStream out) throws Exception {
    Path dir = Files.createDirectories(settings.workDir().resolve("compare"));
    FleetCertificates certificates = FleetCertificates.create(dir);
    List<FleetEndpoint> plan =
        FleetPlan.of(Math.toIntExact(endpoints(settings.compareRate())), 0, addressBlock);
    int agentPort = Ports.free();
    int blackboxPort = Ports.free();
    Path agentConfig =
        AgentConfig.write(
            dir.resolve("smtpwatch.yml"),
            agentPort,
            Duration.ofHours(1),
            Scenario.TIMEOUT,
            plan,
            certificates.caFile());
    Path blackboxConfig = BlackboxConfig.write(dir.resolve("blackbox.yml"), certificates.caFile());
    try (Fleet fleet = Fleet.start(plan, certificates.serverSockets(), Duration.ofMinutes(30));
        ChildProcess agent = AgentUnderTest.start(settings, agentConfig, dir, null);
        ChildProcess blackbox = startBlackbox(settings, blackboxConfig, blackboxPort, dir)) {
      AgentUnderTest.awaitHttp(uri(agentPort, "/-/healthy"), Duration.ofSeconds(60));
      AgentUnderTest.awaitHttp(uri(blackboxPort, "/-/healthy"), Duration.ofSeconds(60));
      for (Mode mode : Mode.values()) {
        List<FleetEndpoint> endpoints = plan.stream().filter(e -> e.mode() == mode).toList();
        Driven ours =
            new Driven(
                agent,
                uris(
                    endpoints,
                    e ->
                        uri(
                            agentPort,
                            "/probe?target=" + e.target() + "&mode=" + mode.configName())),
                "smtp_probe_duration_seconds",
                "smtp_probe_success");
        Driven theirs =
            new Driven(
                blackbox,
                uris(
                    endpoints,
                    e ->
                        uri(
                            blackboxPort,
                            "/probe?module=smtp_" + mode.configName() + "&target=" + e.target())),
                "probe_duration_seconds",
                "probe_success");
        compare(settings, mode, ours, theirs).print(out);
      }
      printMemory(out, agent.pid(), blackbox.pid());
    }
  }

  /** One exporter's process and the /probe URIs that drive it, with the series it answers. */
  private record Driven(
      ChildProcess exporter, List<URI> uris, String durationSeries, String successSeries) {}

  private static List<URI> uris(List<FleetEndpoint> endpoints, Function<FleetEndpoint, URI> uri) {
    return endpoints.stream().map(uri).toList();
  }

  /** Both warm-ups first, then the measured windows alternating, one round after another. */
  private static ModeComparison compare(
      BenchSettings settings, Mode mode, Driven ours, Driven theirs) throws InterruptedException {
    WarmUp.Figures oursWarm = warmUp(settings, ours);
    WarmUp.Figures theirsWarm = warmUp(settings, theirs);
    List<ExporterLoad> oursRounds = new ArrayList<>();
    List<ExporterLoad> theirsRounds = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      oursRounds.add(window(settings, ours));
      theirsRounds.add(window(settings, theirs));
    }
    return new ModeComparison(mode, oursWarm, theirsWarm, oursRounds, theirsRounds);
  }

  private static WarmUp.Figures warmUp(BenchSettings settings, Driven driven)
      throws InterruptedException {
    return WarmUp.untilQuiet(
        driven.exporter().pid(),
        driven.uris(),
        WARM_UP_RATE_FACTOR * settings.compareRate(),
        Duration.ofSeconds(settings.warmUpSeconds()),
        Duration.ofSeconds(settings.warmUpMaxSeconds()));
  }

  private static ExporterLoad window(BenchSettings settings, Driven driven)
      throws InterruptedException {
    long pid = driven.exporter().pid();
    CpuReading before = CpuReading.of(pid);
    List<String> answers =
        ProbeDriver.drive(
            driven.uris(), settings.compareRate(), Duration.ofSeconds(settings.compareSeconds()));
    CpuReading after = CpuReading.of(pid);
    return ExporterLoad.of(
        answers,
        after.secondsSince(before),
        after.compilerSecondsSince(before),
        driven.durationSeries(),
        driven.successSeries());
  }

  private static void printMemory(PrintStream out, long agentPid, long blackboxPid) {
    long ours = ProcStats.residentBytes(agentPid);
    long theirs = ProcStats.residentBytes(blackboxPid);
    out.println(
        String.format(
            Locale.ROOT,
            "compare: RSS smtpwatch %d MB, blackbox_exporter %d MB, ratio %.1f",
            ours / 1048576,
            theirs / 1048576,
            (double) ours / theirs));
  }

  private static ChildProcess startBlackbox(BenchSettings settings, Path config, int port, Path dir)
      throws java.io.IOException {
    return ChildProcess.start(
        "blackbox_exporter",
        List.of(
            settings.blackbox().toString(),
            "--config.file=" + config,
            "--web.listen-address=127.0.0.1:" + port),
        dir.resolve("blackbox.log"),
        "Listening on");
  }

  private static URI uri(int port, String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }
}
