package org.smtpwatch.exporter.cli;

import java.nio.file.Path;
import java.util.List;
import org.smtpwatch.exporter.http.ExporterHttpServer;
import org.smtpwatch.exporter.http.ListenAddress;
import org.smtpwatch.exporter.prometheus.PrometheusServer;

/**
 * A started agent served on a free loopback port, and Debian's real Prometheus scraping it every
 * second; closed together, Prometheus first so it never scrapes a stopped agent.
 */
record ScrapedAgent(RunningExporter exporter, ExporterHttpServer http, PrometheusServer prometheus)
    implements AutoCloseable {

  /**
   * Serves {@code exporter} and starts Prometheus in {@code dir} with {@code ruleFiles}; closes
   * {@code exporter} when that fails.
   */
  static ScrapedAgent start(RunningExporter exporter, Path dir, List<Path> ruleFiles)
      throws Exception {
    ExporterHttpServer http = null;
    try {
      http = exporter.serve(ListenAddress.parse("127.0.0.1:0"));
      PrometheusServer prometheus =
          PrometheusServer.start(dir, "127.0.0.1:" + http.port(), ruleFiles);
      return new ScrapedAgent(exporter, http, prometheus);
    } catch (Exception | AssertionError e) {
      try {
        Closing.all(http, exporter.agent(), exporter);
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  @Override
  public void close() throws Exception {
    Closing.all(prometheus, http, exporter.agent(), exporter);
  }
}
