package org.smtpwatch.exporter.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every path: picks the handler by the exact path, checks the method, and turns refusals into 4xx
 * and bugs into a bare 500, so no request can take the server down or read a stack trace.
 */
final class Router implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(Router.class);
  private static final Set<String> READ = Set.of("GET", "HEAD");
  private static final Set<String> WRITE = Set.of("POST");

  private final HttpHandler metrics;
  private final StatusPage statusPage;
  private final Readiness readiness;
  private final ReloadHandler reload;
  private final ProbeHandler probe;

  /**
   * @param metrics renders the registry ({@link MetricsEndpoint}: the Prometheus client's content
   *     negotiation, gzip and writers)
   */
  Router(
      HttpHandler metrics,
      StatusPage statusPage,
      Readiness readiness,
      ReloadHandler reload,
      ProbeHandler probe) {
    this.metrics = metrics;
    this.statusPage = statusPage;
    this.readiness = readiness;
    this.reload = reload;
    this.probe = probe;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      try {
        route(exchange);
      } catch (RequestRejected rejected) {
        if (rejected.status() == 429) {
          exchange.getResponseHeaders().set("Retry-After", "1");
        }
        PlainResponse.text(exchange, rejected.status(), rejected.getMessage());
      } catch (RuntimeException e) {
        log.error(
            "{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
        if (exchange.getResponseCode() < 0) {
          PlainResponse.text(exchange, 500, "internal error; see the smtpwatch log");
        }
      }
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange) throws IOException, RequestRejected {
    String rawQuery = exchange.getRequestURI().getRawQuery();
    if (rawQuery != null && rawQuery.length() > QueryParameters.MAX_QUERY_LENGTH) {
      throw new RequestRejected(
          414, "query too long (at most " + QueryParameters.MAX_QUERY_LENGTH + " characters)");
    }
    String path = exchange.getRequestURI().getRawPath();
    switch (path) {
      case "/" -> {
        allow(exchange, READ);
        PlainResponse.html(exchange, 200, statusPage.render());
      }
      case "/metrics" -> {
        allow(exchange, READ);
        metrics.handle(exchange);
      }
      case "/-/healthy" -> {
        allow(exchange, READ);
        PlainResponse.text(exchange, 200, "OK");
      }
      case "/-/ready" -> {
        allow(exchange, READ);
        if (readiness.ready()) {
          PlainResponse.text(exchange, 200, "OK");
        } else {
          PlainResponse.text(exchange, 503, "not ready: " + readiness.waitingFor());
        }
      }
      case "/-/reload" -> {
        allow(exchange, WRITE);
        drain(exchange.getRequestBody());
        reload.handle(exchange);
      }
      case "/probe" -> {
        allow(exchange, READ);
        probe.handle(exchange);
      }
      default ->
          throw new RequestRejected(
              404,
              "not found; smtpwatch serves /, /metrics, /probe, /-/healthy, /-/ready, /-/reload");
    }
  }

  private static void allow(HttpExchange exchange, Set<String> methods) throws RequestRejected {
    if (!methods.contains(exchange.getRequestMethod())) {
      String allowed = String.join(", ", methods.stream().sorted().toList());
      exchange.getResponseHeaders().set("Allow", allowed);
      throw new RequestRejected(
          405,
          "method "
              + Printable.of(exchange.getRequestMethod())
              + " not allowed here; use "
              + allowed);
    }
  }

  // A reload takes no body; reading a bounded amount lets the connection be reused.
  private static void drain(InputStream body) throws IOException {
    body.readNBytes(64 * 1024);
  }
}
