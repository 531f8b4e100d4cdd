package org.smtpwatch.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.smtpwatch.config.Mode;

/**
 * smtpwatch and blackbox_exporter driven through {@code /probe} at the same rate on the same
 * endpoints of one mode, in rounds: round i is smtpwatch's window i then blackbox_exporter's. A
 * shared VM's speed drifts over minutes; alternating puts both exporters in the same stretch of it,
 * and the figures of each round, printed beside the pooled ones, show how far it drifted.
 */
record ModeComparison(
    Mode mode,
    WarmUp.Figures smtpwatchWarmUp,
    WarmUp.Figures blackboxWarmUp,
    List<ExporterLoad> smtpwatchRounds,
    List<ExporterLoad> blackboxRounds) {

  ModeComparison {
    if (smtpwatchRounds.isEmpty() || smtpwatchRounds.size() != blackboxRounds.size()) {
      throw new IllegalArgumentException(
          "rounds: smtpwatch " + smtpwatchRounds.size() + ", blackbox " + blackboxRounds.size());
    }
  }

  void print(PrintStream out) {
    String p = "compare " + mode.configName() + ": ";
    ExporterLoad smtpwatch = ExporterLoad.pooled(smtpwatchRounds);
    ExporterLoad blackbox = ExporterLoad.pooled(blackboxRounds);
    out.println(p + "warm-up smtpwatch " + smtpwatchWarmUp.describe());
    out.println(p + "warm-up blackbox_exporter " + blackboxWarmUp.describe());
    out.println(
        String.format(
            Locale.ROOT,
            p
                + "CPU s per 1,000 probes (%d rounds): smtpwatch %.2f (JIT compiler %.2f),"
                + " blackbox_exporter %.2f, ratio %.2f; per round%s",
            smtpwatchRounds.size(),
            smtpwatch.cpuPerThousand(),
            smtpwatch.compilerPerThousand(),
            blackbox.cpuPerThousand(),
            cpuRatio(smtpwatch, blackbox),
            perRound(ModeComparison::cpuRatio, "%.2f")));
    out.println(
        String.format(
            Locale.ROOT,
            p
                + "probe duration median: smtpwatch %.2f ms, blackbox_exporter %.2f ms, ratio %.2f"
                + " (%+.2f ms); per round%s",
            smtpwatch.medianSeconds() * 1000,
            blackbox.medianSeconds() * 1000,
            smtpwatch.medianSeconds() / blackbox.medianSeconds(),
            durationDifferenceMs(smtpwatch, blackbox),
            perRound(ModeComparison::durationDifferenceMs, "%+.2f ms")));
    printPhases(out, p, smtpwatch);
    out.println(
        String.format(
            Locale.ROOT,
            p + "successful probes: smtpwatch %d/%d, blackbox_exporter %d/%d",
            smtpwatch.succeeded(),
            smtpwatch.requests(),
            blackbox.succeeded(),
            blackbox.requests()));
    for (ExporterLoad load : List.of(smtpwatch, blackbox)) {
      if (!load.firstFailure().isEmpty()) {
        out.println(p + "first failure: " + load.firstFailure());
      }
    }
  }

  private static double cpuRatio(ExporterLoad smtpwatch, ExporterLoad blackbox) {
    return smtpwatch.cpuPerThousand() / blackbox.cpuPerThousand();
  }

  private static double durationDifferenceMs(ExporterLoad smtpwatch, ExporterLoad blackbox) {
    return (smtpwatch.medianSeconds() - blackbox.medianSeconds()) * 1000;
  }

  private String perRound(BiFunction<ExporterLoad, ExporterLoad, Double> figure, String format) {
    StringBuilder rounds = new StringBuilder();
    for (int i = 0; i < smtpwatchRounds.size(); i++) {
      double value = figure.apply(smtpwatchRounds.get(i), blackboxRounds.get(i));
      rounds.append(' ').append(String.format(Locale.ROOT, format, value));
    }
    return rounds.toString();
  }

  private static void printPhases(PrintStream out, String prefix, ExporterLoad smtpwatch) {
    if (smtpwatch.phaseSeconds().isEmpty()) {
      return;
    }
    StringBuilder phases = new StringBuilder(prefix + "smtpwatch phase medians:");
    smtpwatch
        .phaseMedianSeconds()
        .forEach(
            (phase, seconds) ->
                phases.append(String.format(Locale.ROOT, " %s %.3f ms", phase, seconds * 1000)));
    out.println(phases);
  }
}
