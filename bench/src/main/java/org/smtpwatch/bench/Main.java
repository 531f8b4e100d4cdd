package org.smtpwatch.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar smtpwatch-bench.jar [SCENARIO...] [--intervals N] [--compare-seconds S] [--rate
 * R]}, or {@code java -jar smtpwatch-bench.jar jmh [JMH OPTIONS]} for the microbenchmarks. Run from
 * the source tree's root (it reads exporter/target/smtpwatch.jar and systemd/smtpwatch.service).
 * Figures go to stdout, one per line, after each scenario.
 */
public final class Main {

  private static final String USAGE =
      "usage: smtpwatch-bench [1k-60s|10k-60s|1k-15s|1k-60s-hanging|compare ...]"
          + " [--intervals N] [--compare-seconds S] [--rate R] [--warm-up S] [--warm-up-max S]"
          + " [--jfr]\n"
          + "       smtpwatch-bench jmh [JMH options, e.g. -f 1 -wi 3 -i 5]";

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("jmh")) {
      org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    List<String> names = new ArrayList<>();
    // intervals, compare seconds, rate, warm-up seconds at least and at most
    int[] numbers = {1, 15, 20, 30, 600};
    boolean jfr = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--intervals" -> numbers[0] = positive(args, ++i);
        case "--compare-seconds" -> numbers[1] = positive(args, ++i);
        case "--rate" -> numbers[2] = positive(args, ++i);
        case "--warm-up" -> numbers[3] = positive(args, ++i);
        case "--warm-up-max" -> numbers[4] = positive(args, ++i);
        case "--jfr" -> jfr = true;
        case "-h", "--help" -> {
          System.out.println(USAGE);
          return;
        }
        default -> names.add(args[i]);
      }
    }
    BenchSettings settings = settings(numbers, jfr);
    run(names.isEmpty() ? allNames() : names, settings, System.out);
  }

  private static void run(List<String> names, BenchSettings settings, PrintStream out)
      throws Exception {
    out.println("smtpwatch benchmark; configs and logs in " + settings.workDir());
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      // Each stage gets addresses of its own: 127.77.(8i .. 8i+7).x
      int addressBlock = 8 * i;
      if (name.equals("compare")) {
        CompareRun.run(settings, addressBlock, out);
        continue;
      }
      Scenario scenario =
          Scenario.ALL.stream()
              .filter(s -> s.name().equals(name))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalArgumentException("unknown scenario " + name + "\n" + USAGE));
      FileLimit.require(scenario.endpoints() + 2_000);
      ScenarioRun.run(scenario, settings, addressBlock).print(out);
    }
  }

  private static List<String> allNames() {
    List<String> names = new ArrayList<>();
    Scenario.ALL.forEach(s -> names.add(s.name()));
    names.add("compare");
    return names;
  }

  private static BenchSettings settings(int[] numbers, boolean jfr) throws IOException {
    Path jar = Path.of("exporter/target/smtpwatch.jar");
    Path unit = Path.of("systemd/smtpwatch.service");
    if (!Files.isRegularFile(jar) || !Files.isRegularFile(unit)) {
      throw new IllegalStateException(
          "run from the source tree's root after building: no " + jar + " or " + unit);
    }
    return new BenchSettings(
        jar.toAbsolutePath(),
        org.smtpwatch.bench.process.JavaOptions.fromUnit(unit),
        jfr,
        Path.of("/usr/bin/prometheus-blackbox-exporter"),
        Files.createTempDirectory("smtpwatch-bench-"),
        numbers[0],
        numbers[1],
        numbers[2],
        numbers[3],
        Math.max(numbers[3], numbers[4]));
  }

  private static int positive(String[] args, int i) {
    if (i >= args.length || !args[i].matches("[1-9]\\d{0,5}")) {
      throw new IllegalArgumentException(args[i - 1] + " needs a positive number\n" + USAGE);
    }
    return Integer.parseInt(args[i]);
  }
}
