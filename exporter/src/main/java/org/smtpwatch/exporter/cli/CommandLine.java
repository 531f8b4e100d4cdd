package org.smtpwatch.exporter.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.smtpwatch.exporter.BuildInfo;

/**
 * Picks the verb from the arguments and runs it. Commands are created only when chosen, so {@code
 * --help} never builds a prober or loads a config.
 */
public final class CommandLine {

  /** The verb used when the first argument is a flag: {@code smtpwatch --config FILE}. */
  static final String DEFAULT_VERB = "run";

  private static final List<String> HELP = List.of("-h", "--help", "help");

  private final Map<String, Supplier<CliCommand>> verbs;
  private final BuildInfo build;
  private final PrintStream out;
  private final PrintStream err;

  public CommandLine(
      Map<String, Supplier<CliCommand>> verbs, BuildInfo build, PrintStream out, PrintStream err) {
    this.verbs = Map.copyOf(verbs);
    this.build = build;
    this.out = out;
    this.err = err;
  }

  /** Returns the process exit status. */
  public int run(List<String> args) {
    if (args.isEmpty()) {
      err.print(Usage.text());
      return CliCommand.USAGE;
    }
    String first = args.get(0);
    if (first.equals("--version")) {
      out.println(build.describe());
      return 0;
    }
    if (HELP.contains(first)) {
      out.print(Usage.text());
      return 0;
    }
    if (first.startsWith("-")) {
      return runVerb(DEFAULT_VERB, args);
    }
    if (!verbs.containsKey(first)) {
      err.println("smtpwatch: unknown command \"" + first + "\" (see smtpwatch --help)");
      return CliCommand.USAGE;
    }
    return runVerb(first, args.subList(1, args.size()));
  }

  private int runVerb(String verb, List<String> verbArgs) {
    // "smtpwatch probe --help" is help, whatever else the line holds.
    if (verbArgs.contains("-h") || verbArgs.contains("--help")) {
      out.print(Usage.text());
      return 0;
    }
    return verbs.get(verb).get().run(List.copyOf(verbArgs));
  }
}
