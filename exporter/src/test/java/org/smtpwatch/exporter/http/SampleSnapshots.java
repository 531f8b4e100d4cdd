package org.smtpwatch.exporter.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.smtpwatch.agent.probe.Failure;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.schedule.EndpointSnapshot;
import org.smtpwatch.agent.testkit.ProbeResultBuilder;
import org.smtpwatch.agent.tls.CertificateDetails;
import org.smtpwatch.agent.tls.TlsSession;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.TlsPolicy;

/** Endpoints in known states, for the status page and readiness. */
final class SampleSnapshots {

  private SampleSnapshots() {}

  static Endpoint endpoint(String host, int port, Mode mode) {
    return new Endpoint(
        host,
        port,
        mode,
        new TlsPolicy(mode != Mode.PLAIN, mode != Mode.PLAIN, null, null, null),
        null,
        Map.of("group", "prod"),
        Duration.ofSeconds(60),
        Duration.ofSeconds(15),
        "probe.test",
        IpPreference.ANY);
  }

  static EndpointSnapshot unprobed(Endpoint endpoint) {
    return EndpointSnapshot.unprobed(endpoint);
  }

  /** Up, TLS 1.3, certificate expiring {@code daysLeft} days after {@code now}. */
  static EndpointSnapshot up(Endpoint endpoint, Instant now, long daysLeft, String banner) {
    ProbeResult result =
        result(
            endpoint,
            now,
            null,
            banner,
            new TlsSession("TLSv1.3", "TLS_AES_128_GCM_SHA256"),
            certificate(now.plus(Duration.ofDays(daysLeft)).plusSeconds(3600)));
    return new EndpointSnapshot(
        endpoint, result, 1, Map.of(), now.minusSeconds(12), now.minusSeconds(12));
  }

  static EndpointSnapshot down(
      Endpoint endpoint, Instant now, FailureReason reason, String detail) {
    ProbeResult result =
        result(endpoint, now, new Failure(Phase.BANNER, reason, detail), null, null, null);
    return new EndpointSnapshot(
        endpoint, result, 1, Map.of(reason, 1L), now.minusSeconds(30), null);
  }

  private static ProbeResult result(
      Endpoint endpoint,
      Instant now,
      Failure failure,
      String banner,
      TlsSession tls,
      CertificateDetails certificate) {
    return ProbeResultBuilder.of(endpoint)
        .address("127.0.0.1")
        .startedAt(now.minusSeconds(failure == null ? 12 : 30))
        .duration(Duration.ofMillis(42))
        .phase(Phase.RESOLVE, Duration.ofMillis(1))
        .phase(Phase.CONNECT, Duration.ofMillis(2))
        .failure(failure)
        .greeting(failure == null ? 220 : null, banner)
        .tls(tls)
        .certificate(certificate)
        .build();
  }

  private static CertificateDetails certificate(Instant notAfter) {
    return new CertificateDetails(
        "CN=mx.example.com",
        "CN=Test CA",
        "01",
        notAfter.minus(Duration.ofDays(90)),
        notAfter,
        notAfter,
        true,
        true,
        "ab",
        List.of("mx.example.com"),
        "EC",
        256,
        "SHA256withECDSA",
        2,
        null);
  }
}
