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
 * What one exporter did under a fixed /probe load: one measured window, or several pooled.
 *
 * @param cpuSeconds the exporter's CPU while the load ran
 * @param compilerSeconds the part of it the JVM's JIT compiler threads used (0 for a Go binary)
 * @param durationsSeconds the probe durations the exporter itself reported, of successful probes
 * @param phaseSeconds each phase's durations, for exporters that report phases ({@code
 *     smtp_probe_phase_duration_seconds}), in the order they first appeared
 * @param firstFailure the first unsuccessful answer's failure series (or its whole text), or empty
 */
record ExporterLoad(
    int requests,
    int succeeded,
    double cpuSeconds,
    double compilerSeconds,
    List<Double> durationsSeconds,
    Map<String, List<Double>> phaseSeconds,
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
    return new ExporterLoad(
        answers.size(), succeeded, cpuSeconds, compilerSeconds, durations, phases, firstFailure);
  }

  /** The windows of one exporter as if they were one: counts and CPU summed, durations joined. */
  static ExporterLoad pooled(List<ExporterLoad> windows) {
    int requests = 0;
    int succeeded = 0;
    double cpu = 0;
    double compiler = 0;
    List<Double> durations = new ArrayList<>();
    Map<String, List<Double>> phases = new LinkedHashMap<>();
    String firstFailure = "";
    for (ExporterLoad window : windows) {
      requests += window.requests;
      succeeded += window.succeeded;
      cpu += window.cpuSeconds;
      compiler += window.compilerSeconds;
      durations.addAll(window.durationsSeconds);
      window.phaseSeconds.forEach(
          (phase, values) -> phases.computeIfAbsent(phase, p -> new ArrayList<>()).addAll(values));
      firstFailure = firstFailure.isEmpty() ? window.firstFailure : firstFailure;
    }
    return new ExporterLoad(requests, succeeded, cpu, compiler, durations, phases, firstFailure);
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

  double medianSeconds() {
    return median(durationsSeconds);
  }

  /** The median of each phase, in the order the phases first appeared. */
  Map<String, Double> phaseMedianSeconds() {
    Map<String, Double> medians = new LinkedHashMap<>();
    phaseSeconds.forEach((phase, values) -> medians.put(phase, median(values)));
    return medians;
  }

  double cpuPerThousand() {
    return 1000 * cpuSeconds / requests;
  }

  double compilerPerThousand() {
    return 1000 * compilerSeconds / requests;
  }
}
