package org.smtpwatch.agent.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.testkit.ProbeResultBuilder;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.ProbeAccess;
import org.smtpwatch.config.TlsPolicy;
import org.smtpwatch.config.WebConfig;

/** Endpoints, configs and probe results built directly, without the config loader or a prober. */
final class TestEndpoints {

  static final TlsPolicy NO_TLS = new TlsPolicy(false, false, null, null, null);

  private TestEndpoints() {}

  static Endpoint endpoint(String host, int port, Duration interval, Duration timeout) {
    return endpoint(host, port, interval, timeout, Map.of());
  }

  static Endpoint endpoint(
      String host, int port, Duration interval, Duration timeout, Map<String, String> labels) {
    return new Endpoint(
        host,
        port,
        Mode.PLAIN,
        NO_TLS,
        null,
        labels,
        interval,
        timeout,
        "probe.test",
        IpPreference.ANY);
  }

  static Config config(int maxConcurrentProbes, List<Endpoint> endpoints) {
    return new Config(
        null,
        "127.0.0.1:0",
        Duration.ofSeconds(60),
        Duration.ofSeconds(15),
        "probe.test",
        maxConcurrentProbes,
        endpoints,
        WebConfig.NONE,
        ProbeAccess.CONFIGURED_ONLY);
  }

  static ProbeResult up(Endpoint endpoint, Instant startedAt) {
    return ProbeResultBuilder.of(endpoint)
        .address("127.0.0.1")
        .startedAt(startedAt)
        .duration(Duration.ofMillis(1))
        .greeting(220, "test ESMTP")
        .build();
  }

  static ProbeResult down(
      Endpoint endpoint, Instant startedAt, Phase phase, FailureReason reason, String detail) {
    return ProbeResultBuilder.of(endpoint)
        .address("127.0.0.1")
        .startedAt(startedAt)
        .duration(Duration.ofMillis(1))
        .failure(phase, reason, detail)
        .build();
  }
}
