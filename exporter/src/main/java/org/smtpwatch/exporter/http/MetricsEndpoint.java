package org.smtpwatch.exporter.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.config.ExporterFilterProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * {@code /metrics}, rendered by the Prometheus client's writers, gzipped when asked. An answer
 * (compressed or not) above {@link #BUFFERED_LIMIT} is streamed as it is rendered (chunked), one
 * below it sent whole with a Content-Length ({@link SpillingBody} says why). The client's own
 * handler renders every answer whole into a buffer: at 10,000 endpoints a 39 MB array per scrape
 * (and as much native memory for the one socket write), whose collection paused the scheduler, and
 * it streams gzip in the JDK's small chunks. Its {@code name[]} and {@code debug} parameters and
 * the name filters of its properties still go to it unchanged.
 */
final class MetricsEndpoint implements HttpHandler {

  /**
   * Answers up to this size (a few thousand endpoints) are sent whole with a Content-Length, larger
   * ones streamed; see {@link SpillingBody}.
   */
  static final int BUFFERED_LIMIT = 8 * 1024 * 1024;

  private static final int GZIP_BUFFER = 64 * 1024;

  /**
   * The fastest level: at 10,000 endpoints (47 MB of OpenMetrics) it compresses in about 80 ms to
   * 1.7 MB, where the default level takes about 220 ms for 1.46 MB ({@code bench/run jmh
   * GzipLevel}). The repeated label sets that make up the text are what deflate finds at any level;
   * the extra CPU would come out of the probes' two cores on every scrape, to save a sixth of a few
   * megabytes.
   */
  private static final int GZIP_LEVEL = Deflater.BEST_SPEED;

  private final PrometheusRegistry registry;
  private final ExpositionFormats formats;
  private final HttpHandler clientHandler;
  private final boolean gzipWhenAccepted;
  private final boolean filtered;

  MetricsEndpoint(PrometheusProperties properties, PrometheusRegistry registry) {
    this.registry = registry;
    this.formats = ExpositionFormats.init(properties);
    this.clientHandler = new MetricsHandler(properties, registry);
    this.gzipWhenAccepted =
        !properties.getExporterHttpServerProperties().isPreferUncompressedResponse();
    this.filtered = hasNameFilter(properties.getExporterFilterProperties());
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (filtered || exchange.getRequestURI().getRawQuery() != null) {
      clientHandler.handle(exchange);
      return;
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    ExpositionFormatWriter writer = formats.findWriter(accept);
    exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
    boolean gzip = asksForGzip(exchange);
    if (gzip) {
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    // Collected only now: a HEAD needs the negotiated type, not 350,000 series.
    MetricSnapshots snapshots = registry.scrape();
    OutputStream answer = new SpillingBody(exchange, BUFFERED_LIMIT);
    try (OutputStream body = gzip ? new LeveledGzip(answer) : answer) {
      writer.write(body, snapshots, EscapingScheme.fromAcceptHeader(accept));
    }
  }

  private boolean asksForGzip(HttpExchange exchange) {
    if (!gzipWhenAccepted) {
      return false;
    }
    List<String> headers = exchange.getRequestHeaders().get("Accept-Encoding");
    if (headers == null) {
      return false;
    }
    for (String header : headers) {
      for (String coding : header.split(",")) {
        // The client's handler's own rule (a bare "gzip"), so the two never disagree about
        // which of them compresses.
        if (coding.trim().equalsIgnoreCase("gzip")) {
          return true;
        }
      }
    }
    return false;
  }

  /** GZIPOutputStream at {@link #GZIP_LEVEL}: it takes no level, but its deflater is at hand. */
  private static final class LeveledGzip extends GZIPOutputStream {
    LeveledGzip(OutputStream out) throws IOException {
      super(out, GZIP_BUFFER);
      def.setLevel(GZIP_LEVEL);
    }
  }

  private static boolean hasNameFilter(ExporterFilterProperties filter) {
    return filter.getAllowedMetricNames() != null
        || filter.getExcludedMetricNames() != null
        || filter.getAllowedMetricNamePrefixes() != null
        || filter.getExcludedMetricNamePrefixes() != null;
  }
}
