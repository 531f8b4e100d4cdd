package org.smtpwatch.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smtpwatch.bench.scrape.MetricsText;

/**
 * What one exporter did under a fixed /probe load.
 *
 * @param cpuSeconds the exporter's CPU while the load ran
 * @param compilerSeconds the part of it the JVM's JIT compiler threads used (0 for a Go binary)
 * @param warmUp what the warm-up before the load took
 * @param medianSeconds the median probe duration the exporter itself reported
 * @param phaseMedianSeconds the median of each phase's duration, for exporters that report phases
 *     ({@code smtp_probe_phase_duration_seconds}), in the order they first appeared
 * @param firstFailure the first unsuccessful answer's failure series (or its whole text), or empty
 */
record ExporterLoad(
    int requests,
    int succeeded,
    double cpuSeconds,
    double compilerSeconds,
    WarmUp.Figures warmUp,
    double medianSeconds,
    Map<String, Double> phaseMedianSeconds,
    String firstFailure) {

  private static final String PHASE_SERIES = "smtp_probe_phase_duration_seconds";
  private static final Pattern PHASE_LABEL = Pattern.compile("[{,]phase=\"([^\"]+)\"");

  /**
   * @param durationSeries the series holding the probe's duration in an answer
   * @param successSeries the series that is 1 when the probe succeeded
   */
  static ExporterLoad of(
      List<String> answers,
      double cpuSeconds,
      double compilerSeconds,
      WarmUp.Figures warmUp,
      String durationSeries,
      String successSeries) {
    List<Double> durations = new ArrayList<>();
    Map<String, List<Double>> phases = new LinkedHashMap<>();
    int succeeded = 0;
    String firstFailure = "";
    for (String answer : answers) {
      MetricsText text = MetricsText.parse(answer);
      if (text.sum(successSeries) == 1) {
        succeeded++;
        durations.add(text.sum(durationSeries));
        text.forEach(PHASE_SERIES, (series, value) -> phaseOf(series, value, phases));
      } else if (firstFailure.isEmpty()) {
        firstFailure = failureOf(answer);
      }
    }
    Map<String, Double> phaseMedians = new LinkedHashMap<>();
    phases.forEach((phase, values) -> phaseMedians.put(phase, median(values)));
    return new ExporterLoad(
        answers.size(),
        succeeded,
        cpuSeconds,
        compilerSeconds,
        warmUp,
        median(durations),
        phaseMedians,
        firstFailure);
  }

  private static void phaseOf(String series, double value, Map<String, List<Double>> phases) {
    Matcher phase = PHASE_LABEL.matcher(series);
    if (phase.find()) {
      phases.computeIfAbsent(phase.group(1), p -> new ArrayList<>()).add(value);
    }
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
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
