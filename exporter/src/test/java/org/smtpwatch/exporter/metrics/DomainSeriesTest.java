package org.smtpwatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.domain.DomainState;
import org.smtpwatch.agent.domain.MxHost;
import org.smtpwatch.agent.domain.MxOutcome;
import org.smtpwatch.agent.mtasts.FetchFailure;
import org.smtpwatch.agent.mtasts.MtaStsMode;
import org.smtpwatch.agent.mtasts.MtaStsOutcome;
import org.smtpwatch.agent.mtasts.MtaStsPolicy;
import org.smtpwatch.config.DomainSpec;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.MtaStsSettings;

/** The per-domain series: MX set and lookup, MTA-STS policy, and per-MX enforce readiness. */
class DomainSeriesTest {

  private static final DomainSpec DOMAIN =
      new DomainSpec(
          "mail.test",
          List.of(
              ProbeSamples.endpoint(
                  "mail.test", 25, Mode.STARTTLS, Map.of("domain", "mail.test", "team", "mail"))),
          MtaStsSettings.DEFAULT);
  private static final List<MxHost> HOSTS =
      List.of(
          new MxHost("mx1.mail.test", 10),
          new MxHost("mx2.mail.test", 20),
          new MxHost("mx3.other.test", 30));

  private final StoreFixture fixture = new StoreFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void anEnforcedPolicyShowsWhichMxWouldFailDelivery() {
    fixture.record(
        ProbeSamples.starttlsSuccess(
            DOMAIN.endpointsFor("mx1.mail.test").get(0), ProbeSamples.NOW));
    fixture.record(
        ProbeSamples.expiredCertificate(
            DOMAIN.endpointsFor("mx2.mail.test").get(0), ProbeSamples.NOW));
    MtaStsPolicy policy = new MtaStsPolicy(MtaStsMode.ENFORCE, List.of("*.mail.test"), 86400);
    fixture.domains =
        List.of(
            new DomainState(
                DOMAIN,
                ProbeSamples.NOW,
                new MxOutcome(HOSTS, false, null, "", Duration.ofSeconds(300)),
                HOSTS,
                new MtaStsOutcome(true, "20261128", policy, null)));

    List<String> lines = fixture.smtpLines();

    String labels = "domain=\"mail.test\",team=\"mail\"";
    assertThat(lines)
        .contains(
            "smtp_domain_mx_info{"
                + labels.replace(",team", ",mx=\"mx1.mail.test\",preference=\"10\",team")
                + "} 1",
            "smtp_domain_mx_lookup_success{" + labels + "} 1.0",
            "smtp_domain_mx_fallback{" + labels + "} 0.0",
            "smtp_domain_mx_hosts{" + labels + "} 3.0",
            "smtp_mta_sts_policy_present{" + labels + "} 1.0",
            "smtp_mta_sts_fetch_success{" + labels + "} 1.0",
            "smtp_mta_sts_mode_info{" + labels.replace(",team", ",mode=\"enforce\",team") + "} 1",
            "smtp_mta_sts_policy_info{" + labels.replace(",team", ",id=\"20261128\",team") + "} 1",
            "smtp_mta_sts_max_age_seconds{" + labels + "} 86400.0",
            mx("smtp_mta_sts_mx_pattern_match", "mx1.mail.test", 1),
            mx("smtp_mta_sts_mx_cert_valid", "mx1.mail.test", 1),
            mx("smtp_mta_sts_mx_enforce_ready", "mx1.mail.test", 1),
            mx("smtp_mta_sts_mx_pattern_match", "mx2.mail.test", 1),
            mx("smtp_mta_sts_mx_cert_valid", "mx2.mail.test", 0),
            mx("smtp_mta_sts_mx_enforce_ready", "mx2.mail.test", 0),
            mx("smtp_mta_sts_mx_pattern_match", "mx3.other.test", 0));
    assertThat(lines)
        .noneMatch(l -> l.startsWith("smtp_mta_sts_mx_cert_valid") && l.contains("mx3"))
        .noneMatch(l -> l.startsWith("smtp_domain_mx_lookup_failure_info"))
        .noneMatch(l -> l.startsWith("smtp_mta_sts_fetch_failure_info"));
    assertThat(lines)
        .contains(
            "smtp_probe_success{domain=\"mail.test\",host=\"mx1.mail.test\",mode=\"starttls\","
                + "port=\"25\",team=\"mail\"} 1.0");
  }

  @Test
  void failedLookupsAndFetchesNameTheirReason() {
    fixture.domains =
        List.of(
            new DomainState(
                DOMAIN,
                ProbeSamples.NOW,
                new MxOutcome(List.of(), false, "servfail", "SERVFAIL", Duration.ZERO),
                List.of(),
                new MtaStsOutcome(
                    true, "abc", null, new FetchFailure("redirect", "answered 301"))));

    List<String> lines = fixture.smtpLines();

    String labels = "domain=\"mail.test\",team=\"mail\"";
    assertThat(lines)
        .contains(
            "smtp_domain_mx_lookup_success{" + labels + "} 0.0",
            "smtp_domain_mx_lookup_failure_info{"
                + labels.replace(",team", ",reason=\"servfail\",team")
                + "} 1",
            "smtp_mta_sts_policy_present{" + labels + "} 0.0",
            "smtp_mta_sts_fetch_success{" + labels + "} 0.0",
            "smtp_mta_sts_fetch_failure_info{"
                + labels.replace(",team", ",reason=\"redirect\",team")
                + "} 1")
        .noneMatch(l -> l.startsWith("smtp_mta_sts_mode_info"))
        .noneMatch(l -> l.startsWith("smtp_domain_mx_info"));
  }

  private static String mx(String metric, String host, int value) {
    return metric + "{domain=\"mail.test\",mx=\"" + host + "\",team=\"mail\"} " + value + ".0";
  }
}
