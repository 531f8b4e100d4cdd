package org.smtpwatch.exporter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.smtpwatch.exporter.InstalledPrograms;

/**
 * Debian's real {@code prometheus} server on 127.0.0.1, scraping one target every second, with its
 * own storage in a test directory; queried through its HTTP API. Missing {@code prometheus} fails
 * the test (CI installs the Debian package), it never skips. {@link #close()} stops exactly the
 * process this fixture started, within a deadline.
 */
final class PrometheusServer implements AutoCloseable {

  static final String JOB = "smtpwatch";
  private static final Duration START_DEADLINE = Duration.ofSeconds(20);
  private static final Duration STOP_DEADLINE = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration POLL_PAUSE = Duration.ofMillis(100);

  private final Process process;
  private final Path log;
  private final URI base;
  private final HttpClient client;
  private final ObjectMapper json = new ObjectMapper();

  private PrometheusServer(Process process, Path log, URI base, HttpClient client) {
    this.process = process;
    this.log = log;
    this.base = base;
    this.client = client;
  }

  /** One sample of an instant query's vector result. */
  record Sample(Map<String, String> labels, double value) {}

  /**
   * Starts Prometheus scraping {@code target} ({@code host:port}, path {@code /metrics}) every
   * second and waits until it answers {@code /-/ready}.
   */
  static PrometheusServer start(Path dir, String target) throws IOException {
    String binary = InstalledPrograms.find("prometheus", "prometheus");
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "global:",
            "  scrape_interval: 1s",
            "  scrape_timeout: 1s",
            "  evaluation_interval: 1s",
            "scrape_configs:",
            "  - job_name: " + JOB,
            "    metrics_path: /metrics",
            "    static_configs:",
            "      - targets: ['" + target + "']",
            ""));
    Path storage = Files.createDirectories(dir.resolve("data"));
    Path log = dir.resolve("prometheus.log");
    int port = freeLoopbackPort();
    Process process =
        new ProcessBuilder(
                binary,
                "--config.file=" + config,
                "--storage.tsdb.path=" + storage,
                "--storage.tsdb.retention.time=1h",
                "--web.listen-address=127.0.0.1:" + port,
                "--web.console.templates=" + dir.resolve("consoles"),
                "--web.console.libraries=" + dir.resolve("console_libraries"),
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    PrometheusServer server =
        new PrometheusServer(process, log, URI.create("http://127.0.0.1:" + port + "/"), client);
    try {
      server.awaitReady();
    } catch (IOException | RuntimeException | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Runs an instant query and returns its vector result. */
  List<Sample> query(String promql) throws IOException {
    String url = base + "api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8);
    HttpResponse<String> response = get(URI.create(url));
    JsonNode body = json.readTree(response.body());
    if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
      throw new AssertionError(
          "Prometheus refused " + promql + ": " + response.statusCode() + " " + response.body());
    }
    JsonNode data = body.path("data");
    if (!"vector".equals(data.path("resultType").asText())) {
      throw new AssertionError(promql + " is not a vector: " + response.body());
    }
    List<Sample> samples = new ArrayList<>();
    for (JsonNode result : data.path("result")) {
      Map<String, String> labels = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = result.path("metric").fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        labels.put(field.getKey(), field.getValue().asText());
      }
      samples.add(new Sample(labels, Double.parseDouble(result.path("value").get(1).asText())));
    }
    return samples;
  }

  /**
   * Repeats {@code promql} until its result satisfies {@code expected}, for at most {@code
   * deadline}; fails with the last result (and Prometheus's log) otherwise.
   */
  List<Sample> awaitQuery(String promql, Predicate<List<Sample>> expected, Duration deadline)
      throws IOException {
    Instant end = Instant.now().plus(deadline);
    List<Sample> last = List.of();
    while (true) {
      last = query(promql);
      if (expected.test(last)) {
        return last;
      }
      if (Instant.now().isAfter(end)) {
        throw new AssertionError(
            "after "
                + deadline.toSeconds()
                + " s, "
                + promql
                + " still returns "
                + last
                + "\nscrape targets: "
                + targets()
                + "\nprometheus log:\n"
                + logText());
      }
      LockSupport.parkNanos(POLL_PAUSE.toNanos());
    }
  }

  /** {@code /api/v1/targets}, for failure messages. */
  String targets() {
    try {
      return get(base.resolve("api/v1/targets")).body();
    } catch (IOException e) {
      return "(unavailable: " + e + ")";
    }
  }

  String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private void awaitReady() throws IOException {
    Instant end = Instant.now().plus(START_DEADLINE);
    while (true) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "prometheus exited with " + process.exitValue() + " at start:\n" + logText());
      }
      try {
        if (get(base.resolve("-/ready")).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // polled again below, until the deadline
      }
      if (Instant.now().isAfter(end)) {
        throw new AssertionError(
            "prometheus not ready within " + START_DEADLINE.toSeconds() + " s:\n" + logText());
      }
      LockSupport.parkNanos(POLL_PAUSE.toNanos());
    }
  }

  private HttpResponse<String> get(URI uri) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking Prometheus " + uri, e);
    }
  }

  /** SIGTERM, then SIGKILL if it has not exited by the deadline; only the process started here. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        if (!process.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new AssertionError("prometheus (pid " + process.pid() + ") survived SIGKILL");
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A port free right now on 127.0.0.1. Prometheus cannot be told to pick one itself; if another
   * process takes it first, Prometheus exits and {@link #awaitReady()} fails with its log.
   */
  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
