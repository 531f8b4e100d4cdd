package org.smtpwatch.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /metrics with an answer of some megabytes: above {@link MetricsEndpoint#BUFFERED_LIMIT} answers
 * stream (chunked) instead of being rendered whole for a Content-Length; below it they are sent
 * whole with their length; either way they carry the client's writers' exact bytes.
 */
class MetricsEndpointTest {

  /** About 10 MB of text: above the limit, and a big array if it were buffered. */
  private static final int MANY_SERIES = 160_000;

  /** What the registry holds at the next scrape. */
  private volatile int series = MANY_SERIES;

  private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0";

  @TempDir Path dir;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private HttpFixture http;

  @BeforeEach
  void start() throws Exception {
    registry.register(() -> manySeries(series));
    registry.register(() -> family("smtpwatch_other_value", 1));
    http = HttpFixture.startWithoutAgent(dir, registry);
  }

  @AfterEach
  void stop() {
    http.close();
  }

  @Test
  void anUncompressedAnswerIsStreamedInChunksWithoutALength() throws Exception {
    HttpResponse<byte[]> response = http.getBytes("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
    assertThat(response.headers().firstValue("Content-Length")).isEmpty();
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    assertThat(response.body()).isEqualTo(rendered(formats().getPrometheusTextFormatWriter()));
  }

  @Test
  void aSmallAnswerIsSentWholeWithItsLength() throws Exception {
    series = 1_000;

    HttpResponse<byte[]> response = http.getBytes("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
    assertThat(response.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(response.body().length));
    assertThat(response.body()).isEqualTo(rendered(formats().getPrometheusTextFormatWriter()));
  }

  @Test
  void aSmallGzipAnswerIsSentWholeWithItsLength() throws Exception {
    series = 1_000;

    HttpResponse<byte[]> response = http.getBytes("/metrics", "Accept-Encoding", "gzip");

    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
    assertThat(response.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(response.body().length));
    assertThat(gunzip(response.body()))
        .isEqualTo(rendered(formats().getPrometheusTextFormatWriter()));
  }

  @Test
  void openMetricsIsStreamedTooWhenAsked() throws Exception {
    HttpResponse<byte[]> response = http.getBytes("/metrics", "Accept", OPEN_METRICS);

    assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/openmetrics-text"));
    assertThat(response.body()).isEqualTo(rendered(formats().getOpenMetricsTextFormatWriter()));
  }

  @Test
  void gzipCarriesTheSameBytesCompressed() throws Exception {
    HttpResponse<byte[]> response =
        http.getBytes("/metrics", "Accept", OPEN_METRICS, "Accept-Encoding", "deflate, gzip");

    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gunzip(response.body()))
        .isEqualTo(rendered(formats().getOpenMetricsTextFormatWriter()));
  }

  @Test
  void gzipIsCompressedAtTheFastestLevel() throws Exception {
    HttpResponse<byte[]> response = http.getBytes("/metrics", "Accept-Encoding", "gzip");

    // Deflate's output is fixed by its input and level, so the answer is the text gzipped at
    // the fastest level, byte for byte, and not what the default level makes of it.
    byte[] text = rendered(formats().getPrometheusTextFormatWriter());
    // Compared whole but not printed whole: a failure would dump megabytes.
    assertThat(Arrays.equals(response.body(), gzip(text, Deflater.BEST_SPEED)))
        .as("the answer is the text gzipped at level 1")
        .isTrue();
    assertThat(Arrays.equals(response.body(), gzip(text, Deflater.DEFAULT_COMPRESSION)))
        .as("the answer is the text gzipped at the default level")
        .isFalse();
  }

  @Test
  void headAnswersWithTheTypeAndNoBody() throws Exception {
    HttpResponse<String> response = http.send("HEAD", "/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    assertThat(response.body()).isEmpty();
  }

  @Test
  void theClientsNameFilterStillSelectsFamilies() throws Exception {
    HttpResponse<String> response = http.get("/metrics?name[]=smtpwatch_other_value");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("smtpwatch_other_value 1.0")
        .doesNotContain("smtpwatch_many_value");
  }

  @Test
  void theClientsDebugParameterStillRendersAFormatAsText() throws Exception {
    HttpResponse<String> response = http.get("/metrics?debug=openmetrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(response.body()).contains("smtpwatch_other_value 1.0").endsWith("# EOF\n");
  }

  private static ExpositionFormats formats() {
    return ExpositionFormats.init();
  }

  private byte[] rendered(ExpositionFormatWriter writer) throws IOException {
    MetricSnapshots snapshots = registry.scrape();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, snapshots);
    return out.toByteArray();
  }

  private static GaugeSnapshot manySeries(int series) {
    GaugeSnapshot.Builder family =
        GaugeSnapshot.builder().name("smtpwatch_many_value").help("one series per endpoint");
    for (int i = 0; i < series; i++) {
      family.dataPoint(
          GaugeDataPointSnapshot.builder()
              .labels(Labels.of("endpoint", "mx" + i + ".example.com:587"))
              .value(i)
              .build());
    }
    return family.build();
  }

  private static GaugeSnapshot family(String name, double value) {
    return GaugeSnapshot.builder()
        .name(name)
        .help("a value set by the test")
        .dataPoint(GaugeDataPointSnapshot.builder().value(value).build())
        .build();
  }

  private static byte[] gzip(byte[] text, int level) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip =
        new GZIPOutputStream(out) {
          {
            def.setLevel(level);
          }
        }) {
      gzip.write(text);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }
}
