package org.smtpwatch.bench;

import java.io.PrintStream;
import java.util.Locale;
import org.smtpwatch.config.Mode;

/**
 * smtpwatch and blackbox_exporter driven through {@code /probe} at the same rate on the same
 * endpoints of one mode.
 */
record ModeComparison(Mode mode, ExporterLoad smtpwatch, ExporterLoad blackbox) {

  void print(PrintStream out) {
    String p = "compare " + mode.configName() + ": ";
    out.println(p + "warm-up smtpwatch " + smtpwatch.warmUp().describe());
    out.println(p + "warm-up blackbox_exporter " + blackbox.warmUp().describe());
    out.println(
        String.format(
            Locale.ROOT,
            p
                + "CPU s per 1,000 probes: smtpwatch %.2f (JIT compiler %.2f),"
                + " blackbox_exporter %.2f, ratio %.2f",
            smtpwatch.cpuPerThousand(),
            smtpwatch.compilerPerThousand(),
            blackbox.cpuPerThousand(),
            smtpwatch.cpuPerThousand() / blackbox.cpuPerThousand()));
    out.println(
        String.format(
            Locale.ROOT,
            p
                + "probe duration median: smtpwatch %.2f ms, blackbox_exporter %.2f ms, ratio %.2f"
                + " (%+.2f ms)",
            smtpwatch.medianSeconds() * 1000,
            blackbox.medianSeconds() * 1000,
            smtpwatch.medianSeconds() / blackbox.medianSeconds(),
            (smtpwatch.medianSeconds() - blackbox.medianSeconds()) * 1000));
    if (!smtpwatch.phaseMedianSeconds().isEmpty()) {
      StringBuilder phases = new StringBuilder(p + "smtpwatch phase medians:");
      smtpwatch
          .phaseMedianSeconds()
          .forEach(
              (phase, seconds) ->
                  phases.append(String.format(Locale.ROOT, " %s %.3f ms", phase, seconds * 1000)));
      out.println(phases);
    }
    out.println(
        String.format(
            Locale.ROOT,
            p + "successful probes: smtpwatch %d/%d, blackbox_exporter %d/%d",
            smtpwatch.succeeded(),
            smtpwatch.requests(),
            blackbox.succeeded(),
            blackbox.requests()));
    for (ExporterLoad load : new ExporterLoad[] {smtpwatch, blackbox}) {
      if (!load.firstFailure().isEmpty()) {
        out.println(p + "first failure: " + load.firstFailure());
      }
    }
  }
}
