package org.smtpwatch.exporter.http;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of smtpwatch: the Prometheus client's {@link HTTPServer} serves {@code /metrics}
 * (text and OpenMetrics, gzip), and our {@link Router} sits on {@code /} for every other path,
 * behind the same optional TLS and basic auth.
 */
public final class ExporterHttpServer implements AutoCloseable {

  /** /probe may hold up to its limit of threads; the rest keep /metrics and / answering. */
  private static final int THREADS = HttpServerSetup.MAX_CONCURRENT_PROBES + 6;

  private final HTTPServer server;
  private final ListenAddress bound;
  private final ServerTls serverTls;

  /**
   * @param serverTls the HTTPS side, or {@code null} for plain HTTP
   */
  private ExporterHttpServer(HTTPServer server, ListenAddress bound, ServerTls serverTls) {
    this.server = server;
    this.bound = bound;
    this.serverTls = serverTls;
  }

  /**
   * Binds and starts serving.
   *
   * @throws BindException when the address is in use or cannot be bound
   * @throws IOException when the TLS certificate or key cannot be loaded
   */
  public static ExporterHttpServer start(HttpServerSetup setup)
      throws IOException, GeneralSecurityException {
    ServerTls serverTls = setup.web().tlsEnabled() ? ServerTls.of(setup.web()) : null;
    PrometheusProperties properties = PrometheusProperties.get();
    HTTPServer.Builder builder =
        HTTPServer.builder(properties)
            .port(setup.listen().port())
            .executorService(executor())
            .registry(setup.registry())
            .registerHealthHandler(false)
            .defaultHandler(router(setup, properties));
    if (!setup.listen().host().isEmpty()) {
      builder.hostname(setup.listen().host());
    }
    if (serverTls != null) {
      builder.httpsConfigurator(serverTls);
    }
    if (setup.web().basicAuthEnabled()) {
      builder.authenticator(new BcryptAuthenticator(setup.web().basicAuthUsers(), setup.clock()));
    }
    HTTPServer server = builder.buildAndStart();
    return new ExporterHttpServer(server, setup.listen().withPort(server.getPort()), serverTls);
  }

  private static Router router(HttpServerSetup setup, PrometheusProperties properties) {
    ServedAgent agent = setup.agent();
    return new Router(
        new StatusPage(agent.endpoints(), setup.clock(), setup.version()),
        new Readiness(agent.endpoints(), setup.clock(), setup.readyAfter()),
        new ReloadHandler(agent.reload()),
        new ProbeHandler(
            agent.running(),
            setup.prober(),
            setup.probeMetrics(),
            properties,
            HttpServerSetup.MAX_CONCURRENT_PROBES,
            setup.clock()));
  }

  private static ExecutorService executor() {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "smtpwatch-http-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** The address actually bound (port 0 resolved). */
  public ListenAddress address() {
    return bound;
  }

  public int port() {
    return bound.port();
  }

  /** {@code http://localhost:10785/} or {@code https://...}: where a person opens the page. */
  public URI baseUri() {
    return URI.create(
        (serverTls != null ? "https" : "http")
            + "://"
            + bound.urlHost()
            + ":"
            + bound.port()
            + "/");
  }

  @Override
  public void close() {
    server.close();
  }
}
