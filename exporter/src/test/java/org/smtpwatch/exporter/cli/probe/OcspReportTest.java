package org.smtpwatch.exporter.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.ocsp.OcspReport;
import org.smtpwatch.agent.ocsp.OcspResult;
import org.smtpwatch.agent.ocsp.OcspStatus;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.testkit.ProbeResultBuilder;

/** The {@code ocsp} part of {@code probe --json} and of the human report. */
class OcspReportTest {

  private static final Instant THIS_UPDATE = SampleResults.NOW.minus(Duration.ofHours(6));
  private static final Instant NEXT_UPDATE = SampleResults.NOW.plus(Duration.ofDays(3));
  private static final Instant REVOKED_AT = Instant.parse("2026-02-20T08:00:00Z");
  private static final String RESPONDER = "http://ocsp.example.net/";

  private final ObjectMapper mapper = new ObjectMapper();

  private static ProbeResult withOcsp(OcspReport ocsp) {
    return ProbeResultBuilder.from(SampleResults.starttlsSuccess()).ocsp(ocsp).build();
  }

  private static OcspReport goodStapleRevokedByQuery() {
    return new OcspReport(
        new OcspResult(OcspStatus.GOOD, THIS_UPDATE, NEXT_UPDATE, null, null, null, "good"),
        new OcspResult(
            OcspStatus.REVOKED,
            THIS_UPDATE,
            NEXT_UPDATE,
            REVOKED_AT,
            "keyCompromise",
            RESPONDER,
            "revoked at 2026-02-20T08:00:00Z (keyCompromise)"));
  }

  @Test
  void jsonCarriesBothSourcesWithUnixSeconds() throws Exception {
    JsonNode ocsp =
        mapper
            .readTree(new JsonReport(mapper).render(withOcsp(goodStapleRevokedByQuery())))
            .get("ocsp");

    assertThat(ocsp.get("stapled").toString())
        .isEqualTo(
            "{\"status\":\"good\",\"this_update\":"
                + THIS_UPDATE.getEpochSecond()
                + ",\"next_update\":"
                + NEXT_UPDATE.getEpochSecond()
                + ",\"revoked_at\":null,\"revocation_reason\":null,\"responder\":null,"
                + "\"detail\":\"good\"}");
    assertThat(ocsp.get("query").get("status").asText()).isEqualTo("revoked");
    assertThat(ocsp.get("query").get("revoked_at").asLong()).isEqualTo(REVOKED_AT.getEpochSecond());
    assertThat(ocsp.get("query").get("revocation_reason").asText()).isEqualTo("keyCompromise");
    assertThat(ocsp.get("query").get("responder").asText()).isEqualTo(RESPONDER);
  }

  @Test
  void jsonSaysNullWhereNothingApplies() throws Exception {
    JsonNode notStapled =
        mapper.readTree(new JsonReport(mapper).render(withOcsp(new OcspReport(null, null))));
    JsonNode noCertificate = mapper.readTree(new JsonReport(mapper).render(withOcsp(null)));

    assertThat(notStapled.get("ocsp").toString()).isEqualTo("{\"stapled\":null,\"query\":null}");
    assertThat(noCertificate.get("ocsp").isNull()).isTrue();
  }

  @Test
  void humanReportShowsTheStapledAndTheQueriedStatus() {
    String text =
        new HumanReport(Clock.fixed(SampleResults.NOW, ZoneOffset.UTC))
            .render(withOcsp(goodStapleRevokedByQuery()));

    assertThat(text)
        .contains(
            "  sha256          abababababababababababababababababababababababababababababababab\n"
                + "ocsp stapled      good, this update 2026-02-28T18:00:00Z, next update"
                + " 2026-03-04T00:00:00Z (3 days left)\n"
                + "ocsp query        REVOKED: revoked at 2026-02-20T08:00:00Z (keyCompromise),"
                + " this update 2026-02-28T18:00:00Z, next update 2026-03-04T00:00:00Z (3 days"
                + " left) from http://ocsp.example.net/\n");
  }

  @Test
  void humanReportSaysWhenNothingWasStapled() {
    String text =
        new HumanReport(Clock.fixed(SampleResults.NOW, ZoneOffset.UTC))
            .render(withOcsp(new OcspReport(null, null)));

    assertThat(text).contains("ocsp stapled      no\n").doesNotContain("ocsp query");
  }
}
