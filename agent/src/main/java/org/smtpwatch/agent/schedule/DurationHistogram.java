package org.smtpwatch.agent.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whole-probe durations of one endpoint counted into fixed buckets, for {@code
 * smtp_handshake_duration_seconds}. Plain Java so the agent stays free of Prometheus types; the
 * exporter turns it into a histogram at scrape time. Immutable: {@link #with(Duration)} returns a
 * new one.
 *
 * @param upperBounds bucket upper bounds in seconds, ascending; the implicit last bucket is +Inf
 * @param counts observations per bucket, not cumulative; one more entry than {@code upperBounds}
 *     (the last counts what exceeded every bound)
 * @param sumSeconds sum of all observations in seconds
 * @param count number of observations
 */
public record DurationHistogram(
    List<Double> upperBounds, List<Long> counts, double sumSeconds, long count) {

  /**
   * From fast loopback probes to the 30 s a slow greeting (postscreen, greet_pause) inside a long
   * timeout can take; few enough buckets to keep the series count per endpoint small.
   */
  public static final List<Double> DEFAULT_BOUNDS =
      List.of(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 15.0, 30.0);

  public DurationHistogram {
    upperBounds = List.copyOf(upperBounds);
    counts = List.copyOf(counts);
    if (counts.size() != upperBounds.size() + 1) {
      throw new IllegalArgumentException(
          "need " + (upperBounds.size() + 1) + " counts, got " + counts.size());
    }
    for (int i = 1; i < upperBounds.size(); i++) {
      if (!(upperBounds.get(i - 1) < upperBounds.get(i))) {
        throw new IllegalArgumentException("bounds must ascend: " + upperBounds);
      }
    }
  }

  /** No observations yet, with {@link #DEFAULT_BOUNDS}. */
  public static DurationHistogram empty() {
    return empty(DEFAULT_BOUNDS);
  }

  public static DurationHistogram empty(List<Double> upperBounds) {
    List<Long> zeros = new ArrayList<>();
    for (int i = 0; i <= upperBounds.size(); i++) {
      zeros.add(0L);
    }
    return new DurationHistogram(upperBounds, zeros, 0, 0);
  }

  /** This histogram with one more observation. */
  public DurationHistogram with(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    double seconds = duration.toNanos() / 1e9;
    int bucket = 0;
    while (bucket < upperBounds.size() && seconds > upperBounds.get(bucket)) {
      bucket++;
    }
    List<Long> next = new ArrayList<>(counts);
    next.set(bucket, next.get(bucket) + 1);
    return new DurationHistogram(upperBounds, next, sumSeconds + seconds, count + 1);
  }
}
