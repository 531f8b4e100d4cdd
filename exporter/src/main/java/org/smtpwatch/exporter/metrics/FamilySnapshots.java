package org.smtpwatch.exporter.metrics;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smtpwatch.agent.schedule.DurationHistogram;

/**
 * Collects the data points of one scrape, family by family, and turns them into the Prometheus
 * client's immutable snapshots. A family without data points is left out altogether, so a metric
 * that does not apply to any endpoint (no certificates seen yet) has no empty HELP/TYPE block.
 */
final class FamilySnapshots {

  private final Map<MetricFamily, List<DataPointSnapshot>> points = new LinkedHashMap<>();
  private final Map<MetricFamily, Set<Labels>> seen = new HashMap<>();

  void gauge(MetricFamily family, Labels labels, double value) {
    add(family, GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
  }

  void info(MetricFamily family, Labels labels) {
    add(family, InfoDataPointSnapshot.builder().labels(labels).build());
  }

  void counter(MetricFamily family, Labels labels, double value) {
    add(family, CounterDataPointSnapshot.builder().labels(labels).value(value).build());
  }

  void histogram(MetricFamily family, Labels labels, DurationHistogram histogram) {
    int bounds = histogram.upperBounds().size();
    double[] upperBounds = new double[bounds + 1];
    long[] counts = new long[bounds + 1];
    for (int i = 0; i < bounds; i++) {
      upperBounds[i] = histogram.upperBounds().get(i);
      counts[i] = histogram.counts().get(i);
    }
    upperBounds[bounds] = Double.POSITIVE_INFINITY;
    counts[bounds] = histogram.counts().get(bounds);
    add(
        family,
        HistogramDataPointSnapshot.builder()
            .labels(labels)
            .classicHistogramBuckets(ClassicHistogramBuckets.of(upperBounds, counts))
            .sum(histogram.sumSeconds())
            .build());
  }

  /**
   * The first data point of a series wins. The client refuses a family that holds the same labels
   * twice, and would fail the whole scrape, every endpoint with it, over one odd result (a phase
   * recorded twice, a keyword advertised twice).
   */
  private void add(MetricFamily family, DataPointSnapshot point) {
    if (seen.computeIfAbsent(family, f -> new HashSet<>()).add(point.getLabels())) {
      points.computeIfAbsent(family, f -> new ArrayList<>()).add(point);
    }
  }

  /**
   * Adds the points of {@code endpoint}, which were checked for duplicates when they were built.
   * Points of different endpoints never clash: each carries its endpoint's host, port and mode.
   */
  void addAll(EndpointPoints endpoint) {
    endpoint.forEach(
        (family, point) -> points.computeIfAbsent(family, f -> new ArrayList<>()).add(point));
  }

  /** The points added so far, family by family in the order families first appeared. */
  EndpointPoints toEndpointPoints(Object source, Labels labels) {
    return EndpointPoints.of(source, labels, points);
  }

  MetricSnapshots build() {
    List<MetricSnapshot> snapshots = new ArrayList<>();
    points.forEach((family, list) -> snapshots.add(snapshot(family, list)));
    return new MetricSnapshots(snapshots);
  }

  private static MetricSnapshot snapshot(MetricFamily family, List<DataPointSnapshot> list) {
    switch (family.type()) {
      case GAUGE:
        GaugeSnapshot.Builder gauge =
            GaugeSnapshot.builder().name(family.name()).help(family.help());
        list.forEach(p -> gauge.dataPoint((GaugeDataPointSnapshot) p));
        return gauge.build();
      case INFO:
        InfoSnapshot.Builder info = InfoSnapshot.builder().name(family.name()).help(family.help());
        list.forEach(p -> info.dataPoint((InfoDataPointSnapshot) p));
        return info.build();
      case COUNTER:
        CounterSnapshot.Builder counter =
            CounterSnapshot.builder().name(family.name()).help(family.help());
        list.forEach(p -> counter.dataPoint((CounterDataPointSnapshot) p));
        return counter.build();
      case HISTOGRAM:
        HistogramSnapshot.Builder histogram =
            HistogramSnapshot.builder().name(family.name()).help(family.help());
        list.forEach(p -> histogram.dataPoint((HistogramDataPointSnapshot) p));
        return histogram.build();
      default:
        throw new IllegalStateException("unknown family type " + family.type());
    }
  }
}
