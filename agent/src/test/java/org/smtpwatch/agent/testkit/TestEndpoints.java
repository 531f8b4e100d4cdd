package org.smtpwatch.agent.testkit;

import java.time.Duration;
import java.util.Map;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.TlsPolicy;

/** Endpoints for tests: loopback, short timeouts, no credentials. */
public final class TestEndpoints {

  public static final String EHLO_NAME = "probe.smtpwatch.test";

  private TestEndpoints() {}

  public static Endpoint endpoint(
      String host, int port, Mode mode, TlsPolicy tls, Duration timeout) {
    return endpoint(host, port, mode, tls, timeout, IpPreference.ANY);
  }

  public static Endpoint endpoint(
      String host, int port, Mode mode, TlsPolicy tls, Duration timeout, IpPreference preference) {
    return new Endpoint(
        host,
        port,
        mode,
        tls,
        null,
        Map.of(),
        timeout.plusSeconds(60),
        timeout,
        EHLO_NAME,
        preference);
  }

  public static TlsPolicy noTls() {
    return new TlsPolicy(false, false, null, null, null);
  }

  public static TlsPolicy tlsRequired() {
    return new TlsPolicy(true, true, null, null, null);
  }

  public static TlsPolicy tlsOptional() {
    return new TlsPolicy(false, false, null, null, null);
  }
}
