package org.smtpwatch.exporter.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.smtpwatch.agent.schedule.ReloadOutcome;
import org.smtpwatch.config.ConfigError;

/**
 * {@code POST /-/reload}: the same reload as SIGHUP. 200 with what changed, or 400 with every
 * validation error one per line (the running config stays); 500 if reloading itself broke.
 */
final class ReloadHandler {

  private final Supplier<ReloadOutcome> reload;

  ReloadHandler(Supplier<ReloadOutcome> reload) {
    this.reload = reload;
  }

  void handle(HttpExchange exchange) throws IOException, RequestRejected {
    refuseCrossOrigin(exchange);
    ReloadOutcome outcome = reload.get();
    if (outcome.success()) {
      PlainResponse.text(
          exchange,
          200,
          String.format(
              "config reloaded: %d added, %d removed, %d changed, %d unchanged",
              outcome.added(), outcome.removed(), outcome.changed(), outcome.unchanged()));
      return;
    }
    String errors =
        outcome.errors().stream().map(ConfigError::toString).collect(Collectors.joining("\n"));
    PlainResponse.text(exchange, 400, "config rejected; still running the previous one\n" + errors);
  }

  /**
   * A web page elsewhere could make a visitor's browser POST here (no preflight is needed for a
   * bodiless POST). Browsers say where such a request comes from in {@code Origin}; curl and
   * Prometheus tooling send none. So a present Origin must be this server itself.
   */
  private static void refuseCrossOrigin(HttpExchange exchange) throws RequestRejected {
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (origin == null) {
      return;
    }
    String originHost;
    try {
      originHost = URI.create(origin).getRawAuthority();
    } catch (IllegalArgumentException e) {
      originHost = null;
    }
    if (originHost == null || !originHost.equalsIgnoreCase(host)) {
      throw new RequestRejected(403, "cross-origin reload refused (Origin does not match Host)");
    }
  }
}
