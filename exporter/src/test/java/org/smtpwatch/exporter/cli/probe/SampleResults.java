package org.smtpwatch.exporter.cli.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.smtpwatch.agent.probe.AuthResult;
import org.smtpwatch.agent.probe.Failure;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.smtp.EhloCapabilities;
import org.smtpwatch.agent.testkit.ProbeResultBuilder;
import org.smtpwatch.agent.tls.CertificateDetails;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.TlsPolicy;

/** Probe results with exact values, for testing how they are reported. */
public final class SampleResults {

  /** "Now" for the reports: 2026-03-01T00:00:00Z. */
  public static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

  public static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
  public static final Instant NOT_AFTER = Instant.parse("2026-03-31T12:00:00Z");
  public static final Instant CHAIN_NOT_AFTER = Instant.parse("2026-03-11T00:00:00Z");

  private SampleResults() {}

  public static Endpoint endpoint(String host, int port, Mode mode) {
    return new Endpoint(
        host,
        port,
        mode,
        new TlsPolicy(mode != Mode.PLAIN, mode != Mode.PLAIN, null, null, null),
        null,
        Map.of(),
        Duration.ofSeconds(60),
        Duration.ofSeconds(15),
        "probe.example.org",
        IpPreference.ANY);
  }

  public static CertificateDetails certificate() {
    return new CertificateDetails(
        "CN=mail.example.com",
        "CN=Example CA,O=Example",
        "1a2b3c",
        NOT_BEFORE,
        NOT_AFTER,
        CHAIN_NOT_AFTER,
        true,
        true,
        "ab".repeat(32),
        List.of("mail.example.com", "smtp.example.com"),
        "RSA",
        2048,
        "SHA256withRSA",
        2,
        null);
  }

  /** Submission on 587 that worked: STARTTLS, TLS 1.3, a trusted certificate. */
  public static ProbeResult starttlsSuccess() {
    return ProbeResultBuilder.of(endpoint("mail.example.com", 587, Mode.STARTTLS))
        .address("192.0.2.10")
        .startedAt(NOW)
        .duration(Duration.ofMillis(123).plusNanos(456_000))
        .phase(Phase.RESOLVE, 1_200_000)
        .phase(Phase.CONNECT, 2_500_000)
        .phase(Phase.BANNER, 10_000_000)
        .phase(Phase.EHLO, 3_000_000)
        .phase(Phase.STARTTLS, 1_500_000)
        .phase(Phase.TLS_HANDSHAKE, 30_250_000)
        .phase(Phase.EHLO_TLS, 2_000_000)
        .phase(Phase.QUIT, 500_000)
        .greeting(220, "mail.example.com ESMTP Postfix")
        .ehlo(
            new EhloCapabilities(
                List.of("PIPELINING", "SIZE", "AUTH", "8BITMIME"),
                OptionalLong.of(10240000),
                List.of("PLAIN", "LOGIN")))
        .startTlsOffered(true)
        .tls("TLSv1.3", "TLS_AES_256_GCM_SHA384")
        .certificate(certificate())
        .build();
  }

  /** 587 that stopped after the plaintext EHLO: no STARTTLS, AUTH offered in clear. */
  public static ProbeResult starttlsNotOffered() {
    return ProbeResultBuilder.of(endpoint("mail.example.com", 587, Mode.STARTTLS))
        .address("192.0.2.10")
        .startedAt(NOW)
        .duration(Duration.ofMillis(20))
        .phase(Phase.RESOLVE, 1_000_000)
        .phase(Phase.CONNECT, 2_000_000)
        .phase(Phase.BANNER, 10_000_000)
        .phase(Phase.EHLO, 3_000_000)
        .failure(
            Phase.STARTTLS,
            FailureReason.STARTTLS_NOT_OFFERED,
            "EHLO did not offer STARTTLS and the endpoint requires TLS")
        .greeting(220, "mail.example.com ESMTP")
        .ehlo(
            new EhloCapabilities(
                List.of("PIPELINING", "AUTH"), OptionalLong.empty(), List.of("PLAIN")))
        .authBeforeTls(true)
        .build();
  }

  /** Port 25 probed in plain mode, with a failed login afterwards. */
  public static ProbeResult plainWithFailedAuth() {
    Failure loginRefused =
        new Failure(Phase.AUTH, FailureReason.AUTH_FAILED, "535 5.7.8 authentication failed");
    return ProbeResultBuilder.of(endpoint("127.0.0.1", 2525, Mode.PLAIN))
        .address("127.0.0.1")
        .startedAt(NOW)
        .duration(Duration.ofMillis(7))
        .phase(Phase.CONNECT, 400_000)
        .phase(Phase.BANNER, 1_000_000)
        .phase(Phase.EHLO, 600_000)
        .failure(loginRefused)
        .greeting(220, "localhost ESMTP")
        .ehlo(new EhloCapabilities(List.of("PIPELINING"), OptionalLong.empty(), List.of()))
        .auth(new AuthResult(false, "PLAIN", Duration.ofMillis(3), loginRefused))
        .build();
  }

  /** Nothing answered: connection refused before any phase completed but resolve. */
  public static ProbeResult connectRefused() {
    return ProbeResultBuilder.of(endpoint("::1", 465, Mode.TLS))
        .address("::1")
        .startedAt(NOW)
        .duration(Duration.ofNanos(900_000))
        .phase(Phase.RESOLVE, 100_000)
        .failure(Phase.CONNECT, FailureReason.CONNECT_REFUSED, "connection refused")
        .build();
  }

  /** A name that does not resolve, on a port without defaults; the server never spoke. */
  public static ProbeResult dnsFailure() {
    return ProbeResultBuilder.of(endpoint("nowhere.example", 10025, Mode.STARTTLS))
        .startedAt(NOW)
        .duration(Duration.ofMillis(5))
        .failure(Phase.RESOLVE, FailureReason.DNS, "nowhere.example: no such host")
        .build();
  }

  /** A greeting and a failure detail carrying terminal escape sequences and a line break. */
  public static ProbeResult hostileBanner() {
    return ProbeResultBuilder.of(endpoint("evil.example", 25, Mode.PLAIN))
        .address("127.0.0.9")
        .startedAt(NOW)
        .duration(Duration.ofMillis(2))
        .phase(Phase.CONNECT, 100_000)
        .phase(Phase.BANNER, 200_000)
        .failure(Phase.EHLO, FailureReason.PROTOCOL, "reply \u001b]0;pwned\u0007 ended")
        .greeting(220, "evil.example \u001b[31mRED\u001b[0m\nOK fake.example:25")
        .build();
  }
}
