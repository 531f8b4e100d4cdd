package org.smtpwatch.exporter.metrics;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.smtpwatch.config.DomainSpec;

/**
 * The labels of a domain's own series: {@code domain} and the domain's {@code labels:} from the
 * config, plus what a family adds ({@code mx}, {@code reason}, ...).
 */
final class DomainLabels {

  private final Map<String, String> labels;

  DomainLabels(DomainSpec spec) {
    Map<String, String> all = new TreeMap<>();
    spec.templates().stream().findFirst().ifPresent(t -> all.putAll(t.labels()));
    all.put(DomainSpec.LABEL, spec.name());
    this.labels = all;
  }

  Labels plain() {
    return with();
  }

  /** These labels and {@code namesAndValues} (name, value, ...); a family's own label wins. */
  Labels with(String... namesAndValues) {
    Map<String, String> all = new TreeMap<>(labels);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      all.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
    }
    List<String> names = new ArrayList<>(all.keySet());
    List<String> values = new ArrayList<>(all.values());
    return Labels.of(names, values);
  }
}
