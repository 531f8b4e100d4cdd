package org.smtpwatch.exporter.http;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import io.prometheus.metrics.config.PrometheusProperties;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;

/**
 * The HTTP side of smtpwatch: the JDK's HTTP server with our {@link Router} on every path, behind
 * the optional TLS and basic auth, on threads whose request heads must arrive within {@link
 * #HEAD_DEADLINE}. {@code /metrics} is rendered by the Prometheus client's writers (text and
 * OpenMetrics, gzip; see {@link MetricsEndpoint}), reached through the router so its method and
 * path are checked like the rest.
 */
public final class ExporterHttpServer implements AutoCloseable {

  /** /probe may hold up to its limit of threads; the rest keep /metrics and / answering. */
  private static final int THREADS = HttpServerSetup.MAX_CONCURRENT_PROBES + 6;

  /**
   * How long a client may take to send its request line and headers (and its TLS handshake) once a
   * thread reads them. Prometheus and browsers take milliseconds.
   */
  static final Duration HEAD_DEADLINE = Duration.ofSeconds(10);

  private final HttpServer server;
  private final HeaderDeadline threads;
  private final ListenAddress bound;
  private final ServerTls serverTls;

  /**
   * @param serverTls the HTTPS side, or {@code null} for plain HTTP
   */
  private ExporterHttpServer(
      HttpServer server, HeaderDeadline threads, ListenAddress bound, ServerTls serverTls) {
    this.server = server;
    this.threads = threads;
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
    return start(setup, HEAD_DEADLINE);
  }

  /** As {@link #start(HttpServerSetup)}, with a shorter head deadline for tests. */
  static ExporterHttpServer start(HttpServerSetup setup, Duration headDeadline)
      throws IOException, GeneralSecurityException {
    ServerTls serverTls = setup.web().tlsEnabled() ? ServerTls.of(setup.web()) : null;
    InetSocketAddress address =
        setup.listen().host().isEmpty()
            ? new InetSocketAddress(setup.listen().port())
            : new InetSocketAddress(setup.listen().host(), setup.listen().port());
    HttpServer server;
    if (serverTls != null) {
      HttpsServer https = HttpsServer.create(address, 0);
      https.setHttpsConfigurator(serverTls);
      server = https;
    } else {
      server = HttpServer.create(address, 0);
    }
    HeaderDeadline threads = new HeaderDeadline(THREADS, headDeadline);
    server.setExecutor(threads);
    HttpContext context = server.createContext("/", router(setup));
    context.getFilters().add(threads.filter());
    if (setup.web().basicAuthEnabled()) {
      context.setAuthenticator(
          new BcryptAuthenticator(setup.web().basicAuthUsers(), setup.clock()));
    }
    server.start();
    return new ExporterHttpServer(
        server, threads, setup.listen().withPort(server.getAddress().getPort()), serverTls);
  }

  private static Router router(HttpServerSetup setup) {
    PrometheusProperties properties = PrometheusProperties.get();
    ServedAgent agent = setup.agent();
    return new Router(
        new MetricsEndpoint(properties, setup.registry()),
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
    server.stop(0);
    threads.close();
  }
}
