package org.smtpwatch.exporter.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.AuthResult;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.SendResult;
import org.smtpwatch.agent.testkit.ProbeResultBuilder;

class HumanReportTest {

  private final HumanReport report =
      new HumanReport(Clock.fixed(SampleResults.NOW, ZoneOffset.UTC));

  @Test
  void successWithStarttlsShowsEveryPhaseTheSessionAndTheVerdict() {
    assertThat(report.render(SampleResults.starttlsSuccess()))
        .isEqualTo(
            """
            resolve            1.2 ms
            connect            2.5 ms  192.0.2.10
            banner            10.0 ms  220 mail.example.com ESMTP Postfix
            ehlo               3.0 ms  STARTTLS offered
            starttls           1.5 ms  accepted
            tls_handshake     30.3 ms  TLSv1.3 TLS_AES_256_GCM_SHA384
            ehlo_tls           2.0 ms  4 extensions
            quit               0.5 ms

            tls               TLSv1.3 TLS_AES_256_GCM_SHA384
            certificate
              subject         CN=mail.example.com
              issuer          CN=Example CA,O=Example
              serial          1a2b3c
              san             mail.example.com, smtp.example.com
              not before      2026-01-01T00:00:00Z
              not after       2026-03-31T12:00:00Z (30 days left)
              chain expires   2026-03-11T00:00:00Z (10 days left)
              trusted         yes
              hostname match  yes
              key             RSA 2048 bits
              signature       SHA256withRSA
              sha256          abababababababababababababababababababababababababababababababab
            ehlo extensions   PIPELINING, SIZE 10240000, AUTH PLAIN LOGIN, 8BITMIME
            starttls offered  yes
            auth before tls   no
            OK mail.example.com:587 (starttls) in 123 ms
            """);
  }

  @Test
  void aTls12SuiteAlsoShowsTheNameOpenSslAndPostfixLogsGiveIt() {
    ProbeResult result =
        ProbeResultBuilder.from(SampleResults.starttlsSuccess())
            .tls("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")
            .build();

    assertThat(report.render(result))
        .contains(
            "tls               TLSv1.2 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"
                + " (OpenSSL: ECDHE-RSA-AES256-GCM-SHA384)\n");
  }

  @Test
  void failureKeepsTheCompletedPhasesAndNamesTheFailedOne() {
    assertThat(report.render(SampleResults.starttlsNotOffered()))
        .isEqualTo(
            """
            resolve            1.0 ms
            connect            2.0 ms  192.0.2.10
            banner            10.0 ms  220 mail.example.com ESMTP
            ehlo               3.0 ms  STARTTLS not offered, 2 extensions
            starttls           failed  starttls_not_offered

            tls               none
            certificate       none
            ehlo extensions   PIPELINING, AUTH PLAIN
            starttls offered  no
            auth before tls   yes
            WARNING: AUTH is offered before TLS; passwords can cross the network in clear
            FAILED mail.example.com:587 (starttls) in 20 ms phase=starttls \
            reason=starttls_not_offered: EHLO did not offer STARTTLS and the endpoint requires TLS
            """);
  }

  @Test
  void plainModeHasNoTlsSectionAndShowsTheLoginOutcome() {
    assertThat(report.render(SampleResults.plainWithFailedAuth()))
        .isEqualTo(
            """
            connect            0.4 ms  127.0.0.1
            banner             1.0 ms  220 localhost ESMTP
            ehlo               0.6 ms  1 extension
            auth               failed  auth_failed

            ehlo extensions   PIPELINING
            starttls offered  no
            auth before tls   no
            auth              FAILED, PLAIN in 3.0 ms: auth_failed: 535 5.7.8 authentication failed
            FAILED 127.0.0.1:2525 (plain) in 7 ms phase=auth reason=auth_failed: \
            535 5.7.8 authentication failed
            """);
  }

  @Test
  void aPlaintextLoginWarnsAndASentMessageShowsItsId() {
    SendResult send = new SendResult(true, Duration.ofMillis(12), "<smtpwatch.1@probe>", null);
    ProbeResult result =
        ProbeResultBuilder.from(SampleResults.plainWithFailedAuth())
            .failure(null)
            .auth(new AuthResult(true, "PLAIN", Duration.ofMillis(3), null, true, send))
            .build();

    assertThat(report.render(result))
        .contains("auth              ok, PLAIN in 3.0 ms\n")
        .contains("send              ok, <smtpwatch.1@probe> accepted in 12.0 ms\n")
        .contains("WARNING: the password was sent without TLS (allow_plaintext_auth is true)\n");
  }

  @Test
  void connectFailureOnImplicitTlsShowsBracketedIpv6AndRoundsTheTotal() {
    assertThat(report.render(SampleResults.connectRefused()))
        .isEqualTo(
            """
            resolve            0.1 ms
            connect            failed  connect_refused

            tls               none
            certificate       none
            FAILED [::1]:465 (tls) in 1 ms phase=connect reason=connect_refused: connection refused
            """);
  }

  @Test
  void resolutionFailureBeforeAnyPhase() {
    assertThat(report.render(SampleResults.dnsFailure()))
        .isEqualTo(
            """
            resolve            failed  dns

            tls               none
            certificate       none
            starttls offered  unknown (no EHLO answered)
            auth before tls   unknown (no EHLO answered)
            FAILED nowhere.example:10025 (starttls) in 5 ms phase=resolve reason=dns: \
            nowhere.example: no such host
            """);
  }

  @Test
  void controlCharactersFromTheServerAreEscapedNotPrinted() {
    String text = report.render(SampleResults.hostileBanner());

    assertThat(text)
        .doesNotContain("\u001b", "\u0007")
        .contains("banner             0.2 ms  220 evil.example \\u001b[31mRED\\u001b[0m")
        .contains("\\u000aOK fake.example:25\n")
        .endsWith("reason=protocol: reply \\u001b]0;pwned\\u0007 ended\n");
    assertThat(text.lines().filter(line -> line.startsWith("OK "))).isEmpty();
  }

  @Test
  void daysLeftCountWholeDaysAndExpiredCertificatesSaySo() {
    Instant notAfter = Instant.parse("2026-03-02T00:00:00Z");
    assertThat(CertificateReport.expiry(notAfter, Instant.parse("2026-03-01T00:00:00Z")))
        .isEqualTo("2026-03-02T00:00:00Z (1 day left)");
    assertThat(CertificateReport.expiry(notAfter, Instant.parse("2026-03-01T00:00:01Z")))
        .isEqualTo("2026-03-02T00:00:00Z (0 days left)");
    assertThat(CertificateReport.expiry(notAfter, notAfter))
        .isEqualTo("2026-03-02T00:00:00Z (EXPIRED 0 days ago)");
    assertThat(CertificateReport.expiry(notAfter, Instant.parse("2026-03-05T01:00:00Z")))
        .isEqualTo("2026-03-02T00:00:00Z (EXPIRED 3 days ago)");
  }

  @Test
  void untrustedCertificateShowsWhyAndANotYetValidDate() {
    var certificate = SampleResults.certificate();
    var untrusted =
        new org.smtpwatch.agent.tls.CertificateDetails(
            certificate.subject(),
            certificate.issuer(),
            certificate.serial(),
            Instant.parse("2026-04-01T00:00:00Z"),
            Instant.parse("2026-07-01T00:00:00Z"),
            Instant.parse("2026-07-01T00:00:00Z"),
            false,
            false,
            certificate.fingerprintSha256(),
            java.util.List.of(),
            "EC",
            256,
            "SHA256withECDSA",
            1,
            "self-signed");
    StringBuilder text = new StringBuilder();
    try (var out = new java.util.Formatter(text)) {
      new CertificateReport(Clock.fixed(SampleResults.NOW, ZoneOffset.UTC)).render(untrusted, out);
    }
    assertThat(text.toString())
        .contains("  san             none\n")
        .contains("  not before      2026-04-01T00:00:00Z (NOT VALID YET)\n")
        .contains("  not after       2026-07-01T00:00:00Z (122 days left)\n")
        .doesNotContain("chain expires")
        .contains("  trusted         no (self-signed)\n")
        .contains("  hostname match  no\n")
        .contains("  key             EC 256 bits\n");
  }
}
