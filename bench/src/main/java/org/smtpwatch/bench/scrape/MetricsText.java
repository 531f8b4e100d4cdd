package org.smtpwatch.bench.scrape;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The samples of a Prometheus text exposition: series (name and labels, as written) to value. Just
 * enough of the format for what the benchmark reads; promtool and the exporter's own tests check
 * the format itself.
 */
public final class MetricsText {

  private final Map<String, Double> samples;

  private MetricsText(Map<String, Double> samples) {
    this.samples = samples;
  }

  public static MetricsText parse(String text) {
    Map<String, Double> samples = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      // Label values may hold spaces but not after the closing brace: the value follows the last
      // space outside them (no timestamps are written by the exporters measured here).
      int close = line.lastIndexOf('}');
      int space = line.indexOf(' ', Math.max(close, 0));
      if (space > 0) {
        samples.put(line.substring(0, space), parseValue(line.substring(space + 1).trim()));
      }
    }
    return new MetricsText(samples);
  }

  /** The value of a series written exactly so, or NaN. */
  public double value(String series) {
    return samples.getOrDefault(series, Double.NaN);
  }

  /** Every series whose name is {@code name} (with any labels), with its value. */
  public void forEach(String name, BiConsumer<String, Double> action) {
    samples.forEach(
        (series, value) -> {
          if (series.equals(name) || series.startsWith(name + "{")) {
            action.accept(series, value);
          }
        });
  }

  /** The sum of every series of {@code name}. */
  public double sum(String name) {
    double[] sum = {0};
    forEach(name, (series, value) -> sum[0] += value);
    return sum[0];
  }

  private static double parseValue(String value) {
    return switch (value) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(value);
    };
  }
}
