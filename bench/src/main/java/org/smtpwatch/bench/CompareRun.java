package org.smtpwatch.bench;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * through {@code /probe} at the same rate, one exporter and one mode at a time. smtpwatch's own
 * schedule is an hour here, so its scheduled probes do not add to what is measured.
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
        ExporterLoad ours =
            load(
                settings,
                agent,
                endpoints,
                e -> uri(agentPort, "/probe?target=" + e.target() + "&mode=" + mode.configName()),
                "smtp_probe_duration_seconds",
                "smtp_probe_success");
        ExporterLoad theirs =
            load(
                settings,
                blackbox,
                endpoints,
                e ->
                    uri(
                        blackboxPort,
                        "/probe?module=smtp_" + mode.configName() + "&target=" + e.target()),
                "probe_duration_seconds",
                "probe_success");
        new ModeComparison(mode, ours, theirs).print(out);
      }
      printMemory(out, agent.pid(), blackbox.pid());
    }
  }

  private static ExporterLoad load(
      BenchSettings settings,
      ChildProcess exporter,
      List<FleetEndpoint> endpoints,
      Function<FleetEndpoint, URI> probeUri,
      String durationSeries,
      String successSeries)
      throws InterruptedException {
    List<URI> uris = endpoints.stream().map(probeUri).toList();
    WarmUp.Figures warmUp =
        WarmUp.untilQuiet(
            exporter.pid(),
            uris,
            WARM_UP_RATE_FACTOR * settings.compareRate(),
            Duration.ofSeconds(settings.warmUpSeconds()),
            Duration.ofSeconds(settings.warmUpMaxSeconds()));
    CpuReading before = CpuReading.of(exporter.pid());
    List<String> answers =
        ProbeDriver.drive(
            uris, settings.compareRate(), Duration.ofSeconds(settings.compareSeconds()));
    CpuReading after = CpuReading.of(exporter.pid());
    return ExporterLoad.of(
        answers,
        after.secondsSince(before),
        after.compilerSecondsSince(before),
        warmUp,
        durationSeries,
        successSeries);
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
