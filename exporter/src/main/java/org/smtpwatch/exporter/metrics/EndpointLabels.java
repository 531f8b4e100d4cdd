package org.smtpwatch.exporter.metrics;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.smtpwatch.config.Endpoint;

/**
 * The labels every series of one endpoint carries: {@code host}, {@code port}, {@code mode} and the
 * endpoint's own {@code labels:} from the config, plus what a family adds ({@code phase}, {@code
 * banner}, ...).
 *
 * <p>The config refuses label names smtpwatch sets itself; endpoints built in code are not checked
 * there. Where such an endpoint's label has the same name as a family's own label, the family's
 * wins on that family: the Prometheus client rejects a label name given twice, and the family's
 * value is the one the metric is about.
 */
final class EndpointLabels {

  private final Map<String, String> labels;
  private Labels plain;

  /**
   * The Prometheus client refuses these on histograms and summaries, which would fail the whole
   * scrape. The config refuses them too; endpoints built in code are not checked there.
   */
  private static final Set<String> LIBRARY_RESERVED = Set.of("le", "quantile");

  EndpointLabels(Endpoint endpoint) {
    Map<String, String> all = new TreeMap<>(endpoint.labels());
    all.keySet().removeAll(LIBRARY_RESERVED);
    all.put("host", endpoint.host());
    all.put("port", Integer.toString(endpoint.port()));
    all.put("mode", endpoint.mode().configName());
    this.labels = all;
  }

  /** The endpoint's labels alone, built (and their names validated) once per instance. */
  Labels plain() {
    if (plain == null) {
      plain = Labels.of(new ArrayList<>(labels.keySet()), new ArrayList<>(labels.values()));
    }
    return plain;
  }

  /** The endpoint's labels and {@code namesAndValues} (name, value, name, value, ...). */
  Labels with(String... namesAndValues) {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    boolean overrides = false;
    for (int i = 0; i < namesAndValues.length; i += 2) {
      names.add(namesAndValues[i]);
      // A label cannot be null; an unknown value is an empty one, as Prometheus reads it anyway.
      values.add(namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
      overrides |= labels.containsKey(namesAndValues[i]);
    }
    if (!overrides) {
      // Merging two valid label sets checks no name again. Labels.of validates every name with
      // a new UTF-8 encoder, which made most of a scrape's garbage when done for every series.
      return plain().merge(Labels.of(names, values));
    }
    labels.forEach(
        (name, value) -> {
          if (!names.contains(name)) {
            names.add(name);
            values.add(value);
          }
        });
    return Labels.of(names, values);
  }
}
