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

  public MetricsText metrics() {
    return MetricsText.parse(body);
  }
}
