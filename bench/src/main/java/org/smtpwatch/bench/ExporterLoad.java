package org.smtpwatch.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.smtpwatch.bench.scrape.MetricsText;

/**
 * What one exporter did under a fixed /probe load.
 *
 * @param cpuSeconds the exporter's CPU while the load ran
 * @param compilerSeconds the part of it the JVM's JIT compiler threads used (0 for a Go binary)
 * @param medianSeconds the median probe duration the exporter itself reported
 * @param firstFailure the first unsuccessful answer's failure series (or its whole text), or empty
 */
record ExporterLoad(
    int requests,
    int succeeded,
    double cpuSeconds,
    double compilerSeconds,
    double medianSeconds,
    String firstFailure) {

  /**
   * @param durationSeries the series holding the probe's duration in an answer
   * @param successSeries the series that is 1 when the probe succeeded
   */
  static ExporterLoad of(
      List<String> answers,
      double cpuSeconds,
      double compilerSeconds,
      String durationSeries,
      String successSeries) {
    List<Double> durations = new ArrayList<>();
    int succeeded = 0;
    String firstFailure = "";
    for (String answer : answers) {
      MetricsText text = MetricsText.parse(answer);
      if (text.sum(successSeries) == 1) {
        succeeded++;
        durations.add(text.sum(durationSeries));
      } else if (firstFailure.isEmpty()) {
        firstFailure = failureOf(answer);
      }
    }
    Collections.sort(durations);
    double median = durations.isEmpty() ? Double.NaN : durations.get(durations.size() / 2);
    return new ExporterLoad(
        answers.size(), succeeded, cpuSeconds, compilerSeconds, median, firstFailure);
  }

  private static String failureOf(String answer) {
    if (answer.isEmpty()) {
      return "no answer";
    }
    return answer
        .lines()
        .filter(line -> line.startsWith("smtp_probe_failure_info{"))
        .findFirst()
        .orElse(answer.strip());
  }

  double cpuPerThousand() {
    return 1000 * cpuSeconds / requests;
  }

  double compilerPerThousand() {
    return 1000 * compilerSeconds / requests;
  }
}
