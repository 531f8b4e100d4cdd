package org.smtpwatch.exporter.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.smtpwatch.agent.schedule.ResultStore;
import org.smtpwatch.config.Endpoint;

/**
 * {@code /metrics} at 1,000 and 10,000 endpoints: building the snapshots from the result store, and
 * building plus rendering them as Prometheus text. In the exporter's package because the agent seam
 * ({@link WatchedAgent}) is package-private there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx512m"})
public class MetricsRenderingBenchmark {

  @Param({"1000", "10000"})
  public int endpoints;

  /**
   * Endpoints with a new result before each scrape, in per cent: 0 is a store that stands still; 25
   * is 10,000 endpoints probed every 60 s and scraped every 15 s.
   */
  @Param({"0", "25"})
  public int reprobedPercent;

  private ExporterMetrics metrics;
  private ResultStore store;
  private List<Endpoint> all;
  private int next;

  @Setup
  public void fillStore() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    store = BenchResults.store(endpoints, now);
    all = BenchResults.endpoints(endpoints);
    metrics = BenchResults.watched(store, now);
  }

  /** Outside the measured time: the probes that completed since the last scrape. */
  @Setup(Level.Invocation)
  public void probeSome() {
    int count = endpoints * reprobedPercent / 100;
    List<Endpoint> reprobed = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      reprobed.add(all.get(next));
      next = (next + 1) % endpoints;
    }
    BenchResults.reprobe(store, reprobed, Instant.parse("2026-01-01T00:01:00Z"));
  }

  @TearDown
  public void close() {
    metrics.close();
  }

  @Benchmark
  public MetricSnapshots buildSnapshots() {
    return metrics.registry().scrape();
  }

  @Benchmark
  public int buildAndRender() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    PrometheusTextFormatWriter.create().write(out, metrics.registry().scrape());
    return out.size();
  }
}
