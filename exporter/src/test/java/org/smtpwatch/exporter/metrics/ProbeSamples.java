package org.smtpwatch.exporter.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.smtpwatch.agent.probe.AuthResult;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.smtp.EhloCapabilities;
import org.smtpwatch.agent.testkit.ProbeResultBuilder;
import org.smtpwatch.agent.tls.CertificateDetails;
import org.smtpwatch.config.BannerPattern;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.TlsPolicy;

/** Endpoints and probe results with exact values, built directly as records. */
final class ProbeSamples {

  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final Instant NOT_BEFORE = Instant.parse("2026-09-01T00:00:00Z");
  static final Instant NOT_AFTER = Instant.parse("2026-12-30T12:00:00Z");
  static final Instant CHAIN_NOT_AFTER = Instant.parse("2026-12-15T00:00:00Z");

  private ProbeSamples() {}

  static Endpoint endpoint(String host, int port, Mode mode, Map<String, String> labels) {
    return endpoint(host, port, mode, labels, null);
  }

  static Endpoint endpoint(
      String host, int port, Mode mode, Map<String, String> labels, BannerPattern banner) {
    return new Endpoint(
        host,
        port,
        mode,
        new TlsPolicy(mode != Mode.PLAIN, mode != Mode.PLAIN, null, null, null),
        null,
        labels,
        Duration.ofSeconds(60),
        Duration.ofSeconds(15),
        "probe.example.org",
        IpPreference.ANY,
        banner);
  }

  static Endpoint submission() {
    return endpoint("mail.example.com", 587, Mode.STARTTLS, Map.of("group", "prod"));
  }

  static CertificateDetails certificate(Instant notAfter, boolean trusted) {
    return new CertificateDetails(
        "CN=mail.example.com",
        "CN=Example CA,O=Example",
        "1a2b3c",
        NOT_BEFORE,
        notAfter,
        CHAIN_NOT_AFTER.isBefore(notAfter) ? CHAIN_NOT_AFTER : notAfter,
        trusted,
        true,
        "ab".repeat(32),
        List.of("mail.example.com", "smtp.example.com"),
        "RSA",
        2048,
        "SHA256withRSA",
        2,
        trusted ? null : "certificate expired");
  }

  /** 587 that worked: STARTTLS, TLS 1.3, a trusted certificate, a login. */
  static ProbeResult starttlsSuccess(Endpoint endpoint, Instant at) {
    return ProbeResultBuilder.of(endpoint)
        .address("192.0.2.10")
        .startedAt(at)
        .duration(Duration.ofMillis(123))
        .phase(Phase.RESOLVE, Duration.ofMillis(1))
        .phase(Phase.CONNECT, Duration.ofMillis(2))
        .phase(Phase.BANNER, Duration.ofMillis(10))
        .phase(Phase.EHLO, Duration.ofMillis(3))
        .phase(Phase.STARTTLS, Duration.ofMillis(1))
        .phase(Phase.TLS_HANDSHAKE, Duration.ofMillis(30))
        .phase(Phase.EHLO_TLS, Duration.ofMillis(2))
        .phase(Phase.AUTH, Duration.ofMillis(5))
        .phase(Phase.QUIT, Duration.ofMillis(1))
        .greeting(220, "mail.example.com ESMTP Postfix")
        .ehlo(
            new EhloCapabilities(
                List.of("PIPELINING", "SIZE", "AUTH"), OptionalLong.of(10240000), List.of("PLAIN")))
        .startTlsOffered(true)
        .tls("TLSv1.3", "TLS_AES_256_GCM_SHA384")
        .certificate(certificate(NOT_AFTER, true))
        .auth(new AuthResult(true, "PLAIN", Duration.ofMillis(5), null))
        .build();
  }

  /** The handshake completed but the certificate expired: the failure still carries it. */
  static ProbeResult expiredCertificate(Endpoint endpoint, Instant at) {
    Instant expired = Instant.parse("2026-11-01T00:00:00Z");
    return ProbeResultBuilder.of(endpoint)
        .address("192.0.2.10")
        .startedAt(at)
        .duration(Duration.ofMillis(50))
        .phase(Phase.RESOLVE, Duration.ofMillis(1))
        .phase(Phase.CONNECT, Duration.ofMillis(2))
        .phase(Phase.BANNER, Duration.ofMillis(10))
        .phase(Phase.EHLO, Duration.ofMillis(3))
        .phase(Phase.STARTTLS, Duration.ofMillis(1))
        .failure(Phase.TLS_HANDSHAKE, FailureReason.CERT_EXPIRED, "certificate expired")
        .greeting(220, "mail.example.com ESMTP Postfix")
        .startTlsOffered(true)
        .tls("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
        .certificate(certificate(expired, false))
        .build();
  }

  /** Port 25 whose server offers no STARTTLS; TLS is optional there, so this is a success. */
  static ProbeResult noTls(Endpoint endpoint, Instant at) {
    return ProbeResultBuilder.of(endpoint)
        .address("192.0.2.25")
        .startedAt(at)
        .duration(Duration.ofMillis(20))
        .phase(Phase.RESOLVE, Duration.ofMillis(1))
        .phase(Phase.CONNECT, Duration.ofMillis(2))
        .phase(Phase.BANNER, Duration.ofMillis(10))
        .phase(Phase.EHLO, Duration.ofMillis(3))
        .phase(Phase.QUIT, Duration.ofMillis(1))
        .greeting(220, "relay.example.com ESMTP")
        .ehlo(
            new EhloCapabilities(
                List.of("PIPELINING", "AUTH"), OptionalLong.empty(), List.of("LOGIN")))
        .authBeforeTls(true)
        .build();
  }

  /** A failure of the given kind after the greeting, with nothing but timings and the greeting. */
  static ProbeResult failure(Endpoint endpoint, Instant at, Phase phase, FailureReason reason) {
    return ProbeResultBuilder.of(endpoint)
        .address("192.0.2.10")
        .startedAt(at)
        .duration(Duration.ofMillis(7))
        .phase(Phase.RESOLVE, Duration.ofMillis(1))
        .phase(Phase.CONNECT, Duration.ofMillis(2))
        .failure(phase, reason, "failed: " + reason.label())
        .build();
  }

  /** Greeting only, with the given banner; success, as in plain mode. */
  static ProbeResult greeting(Endpoint endpoint, Instant at, int code, String banner) {
    ProbeResultBuilder result =
        ProbeResultBuilder.of(endpoint)
            .address("127.0.0.1")
            .startedAt(at)
            .duration(Duration.ofMillis(3))
            .phase(Phase.CONNECT, Duration.ofMillis(1))
            .phase(Phase.BANNER, Duration.ofMillis(1))
            .greeting(code, banner);
    if (code != 220) {
      result.failure(Phase.BANNER, FailureReason.GREETING_REJECTED, "" + code);
    }
    return result.build();
  }
}
