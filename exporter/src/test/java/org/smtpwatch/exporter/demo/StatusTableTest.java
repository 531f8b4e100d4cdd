package org.smtpwatch.exporter.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.Failure;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.schedule.EndpointSnapshot;
import org.smtpwatch.agent.testkit.ProbeResultBuilder;
import org.smtpwatch.agent.tls.CertificateDetails;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.TlsPolicy;

class StatusTableTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void failingEndpointsComeFirstThenUnprobedThenUp() {
    Endpoint up = endpoint(587, Mode.STARTTLS);
    Endpoint down = endpoint(465, Mode.TLS);
    Endpoint waiting = endpoint(25, Mode.STARTTLS);
    String table =
        new StatusTable(Clock.fixed(NOW, ZoneOffset.UTC))
            .render(
                List.of(
                    snapshot(up, result(up, null)),
                    EndpointSnapshot.unprobed(waiting),
                    snapshot(
                        down,
                        result(
                            down,
                            new Failure(
                                Phase.TLS_HANDSHAKE,
                                FailureReason.CERT_EXPIRED,
                                "certificate expired")))));

    assertThat(table.lines())
        .containsExactly(
            "ENDPOINT               MODE      STATE      TIME TLS      CERT       DETAIL",
            "mail.test:465          tls       DOWN    12.5 ms TLSv1.3  20d left   cert_expired:"
                + " certificate expired",
            "mail.test:25           starttls  -             - -        -          not probed yet",
            "mail.test:587          starttls  up      12.5 ms TLSv1.3  20d left   220 mail.test"
                + " ESMTP");
  }

  private static EndpointSnapshot snapshot(Endpoint endpoint, ProbeResult result) {
    return new EndpointSnapshot(endpoint, result, 1, Map.of(), NOW, NOW);
  }

  private static ProbeResult result(Endpoint endpoint, Failure failure) {
    CertificateDetails certificate =
        new CertificateDetails(
            "CN=mail.test",
            "CN=test CA",
            "01",
            NOW.minus(Duration.ofDays(70)),
            NOW.plus(Duration.ofDays(20)).plusSeconds(5),
            NOW.plus(Duration.ofDays(20)),
            true,
            true,
            "00",
            List.of("mail.test"),
            "EC",
            256,
            "SHA256withECDSA",
            2,
            null);
    return ProbeResultBuilder.of(endpoint)
        .address("127.0.0.1")
        .startedAt(NOW)
        .duration(Duration.ofMillis(12).plusNanos(500_000))
        .failure(failure)
        .greeting(220, "mail.test ESMTP")
        .startTlsOffered(true)
        .tls("TLSv1.3", "TLS_AES_128_GCM_SHA256")
        .certificate(certificate)
        .build();
  }

  private static Endpoint endpoint(int port, Mode mode) {
    return new Endpoint(
        "mail.test",
        port,
        mode,
        new TlsPolicy(true, true, null, null, null),
        null,
        Map.of(),
        Duration.ofSeconds(60),
        Duration.ofSeconds(15),
        "probe.test",
        IpPreference.ANY);
  }
}
