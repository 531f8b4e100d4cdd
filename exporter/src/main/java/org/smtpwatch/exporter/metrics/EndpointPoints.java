package org.smtpwatch.exporter.metrics;

import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The data points built from one immutable value (an endpoint's snapshot), family by family, kept
 * so that a scrape reuses them for as long as that value is the endpoint's latest. Compact on
 * purpose: 10,000 endpoints keep one of these each.
 */
final class EndpointPoints {

  /** Orders endpoints as the Prometheus client orders their series. */
  static final Comparator<EndpointPoints> BY_LABELS = Comparator.comparing(p -> p.labels);

  private final Object source;
  private final Labels labels;
  private final MetricFamily[] families;
  private final int[] ends;
  private final DataPointSnapshot[] points;

  private EndpointPoints(
      Object source,
      Labels labels,
      MetricFamily[] families,
      int[] ends,
      DataPointSnapshot[] points) {
    this.source = source;
    this.labels = labels;
    this.families = families;
    this.ends = ends;
    this.points = points;
  }

  /**
   * @param labels the endpoint's own labels, which every one of its points carries
   */
  static EndpointPoints of(
      Object source, Labels labels, Map<MetricFamily, List<DataPointSnapshot>> byFamily) {
    MetricFamily[] families = new MetricFamily[byFamily.size()];
    int[] ends = new int[byFamily.size()];
    int count = byFamily.values().stream().mapToInt(List::size).sum();
    DataPointSnapshot[] points = new DataPointSnapshot[count];
    int f = 0;
    int p = 0;
    for (Map.Entry<MetricFamily, List<DataPointSnapshot>> entry : byFamily.entrySet()) {
      families[f] = entry.getKey();
      for (DataPointSnapshot point : entry.getValue()) {
        points[p++] = point;
      }
      ends[f++] = p;
    }
    return new EndpointPoints(source, labels, families, ends, points);
  }

  /** Whether these points were built from exactly {@code value} (the same instance). */
  boolean builtFrom(Object value) {
    return source == value;
  }

  void forEach(BiConsumer<MetricFamily, DataPointSnapshot> action) {
    int p = 0;
    for (int f = 0; f < families.length; f++) {
      for (; p < ends[f]; p++) {
        action.accept(families[f], points[p]);
      }
    }
  }
}
