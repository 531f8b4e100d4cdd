package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.smtp.EhloParser;
import org.smtpwatch.agent.smtp.SmtpReply;
import org.smtpwatch.agent.testkit.TestEndpoints;
import org.smtpwatch.config.Mode;

class ProbeFindingsTest {

  @Test
  void capabilitiesSeenBeforeStartTlsAreForgottenOnceTlsIsUpButTheirFlagsRemain() {
    ProbeFindings findings = new ProbeFindings();
    findings.plaintextEhlo(
        EhloParser.parse(new SmtpReply(250, List.of("mx", "AUTH PLAIN", "STARTTLS"))));

    findings.discardPlaintextEhlo();
    ProbeResult result =
        findings.toResult(
            TestEndpoints.endpoint(
                "mx", 25, Mode.STARTTLS, TestEndpoints.tlsRequired(), Duration.ofSeconds(1)),
            Instant.EPOCH,
            Duration.ZERO,
            null,
            null);

    assertThat(result.ehlo()).isNull();
    assertThat(result.startTlsOffered()).isTrue();
    assertThat(result.authBeforeTls()).isTrue();
  }

  @Test
  void encryptedEhloDoesNotTouchThePlaintextFlags() {
    ProbeFindings findings = new ProbeFindings();
    findings.encryptedEhlo(EhloParser.parse(new SmtpReply(250, List.of("mx", "AUTH PLAIN"))));

    ProbeResult result =
        findings.toResult(
            TestEndpoints.endpoint(
                "mx", 465, Mode.TLS, TestEndpoints.tlsRequired(), Duration.ofSeconds(1)),
            Instant.EPOCH,
            Duration.ZERO,
            null,
            null);

    assertThat(result.ehlo().authMechanisms()).containsExactly("PLAIN");
    assertThat(result.authBeforeTls()).isFalse();
    assertThat(result.startTlsOffered()).isFalse();
  }
}
