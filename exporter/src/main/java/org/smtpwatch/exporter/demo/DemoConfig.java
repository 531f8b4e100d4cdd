package org.smtpwatch.exporter.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.ProbeAccess;
import org.smtpwatch.config.TlsPolicy;
import org.smtpwatch.config.WebConfig;

/**
 * The built-in config the demo monitors: every demo listener, verified against the demo's own
 * certificate authority, each labelled with the port it imitates; the 587-like one also logs in as
 * the demo user and sends a message.
 */
final class DemoConfig {

  static final Duration INTERVAL = Duration.ofSeconds(10);
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String EHLO_NAME = "smtpwatch-demo.localdomain";

  private DemoConfig() {}

  static Config forListeners(List<DemoListener> listeners, Path caFile, DemoCredentials user) {
    List<Endpoint> endpoints =
        listeners.stream().map(listener -> endpoint(listener, caFile, user)).toList();
    return new Config(
        null,
        "127.0.0.1:10785",
        INTERVAL,
        TIMEOUT,
        EHLO_NAME,
        8,
        endpoints,
        WebConfig.NONE,
        ProbeAccess.CONFIGURED_ONLY);
  }

  private static Endpoint endpoint(DemoListener listener, Path caFile, DemoCredentials user) {
    return new Endpoint(
        "localhost",
        listener.port(),
        listener.mode(),
        new TlsPolicy(listener.tlsRequired(), true, caFile, null, null),
        listener.shapedLike() == 587 ? user.authSpec() : null,
        Map.of("shaped_like", String.valueOf(listener.shapedLike())),
        INTERVAL,
        TIMEOUT,
        EHLO_NAME,
        IpPreference.IPV4);
  }
}
