package org.smtpwatch.exporter.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.smtpwatch.agent.schedule.ReloadStatus;
import org.smtpwatch.agent.schedule.ResultStore;
import org.smtpwatch.exporter.BuildInfo;

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

  private ExporterMetrics metrics;

  @Setup
  public void fillStore() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    ResultStore store = BenchResults.store(endpoints, now);
    metrics = new ExporterMetrics(new BuildInfo("0.1.0", "17"), Clock.systemUTC());
    ReloadStatus reload = new ReloadStatus(true, now, now);
    metrics.watch(new WatchedAgent(store, () -> reload, () -> 0, () -> 64, List::of));
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
