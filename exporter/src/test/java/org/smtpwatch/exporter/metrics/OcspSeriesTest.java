package org.smtpwatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.exporter.metrics.ProbeSamples.NOW;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.ocsp.OcspReport;
import org.smtpwatch.agent.ocsp.OcspResult;
import org.smtpwatch.agent.ocsp.OcspStatus;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.testkit.ProbeResultBuilder;

/** The smtp_ocsp_ series of one endpoint for each kind of revocation report. */
class OcspSeriesTest {

  private static final String L =
      "group=\"prod\",host=\"mail.example.com\",mode=\"starttls\",port=\"587\"";
  private static final Instant THIS_UPDATE = NOW.minus(Duration.ofHours(1));
  private static final Instant NEXT_UPDATE = NOW.plus(Duration.ofDays(2));
  private static final Instant REVOKED_AT = NOW.minus(Duration.ofDays(1));

  private final StoreFixture fixture = new StoreFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private static ProbeResult withOcsp(OcspReport ocsp) {
    return ProbeResultBuilder.from(ProbeSamples.starttlsSuccess(ProbeSamples.submission(), NOW))
        .ocsp(ocsp)
        .build();
  }

  private static String label(String source) {
    return L.replace(",port=\"587\"", ",port=\"587\",source=\"" + source + "\"");
  }

  @Test
  void stapledAndQueriedStatusAreSeparateSeries() {
    fixture.record(
        withOcsp(
            new OcspReport(
                new OcspResult(OcspStatus.GOOD, THIS_UPDATE, NEXT_UPDATE, null, null, null, "good"),
                new OcspResult(
                    OcspStatus.REVOKED,
                    THIS_UPDATE,
                    null,
                    REVOKED_AT,
                    "keyCompromise",
                    "http://ocsp.example.net/",
                    "revoked"))));

    assertThat(fixture.smtpLines().stream().filter(line -> line.startsWith("smtp_ocsp_")))
        .containsExactlyInAnyOrder(
            "smtp_ocsp_stapled{" + L + "} 1.0",
            "smtp_ocsp_status_info{" + label("stapled") + ",status=\"good\"} 1",
            "smtp_ocsp_status_info{" + label("query") + ",status=\"revoked\"} 1",
            "smtp_ocsp_this_update_timestamp_seconds{"
                + label("stapled")
                + "} "
                + UnixSeconds.of(THIS_UPDATE),
            "smtp_ocsp_this_update_timestamp_seconds{"
                + label("query")
                + "} "
                + UnixSeconds.of(THIS_UPDATE),
            "smtp_ocsp_next_update_timestamp_seconds{"
                + label("stapled")
                + "} "
                + UnixSeconds.of(NEXT_UPDATE),
            "smtp_ocsp_revocation_timestamp_seconds{"
                + label("query")
                + "} "
                + UnixSeconds.of(REVOKED_AT));
  }

  @Test
  void aServerThatStaplesNothingShowsZeroAndNoStatus() {
    fixture.record(withOcsp(new OcspReport(null, null)));

    assertThat(fixture.smtpLines().stream().filter(line -> line.startsWith("smtp_ocsp_")))
        .containsExactly("smtp_ocsp_stapled{" + L + "} 0.0");
  }

  @Test
  void withoutACertificateThereAreNoOcspSeries() {
    fixture.record(withOcsp(null));

    assertThat(fixture.smtpLines()).noneMatch(line -> line.startsWith("smtp_ocsp_"));
  }
}
