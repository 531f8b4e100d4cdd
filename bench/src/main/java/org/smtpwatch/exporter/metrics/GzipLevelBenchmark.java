package org.smtpwatch.exporter.metrics;

import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * gzip of {@code /metrics} as Prometheus asks for it (OpenMetrics), rendered once: the cost of the
 * compression level alone, side by side (1 is what {@code /metrics} uses, 6 zlib's default). The
 * size of each level's answer is printed once at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx512m"})
public class GzipLevelBenchmark {

  @Param({"1000", "10000"})
  public int endpoints;

  @Param({"1", "6"})
  public int level;

  private byte[] text;

  @Setup
  public void render() throws IOException {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    try (ExporterMetrics metrics = BenchResults.watched(BenchResults.store(endpoints, now), now)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
      OpenMetricsTextFormatWriter.create().write(out, metrics.registry().scrape());
      text = out.toByteArray();
    }
    System.out.printf(
        "%n%,d endpoints: %,d kB of OpenMetrics, %,d kB at level %d%n",
        endpoints, text.length / 1024, compress() / 1024, level);
  }

  @Benchmark
  public int compress() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    try (OutputStream gzip =
        new GZIPOutputStream(out, 64 * 1024) {
          {
            def.setLevel(level);
          }
        }) {
      // In the 8 kB pieces the text writer hands its stream.
      for (int at = 0; at < text.length; at += 8192) {
        gzip.write(text, at, Math.min(8192, text.length - at));
      }
    }
    return out.size();
  }
}
