package org.smtpwatch.bench.scrape;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends {@code /probe} requests at a fixed rate, whatever their answers take, and collects the
 * answers: the same load for smtpwatch and blackbox_exporter.
 */
public final class ProbeDriver {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ProbeDriver() {}

  /**
   * @param uris requested in turn
   * @param perSecond requests started per second
   * @param duration how long to keep starting requests; answers are then awaited (30 s at most)
   * @return the answers' bodies; a failed request is an empty string
   */
  public static List<String> drive(List<URI> uris, int perSecond, Duration duration)
      throws InterruptedException {
    List<CompletableFuture<String>> answers = new ArrayList<>();
    long total = duration.toMillis() * perSecond / 1000;
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    try {
      long periodMicros = 1_000_000L / perSecond;
      ticker.scheduleAtFixedRate(
          () -> {
            synchronized (answers) {
              if (answers.size() < total) {
                answers.add(send(uris.get(answers.size() % uris.size())));
              }
            }
          },
          0,
          periodMicros,
          TimeUnit.MICROSECONDS);
      Thread.sleep(duration.toMillis()); // the load's length is the measurement itself
    } finally {
      ticker.shutdownNow();
    }
    List<String> bodies = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    synchronized (answers) {
      for (CompletableFuture<String> answer : answers) {
        long left = Math.max(1, deadline - System.nanoTime());
        bodies.add(answer.completeOnTimeout("", left, TimeUnit.NANOSECONDS).join());
      }
    }
    return bodies;
  }

  private static CompletableFuture<String> send(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
    return CLIENT
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> response.statusCode() == 200 ? response.body() : "")
        .exceptionally(e -> "");
  }
}
