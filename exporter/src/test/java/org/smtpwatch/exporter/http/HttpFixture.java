package org.smtpwatch.exporter.http;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.Prober;
import org.smtpwatch.agent.schedule.EndpointSnapshot;
import org.smtpwatch.agent.schedule.ReloadOutcome;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.ConfigLoader;
import org.smtpwatch.config.WebConfig;

/**
 * The HTTP server on 127.0.0.1 port 0 with a registry the test fills itself (so HTTP behaviour is
 * tested apart from the real metrics), and a real {@link HttpClient} with bounded waits.
 */
final class HttpFixture implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(10);

  final ExporterHttpServer server;
  final HttpClient client;

  private HttpFixture(ExporterHttpServer server, HttpClient client) {
    this.server = server;
    this.client = client;
  }

  static HttpFixture start(HttpServerSetup setup) throws IOException, GeneralSecurityException {
    return start(setup, HttpClient.newBuilder().connectTimeout(WAIT).build());
  }

  static HttpFixture start(HttpServerSetup setup, HttpClient client)
      throws IOException, GeneralSecurityException {
    return new HttpFixture(ExporterHttpServer.start(setup), client);
  }

  /** A server whose clients must send their request head within {@code headDeadline}. */
  static HttpFixture start(HttpServerSetup setup, Duration headDeadline)
      throws IOException, GeneralSecurityException {
    return new HttpFixture(
        ExporterHttpServer.start(setup, headDeadline),
        HttpClient.newBuilder().connectTimeout(WAIT).build());
  }

  /**
   * A server for tests of HTTP behaviour alone: one configured endpoint, no results, and a reload
   * or probe fails the test.
   */
  static HttpFixture startWithoutAgent(Path dir) throws IOException, GeneralSecurityException {
    return startWithoutAgent(dir, registryWithOneGauge());
  }

  /** As {@link #startWithoutAgent(Path)}, with {@code registry} behind /metrics. */
  static HttpFixture startWithoutAgent(Path dir, PrometheusRegistry registry)
      throws IOException, GeneralSecurityException {
    Config config = config("targets: [{host: mail.example.com, ports: [587]}]", dir);
    return start(
        setup(
            List::of,
            () -> config,
            () -> {
              throw new AssertionError("no reload here");
            },
            (endpoint, transcript) -> {
              throw new AssertionError("no probe here");
            },
            Clock.systemUTC(),
            registry));
  }

  /** A setup for /probe tests: {@code config}'s endpoints, no results, and no reload. */
  static HttpServerSetup probeSetup(Config config, Prober prober, Clock clock) {
    return setup(
        List::of,
        () -> config,
        () -> {
          throw new AssertionError("no reload here");
        },
        prober,
        clock);
  }

  /** A setup serving {@code endpoints} and {@code config}; the other parts are plain defaults. */
  static HttpServerSetup setup(
      Supplier<List<EndpointSnapshot>> endpoints,
      Supplier<Config> config,
      Supplier<ReloadOutcome> reload,
      Prober prober,
      Clock clock) {
    return setup(endpoints, config, reload, prober, clock, registryWithOneGauge());
  }

  private static HttpServerSetup setup(
      Supplier<List<EndpointSnapshot>> endpoints,
      Supplier<Config> config,
      Supplier<ReloadOutcome> reload,
      Prober prober,
      Clock clock,
      PrometheusRegistry registry) {
    return new HttpServerSetup(
        ListenAddress.parse("127.0.0.1:0"),
        WebConfig.NONE,
        new ServedAgent(endpoints, config, reload),
        registry,
        HttpFixture::probeRegistry,
        prober,
        Duration.ofHours(1),
        clock,
        "test");
  }

  /**
   * What /metrics serves in these tests: one gauge, {@code smtpwatch_test_value 42}. Built from the
   * snapshot model directly, the way the real metrics reach the registry through Micrometer.
   */
  static PrometheusRegistry registryWithOneGauge() {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(
        () -> gauge("smtpwatch_test_value", "a value set by the test", Labels.EMPTY, 42));
    return registry;
  }

  /** Stands in for ExporterMetrics.forProbe: the outcome and the port of one probe. */
  static PrometheusRegistry probeRegistry(ProbeResult result) {
    PrometheusRegistry registry = new PrometheusRegistry();
    Labels labels =
        Labels.of(
            "port",
            String.valueOf(result.endpoint().port()),
            "reason",
            result.success() ? "" : result.failure().reason().label());
    registry.register(
        () ->
            gauge(
                "test_probe_success",
                "1 if the probe succeeded",
                labels,
                result.success() ? 1 : 0));
    return registry;
  }

  private static GaugeSnapshot gauge(String name, String help, Labels labels, double value) {
    return GaugeSnapshot.builder()
        .name(name)
        .help(help)
        .dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(value).build())
        .build();
  }

  /** Parses {@code yaml} as a config (relative files from {@code dir}). */
  static Config config(String yaml, Path dir) {
    ConfigLoadResult result =
        new ConfigLoader(Map.<String, String>of()::get, () -> "probe.test")
            .parse(yaml, "t.yml", dir);
    if (result instanceof ConfigLoadResult.Invalid invalid) {
      throw new AssertionError("test config invalid: " + invalid.errors());
    }
    return ((ConfigLoadResult.Loaded) result).config();
  }

  URI uri(String pathAndQuery) {
    return server.baseUri().resolve(pathAndQuery);
  }

  HttpResponse<String> get(String pathAndQuery, String... headers)
      throws IOException, InterruptedException {
    return send("GET", pathAndQuery, headers);
  }

  HttpResponse<String> send(String method, String pathAndQuery, String... headers)
      throws IOException, InterruptedException {
    return client.send(
        request(method, pathAndQuery, headers), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> getBytes(String pathAndQuery, String... headers)
      throws IOException, InterruptedException {
    return client.send(
        request("GET", pathAndQuery, headers), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest request(String method, String pathAndQuery, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(pathAndQuery))
            .timeout(WAIT)
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return request.build();
  }

  @Override
  public void close() {
    server.close();
  }
}
