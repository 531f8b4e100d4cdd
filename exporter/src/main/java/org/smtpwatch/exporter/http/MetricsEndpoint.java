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

/**
 * {@code /metrics}. An uncompressed answer is streamed as it is rendered (chunked), because the
 * Prometheus client's handler renders it whole into a buffer first to send a Content-Length: at
 * 10,000 endpoints that is a 39 MB array per scrape (and as much native memory for the one socket
 * write), whose collection paused the scheduler. Everything else, gzip (which the client already
 * streams), its {@code name[]} and {@code debug} parameters and the name filters of its properties,
 * goes to the client's handler unchanged; both render with the client's writers.
 */
final class MetricsEndpoint implements HttpHandler {

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
    if (filtered || exchange.getRequestURI().getRawQuery() != null || asksForGzip(exchange)) {
      clientHandler.handle(exchange);
      return;
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    ExpositionFormatWriter writer = formats.findWriter(accept);
    exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    // Collected only now: a HEAD needs the negotiated type, not 350,000 series.
    MetricSnapshots snapshots = registry.scrape();
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream body = exchange.getResponseBody()) {
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

  private static boolean hasNameFilter(ExporterFilterProperties filter) {
    return filter.getAllowedMetricNames() != null
        || filter.getExcludedMetricNames() != null
        || filter.getAllowedMetricNamePrefixes() != null
        || filter.getExcludedMetricNamePrefixes() != null;
  }
}
