package org.smtpwatch.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar smtpwatch-bench.jar [SCENARIO...] [--intervals N] [--compare-seconds S] [--rate
 * R]}, or {@code java -jar smtpwatch-bench.jar jmh [JMH OPTIONS]} for the microbenchmarks. Run from
 * the source tree's root (it reads exporter/target/smtpwatch.jar and systemd/smtpwatch.service).
 * Figures go to stdout, one per line, after each scenario.
 */
public final class Main {

  /** What a command line the benchmark cannot run exits with, as smtpwatch's own usage errors. */
  private static final int USAGE_ERROR = 2;

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("jmh")) {
      org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    BenchArguments arguments;
    try {
      arguments = BenchArguments.parse(args);
    } catch (BenchArguments.UsageException e) {
      System.err.println("smtpwatch-bench: " + e.getMessage() + "\n" + BenchArguments.USAGE);
      System.exit(USAGE_ERROR);
      return;
    }
    if (arguments.help()) {
      System.out.println(BenchArguments.USAGE);
      return;
    }
    BenchSettings settings;
    try {
      // Both checked before the first stage, not when the stage that needs them comes.
      FileLimit.require(neededOpenFiles(arguments));
      settings = settings(arguments);
    } catch (IllegalStateException e) {
      System.err.println("smtpwatch-bench: " + e.getMessage());
      System.exit(1);
      return;
    }
    run(arguments.stages(), settings, System.out);
  }

  /** One listening socket per endpoint of the largest stage, plus room for connections. */
  private static long neededOpenFiles(BenchArguments arguments) {
    List<String> stages = arguments.stages();
    long compare =
        stages.contains(BenchArguments.COMPARE) ? CompareRun.endpoints(arguments.rate()) : 0;
    long scenarios =
        stages.stream()
            .flatMap(stage -> Scenario.named(stage).stream())
            .mapToLong(Scenario::endpoints)
            .max()
            .orElse(0);
    return Math.max(compare, scenarios) + 2_000;
  }

  private static void run(List<String> names, BenchSettings settings, PrintStream out)
      throws Exception {
    out.println("smtpwatch benchmark; configs and logs in " + settings.workDir());
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      // Each stage gets addresses of its own: 127.77.(8i .. 8i+7).x
      int addressBlock = 8 * i;
      if (name.equals(BenchArguments.COMPARE)) {
        CompareRun.run(settings, addressBlock, out);
        continue;
      }
      Scenario scenario = Scenario.named(name).orElseThrow();
      ScenarioRun.run(scenario, settings, addressBlock).print(out);
    }
  }

  private static BenchSettings settings(BenchArguments arguments) throws IOException {
    Path jar = Path.of("exporter/target/smtpwatch.jar");
    Path unit = Path.of("systemd/smtpwatch.service");
    if (!Files.isRegularFile(jar) || !Files.isRegularFile(unit)) {
      throw new IllegalStateException(
          "run from the source tree's root after building: no " + jar + " or " + unit);
    }
    Path blackbox = Path.of("/usr/bin/prometheus-blackbox-exporter");
    if (arguments.stages().contains(BenchArguments.COMPARE) && !Files.isExecutable(blackbox)) {
      throw new IllegalStateException(
          "compare runs Debian's blackbox_exporter, and there is no "
              + blackbox
              + " (apt-get install prometheus-blackbox-exporter)");
    }
    return new BenchSettings(
        jar.toAbsolutePath(),
        org.smtpwatch.bench.process.JavaOptions.fromUnit(unit),
        arguments.jfr(),
        blackbox,
        Files.createTempDirectory("smtpwatch-bench-"),
        arguments.intervals(),
        arguments.compareSeconds(),
        arguments.rate(),
        arguments.warmUpSeconds(),
        arguments.warmUpMaxSeconds());
  }
}
