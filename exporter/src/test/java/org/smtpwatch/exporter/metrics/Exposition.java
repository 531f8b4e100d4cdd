package org.smtpwatch.exporter.metrics;

import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Renders a registry as the HTTP server would, in both formats. */
final class Exposition {

  private Exposition() {}

  static String text(PrometheusRegistry registry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static String openMetrics(PrometheusRegistry registry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      OpenMetricsTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The sample lines (not comments) whose metric name is {@code name} exactly. */
  static List<String> samples(String exposition, String name) {
    return exposition
        .lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .toList();
  }

  /** Every sample line of the smtp_ families, comments left out. */
  static List<String> smtpSamples(String exposition) {
    return exposition.lines().filter(line -> line.startsWith("smtp_")).toList();
  }
}
