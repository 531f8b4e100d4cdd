package org.smtpwatch.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's command line, checked whole before anything starts: a misspelt scenario after
 * {@code 10k-60s} should not be found four minutes into the run.
 *
 * @param stages the scenarios and {@code compare}, in the order given (all of them when none)
 * @param intervals how many probe intervals each scenario measures
 * @param compareSeconds how long each exporter is driven per mode in {@code compare}
 * @param rate {@code /probe} requests per second in {@code compare}
 * @param warmUpSeconds the least warm-up per mode and exporter in {@code compare}
 * @param warmUpMaxSeconds the most warm-up, never below {@code warmUpSeconds}
 * @param jfr record each agent with Java Flight Recorder
 * @param help only the usage was asked for (the rest is still checked)
 */
record BenchArguments(
    List<String> stages,
    int intervals,
    int compareSeconds,
    int rate,
    int warmUpSeconds,
    int warmUpMaxSeconds,
    boolean jfr,
    boolean help) {

  static final String USAGE =
      "usage: smtpwatch-bench [1k-60s|10k-60s|1k-15s|1k-60s-hanging|compare ...]"
          + " [--intervals N] [--compare-seconds S] [--rate R] [--warm-up S] [--warm-up-max S]"
          + " [--jfr]\n"
          + "       smtpwatch-bench jmh [JMH options, e.g. -f 1 -wi 3 -i 5]";

  static final String COMPARE = "compare";

  /** A command line the benchmark cannot run; the message says which argument and why. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  static BenchArguments parse(String... args) throws UsageException {
    List<String> stages = new ArrayList<>();
    // intervals, compare seconds, rate, warm-up seconds at least and at most
    int[] numbers = {1, 15, 20, 30, 600};
    boolean warmUpMaxGiven = false;
    boolean jfr = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--intervals" -> numbers[0] = positive(args, ++i);
        case "--compare-seconds" -> numbers[1] = positive(args, ++i);
        case "--rate" -> numbers[2] = positive(args, ++i);
        case "--warm-up" -> numbers[3] = positive(args, ++i);
        case "--warm-up-max" -> {
          numbers[4] = positive(args, ++i);
          warmUpMaxGiven = true;
        }
        case "--jfr" -> jfr = true;
        case "-h", "--help" -> help = true;
        default -> stages.add(stage(args[i]));
      }
    }
    if (numbers[4] < numbers[3]) {
      if (warmUpMaxGiven) {
        throw new UsageException(
            "--warm-up-max " + numbers[4] + " is below --warm-up " + numbers[3]);
      }
      // Only --warm-up was given, above the default most: the most follows it.
      numbers[4] = numbers[3];
    }
    return new BenchArguments(
        stages.isEmpty() ? allStages() : List.copyOf(stages),
        numbers[0],
        numbers[1],
        numbers[2],
        numbers[3],
        numbers[4],
        jfr,
        help);
  }

  private static String stage(String arg) throws UsageException {
    if (arg.startsWith("-")) {
      throw new UsageException("unknown option " + arg);
    }
    if (!arg.equals(COMPARE) && Scenario.named(arg).isEmpty()) {
      throw new UsageException("unknown scenario " + arg);
    }
    return arg;
  }

  private static List<String> allStages() {
    List<String> names = new ArrayList<>();
    Scenario.ALL.forEach(s -> names.add(s.name()));
    names.add(COMPARE);
    return List.copyOf(names);
  }

  private static int positive(String[] args, int i) throws UsageException {
    if (i >= args.length || !args[i].matches("[1-9]\\d{0,5}")) {
      throw new UsageException(
          args[i - 1] + " needs a positive number" + (i < args.length ? ", not " + args[i] : ""));
    }
    return Integer.parseInt(args[i]);
  }
}
