package org.smtpwatch.bench.scrape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The increase of a Prometheus histogram between two scrapes, with quantiles interpolated within
 * buckets the way PromQL's {@code histogram_quantile} does.
 */
public final class LagHistogram {

  private final double[] bounds;
  private final double[] counts;

  private LagHistogram(double[] bounds, double[] counts) {
    this.bounds = bounds;
    this.counts = counts;
  }

  /** The buckets of {@code name} added between {@code before} and {@code after}. */
  public static LagHistogram increase(String name, MetricsText before, MetricsText after) {
    Map<Double, Double> cumulative = new TreeMap<>();
    after.forEach(
        name + "_bucket",
        (series, value) -> {
          double le = le(series);
          double old = before.value(series);
          cumulative.put(le, value - (Double.isNaN(old) ? 0 : old));
        });
    List<Double> bounds = new ArrayList<>(cumulative.keySet());
    double[] b = new double[bounds.size()];
    double[] c = new double[bounds.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = bounds.get(i);
      c[i] = cumulative.get(b[i]);
    }
    return new LagHistogram(b, c);
  }

  public double count() {
    return counts.length == 0 ? 0 : counts[counts.length - 1];
  }

  /**
   * Observations above {@code bound}, exact when it is a bucket's bound (else counted from the
   * largest bound below it, so possibly more).
   */
  public double countAbove(double bound) {
    double atOrBelow = 0;
    for (int i = 0; i < bounds.length && bounds[i] <= bound; i++) {
      atOrBelow = counts[i];
    }
    return count() - atOrBelow;
  }

  /** The q-quantile (0..1), NaN without observations. */
  public double quantile(double q) {
    double total = count();
    if (total == 0) {
      return Double.NaN;
    }
    double rank = q * total;
    double lowerBound = 0;
    double lowerCount = 0;
    for (int i = 0; i < bounds.length; i++) {
      if (counts[i] >= rank) {
        if (Double.isInfinite(bounds[i])) {
          return lowerBound; // above the last finite bucket: all PromQL can say too
        }
        double inBucket = counts[i] - lowerCount;
        return inBucket == 0
            ? bounds[i]
            : lowerBound + (bounds[i] - lowerBound) * (rank - lowerCount) / inBucket;
      }
      lowerBound = bounds[i];
      lowerCount = counts[i];
    }
    return lowerBound;
  }

  private static double le(String series) {
    int start = series.indexOf("le=\"") + 4;
    String value = series.substring(start, series.indexOf('"', start));
    return value.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(value);
  }
}
