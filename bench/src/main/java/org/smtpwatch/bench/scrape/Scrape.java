package org.smtpwatch.bench.scrape;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One timed HTTP GET: from sending the request to having the whole (uncompressed) body, as a
 * Prometheus server would wait for it.
 *
 * @param seconds request to last byte
 * @param bytes body size
 */
public record Scrape(String body, double seconds, long bytes) {

  /** What Prometheus 2.x asks for unless told otherwise. */
  private static final String PROMETHEUS_ACCEPT =
      "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
          + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static Scrape get(URI uri, Duration timeout) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    long start = System.nanoTime();
    HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    double seconds = (System.nanoTime() - start) / 1e9;
    if (response.statusCode() != 200) {
      throw new IOException(uri + " answered " + response.statusCode() + ": " + response.body());
    }
    return new Scrape(response.body(), seconds, response.body().length());
  }

  /**
   * A GET as a Prometheus 2 server sends it: OpenMetrics preferred, gzip accepted. The body is left
   * compressed; {@code bytes} is what crossed the wire.
   */
  public static Scrape asPrometheus(URI uri, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", PROMETHEUS_ACCEPT)
            .header("Accept-Encoding", "gzip")
            .GET()
            .build();
    return countedBytes(request);
  }

  /** A GET timed to its last byte, the body kept as bytes only to count them. */
  public static Scrape timed(URI uri, Duration timeout) throws IOException, InterruptedException {
    return countedBytes(HttpRequest.newBuilder(uri).timeout(timeout).GET().build());
  }

  private static Scrape countedBytes(HttpRequest request) throws IOException, InterruptedException {
    URI uri = request.uri();
    long start = System.nanoTime();
    HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    double seconds = (System.nanoTime() - start) / 1e9;
    if (response.statusCode() != 200) {
      throw new IOException(uri + " answered " + response.statusCode());
    }
    return new Scrape("", seconds, response.body().length);
  }

  public MetricsText metrics() {
    return MetricsText.parse(body);
  }
}
