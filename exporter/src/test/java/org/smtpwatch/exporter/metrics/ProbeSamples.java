package org.smtpwatch.exporter.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.smtpwatch.agent.probe.AuthResult;
import org.smtpwatch.agent.probe.Failure;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.agent.probe.PhaseTiming;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.smtp.EhloCapabilities;
import org.smtpwatch.agent.tls.CertificateDetails;
import org.smtpwatch.agent.tls.TlsSession;
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
    return new ProbeResult(
        endpoint,
        "192.0.2.10",
        at,
        Duration.ofMillis(123),
        List.of(
            timing(Phase.RESOLVE, 1),
            timing(Phase.CONNECT, 2),
            timing(Phase.BANNER, 10),
            timing(Phase.EHLO, 3),
            timing(Phase.STARTTLS, 1),
            timing(Phase.TLS_HANDSHAKE, 30),
            timing(Phase.EHLO_TLS, 2),
            timing(Phase.AUTH, 5),
            timing(Phase.QUIT, 1)),
        null,
        220,
        "mail.example.com ESMTP Postfix",
        new EhloCapabilities(
            List.of("PIPELINING", "SIZE", "AUTH"), OptionalLong.of(10240000), List.of("PLAIN")),
        true,
        false,
        new TlsSession("TLSv1.3", "TLS_AES_256_GCM_SHA384"),
        certificate(NOT_AFTER, true),
        new AuthResult(true, "PLAIN", Duration.ofMillis(5), null));
  }

  /** The handshake completed but the certificate expired: the failure still carries it. */
  static ProbeResult expiredCertificate(Endpoint endpoint, Instant at) {
    Instant expired = Instant.parse("2026-11-01T00:00:00Z");
    return new ProbeResult(
        endpoint,
        "192.0.2.10",
        at,
        Duration.ofMillis(50),
        List.of(
            timing(Phase.RESOLVE, 1),
            timing(Phase.CONNECT, 2),
            timing(Phase.BANNER, 10),
            timing(Phase.EHLO, 3),
            timing(Phase.STARTTLS, 1)),
        new Failure(Phase.TLS_HANDSHAKE, FailureReason.CERT_EXPIRED, "certificate expired"),
        220,
        "mail.example.com ESMTP Postfix",
        null,
        true,
        false,
        new TlsSession("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
        certificate(expired, false),
        null);
  }

  /** Port 25 whose server offers no STARTTLS; TLS is optional there, so this is a success. */
  static ProbeResult noTls(Endpoint endpoint, Instant at) {
    return new ProbeResult(
        endpoint,
        "192.0.2.25",
        at,
        Duration.ofMillis(20),
        List.of(
            timing(Phase.RESOLVE, 1),
            timing(Phase.CONNECT, 2),
            timing(Phase.BANNER, 10),
            timing(Phase.EHLO, 3),
            timing(Phase.QUIT, 1)),
        null,
        220,
        "relay.example.com ESMTP",
        new EhloCapabilities(List.of("PIPELINING", "AUTH"), OptionalLong.empty(), List.of("LOGIN")),
        false,
        true,
        null,
        null,
        null);
  }

  /** A failure of the given kind after the greeting, with nothing but timings and the greeting. */
  static ProbeResult failure(Endpoint endpoint, Instant at, Phase phase, FailureReason reason) {
    return new ProbeResult(
        endpoint,
        "192.0.2.10",
        at,
        Duration.ofMillis(7),
        List.of(timing(Phase.RESOLVE, 1), timing(Phase.CONNECT, 2)),
        new Failure(phase, reason, "failed: " + reason.label()),
        null,
        null,
        null,
        false,
        false,
        null,
        null,
        null);
  }

  /** Greeting only, with the given banner; success, as in plain mode. */
  static ProbeResult greeting(Endpoint endpoint, Instant at, int code, String banner) {
    return new ProbeResult(
        endpoint,
        "127.0.0.1",
        at,
        Duration.ofMillis(3),
        List.of(timing(Phase.CONNECT, 1), timing(Phase.BANNER, 1)),
        code == 220 ? null : new Failure(Phase.BANNER, FailureReason.GREETING_REJECTED, "" + code),
        code,
        banner,
        null,
        false,
        false,
        null,
        null,
        null);
  }

  private static PhaseTiming timing(Phase phase, long millis) {
    return new PhaseTiming(phase, Duration.ofMillis(millis));
  }
}
