package org.smtpwatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.exporter.metrics.ProbeSamples.NOW;
import static org.smtpwatch.exporter.metrics.ProbeSamples.endpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smtpwatch.agent.probe.AuthResult;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.agent.probe.PhaseTiming;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.SendResult;
import org.smtpwatch.agent.smtp.EhloCapabilities;
import org.smtpwatch.agent.testkit.ProbeResultBuilder;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.TlsPolicy;

/** The exact smtp_ lines a scrape shows for one endpoint in each kind of state. */
class EndpointSeriesTest {

  private static final String L =
      "group=\"prod\",host=\"mail.example.com\",mode=\"starttls\",port=\"587\"";

  private final StoreFixture fixture = new StoreFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aSentTestMessageAndAPlaintextLoginHaveTheirSeries() {
    ProbeResult sample = ProbeSamples.starttlsSuccess(ProbeSamples.submission(), NOW);
    SendResult send = new SendResult(true, Duration.ofMillis(12), "<smtpwatch.1@probe>", null);
    fixture.record(
        ProbeResultBuilder.from(sample)
            .auth(new AuthResult(true, "LOGIN", Duration.ofMillis(5), null, true, send))
            .build());

    assertThat(fixture.smtpLines())
        .contains(
            "smtp_auth_plaintext{" + L + "} 1.0",
            "smtp_send_success{" + L + "} 1.0",
            "smtp_send_duration_seconds{" + L + "} 0.012");
  }

  @Test
  void aSuccessfulStarttlsProbeShowsEveryFamily() {
    fixture.record(ProbeSamples.starttlsSuccess(ProbeSamples.submission(), NOW));

    assertThat(fixture.smtpLines())
        .containsExactly(
            "smtp_auth_before_tls{" + L + "} 0.0",
            "smtp_auth_duration_seconds{" + L + "} 0.005",
            "smtp_auth_plaintext{" + L + "} 0.0",
            "smtp_auth_success{" + L + "} 1.0",
            "smtp_banner_info{banner=\"mail.example.com ESMTP Postfix\"," + L + "} 1",
            "smtp_cert_info{fingerprint_sha256=\""
                + "ab".repeat(32)
                + "\",group=\"prod\",host=\"mail.example.com\",issuer=\"CN=Example CA,O=Example\","
                + "key_algorithm=\"RSA\",key_bits=\"2048\",mode=\"starttls\",port=\"587\","
                + "san=\"mail.example.com,smtp.example.com\",serial=\"1a2b3c\","
                + "signature_algorithm=\"SHA256withRSA\",subject=\"CN=mail.example.com\"} 1",
            "smtp_cert_chain_earliest_not_after_timestamp_seconds{" + L + "} 1.7972928E9",
            "smtp_cert_hostname_match{" + L + "} 1.0",
            "smtp_cert_not_after_timestamp_seconds{" + L + "} 1.798632E9",
            "smtp_cert_not_before_timestamp_seconds{" + L + "} 1.7882208E9",
            "smtp_cert_trusted{" + L + "} 1.0",
            "smtp_ehlo_extension_info{extension=\"AUTH\"," + L + "} 1",
            "smtp_ehlo_extension_info{extension=\"PIPELINING\"," + L + "} 1",
            "smtp_ehlo_extension_info{extension=\"SIZE\"," + L + "} 1",
            "smtp_greeting_code{" + L + "} 220.0",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"0.05\"} 0",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"0.1\"} 0",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"0.25\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"0.5\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"1.0\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"2.5\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"5.0\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"10.0\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"15.0\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"30.0\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"+Inf\"} 1",
            "smtp_handshake_duration_seconds_count{" + L + "} 1",
            "smtp_handshake_duration_seconds_sum{" + L + "} 0.123",
            "smtp_probe_duration_seconds{" + L + "} 0.123",
            "smtp_probe_interval_seconds{" + L + "} 60.0",
            "smtp_probe_last_run_timestamp_seconds{" + L + "} 1.7958672E9",
            "smtp_probe_last_success_timestamp_seconds{" + L + "} 1.7958672E9",
            "smtp_probe_phase_duration_seconds{"
                + L.replace(",port", ",phase=\"auth\",port")
                + "} 0.005",
            "smtp_probe_phase_duration_seconds{"
                + L.replace(",port", ",phase=\"banner\",port")
                + "} 0.01",
            "smtp_probe_phase_duration_seconds{"
                + L.replace(",port", ",phase=\"connect\",port")
                + "} 0.002",
            "smtp_probe_phase_duration_seconds{"
                + L.replace(",port", ",phase=\"ehlo\",port")
                + "} 0.003",
            "smtp_probe_phase_duration_seconds{"
                + L.replace(",port", ",phase=\"ehlo_tls\",port")
                + "} 0.002",
            "smtp_probe_phase_duration_seconds{"
                + L.replace(",port", ",phase=\"quit\",port")
                + "} 0.001",
            "smtp_probe_phase_duration_seconds{"
                + L.replace(",port", ",phase=\"resolve\",port")
                + "} 0.001",
            "smtp_probe_phase_duration_seconds{"
                + L.replace(",port", ",phase=\"starttls\",port")
                + "} 0.001",
            "smtp_probe_phase_duration_seconds{"
                + L.replace(",port", ",phase=\"tls_handshake\",port")
                + "} 0.03",
            "smtp_probe_success{" + L + "} 1.0",
            "smtp_probe_tls_required{" + L + "} 1.0",
            "smtp_probes_total{" + L + "} 1.0",
            "smtp_size_limit_bytes{" + L + "} 1.024E7",
            "smtp_starttls_offered{" + L + "} 1.0",
            "smtp_tls_cipher_info{cipher=\"TLS_AES_256_GCM_SHA384\","
                + L.replace(",port", ",openssl_cipher=\"TLS_AES_256_GCM_SHA384\",port")
                + "} 1",
            "smtp_tls_version_info{" + L + ",version=\"TLSv1.3\"} 1");
  }

  @ParameterizedTest
  @EnumSource(FailureReason.class)
  void eachFailureKindIsNamedByPhaseAndReason(FailureReason reason) {
    Phase phase = reason == FailureReason.DNS ? Phase.RESOLVE : Phase.CONNECT;
    fixture.record(ProbeSamples.failure(ProbeSamples.submission(), NOW, phase, reason));

    assertThat(fixture.smtpLines())
        .containsExactly(
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"0.05\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"0.1\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"0.25\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"0.5\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"1.0\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"2.5\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"5.0\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"10.0\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"15.0\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"30.0\"} 1",
            "smtp_handshake_duration_seconds_bucket{" + L + ",le=\"+Inf\"} 1",
            "smtp_handshake_duration_seconds_count{" + L + "} 1",
            "smtp_handshake_duration_seconds_sum{" + L + "} 0.007",
            "smtp_probe_duration_seconds{" + L + "} 0.007",
            "smtp_probe_failure_info{"
                + L.replace(",port", ",phase=\"" + phase.label() + "\",port")
                + ",reason=\""
                + reason.label()
                + "\"} 1",
            "smtp_probe_failures_total{" + L + ",reason=\"" + reason.label() + "\"} 1.0",
            "smtp_probe_interval_seconds{" + L + "} 60.0",
            "smtp_probe_last_run_timestamp_seconds{" + L + "} 1.7958672E9",
            "smtp_probe_phase_duration_seconds{"
                + L.replace(",port", ",phase=\"connect\",port")
                + "} 0.002",
            "smtp_probe_phase_duration_seconds{"
                + L.replace(",port", ",phase=\"resolve\",port")
                + "} 0.001",
            "smtp_probe_success{" + L + "} 0.0",
            "smtp_probe_tls_required{" + L + "} 1.0",
            "smtp_probes_total{" + L + "} 1.0");
  }

  @Test
  void anExpiredCertificateIsStillDescribed() {
    fixture.record(ProbeSamples.expiredCertificate(ProbeSamples.submission(), NOW));

    assertThat(fixture.smtpLines())
        .contains(
            "smtp_probe_success{" + L + "} 0.0",
            "smtp_probe_failure_info{"
                + L.replace(",port", ",phase=\"tls_handshake\",port")
                + ",reason=\"cert_expired\"} 1",
            "smtp_cert_not_after_timestamp_seconds{" + L + "} 1.7934912E9",
            "smtp_cert_chain_earliest_not_after_timestamp_seconds{" + L + "} 1.7934912E9",
            "smtp_cert_trusted{" + L + "} 0.0",
            "smtp_cert_hostname_match{" + L + "} 1.0",
            "smtp_tls_version_info{" + L + ",version=\"TLSv1.2\"} 1")
        .anySatisfy(line -> assertThat(line).startsWith("smtp_cert_info{"))
        .noneSatisfy(line -> assertThat(line).startsWith("smtp_probe_last_success_timestamp"));
  }

  @Test
  void withoutTlsThereAreNoTlsOrCertificateSeries() {
    Endpoint relay = endpoint("relay.example.com", 25, Mode.STARTTLS, Map.of());
    fixture.record(ProbeSamples.noTls(relay, NOW));
    String labels = "host=\"relay.example.com\",mode=\"starttls\",port=\"25\"";

    assertThat(fixture.smtpLines())
        .contains(
            "smtp_probe_success{" + labels + "} 1.0",
            "smtp_starttls_offered{" + labels + "} 0.0",
            "smtp_auth_before_tls{" + labels + "} 1.0",
            "smtp_banner_info{banner=\"relay.example.com ESMTP\"," + labels + "} 1")
        .noneSatisfy(line -> assertThat(line).matches("smtp_(tls|cert)_.*|smtp_size_limit.*"))
        .noneSatisfy(line -> assertThat(line).startsWith("smtp_auth_success"));
  }

  @Test
  void plainModeIsALabelValue() {
    Endpoint plain = endpoint("127.0.0.1", 2525, Mode.PLAIN, Map.of());
    fixture.record(ProbeSamples.greeting(plain, NOW, 220, "localhost ESMTP"));

    assertThat(fixture.smtpLines())
        .contains(
            "smtp_probe_success{host=\"127.0.0.1\",mode=\"plain\",port=\"2525\"} 1.0",
            "smtp_greeting_code{host=\"127.0.0.1\",mode=\"plain\",port=\"2525\"} 220.0");
  }

  @Test
  void anEndpointNotProbedYetShowsOnlyItsSettingsAndProbeCount() {
    fixture.register(ProbeSamples.submission());

    assertThat(fixture.smtpLines())
        .containsExactly(
            "smtp_probe_interval_seconds{" + L + "} 60.0",
            "smtp_probe_tls_required{" + L + "} 1.0",
            "smtp_probes_total{" + L + "} 0.0");
  }

  @Test
  void relayLikeEndpointsDoNotRequireTls() {
    Endpoint optional =
        new Endpoint(
            "mx.example.net",
            25,
            Mode.STARTTLS,
            new TlsPolicy(false, false, null, null, null),
            null,
            Map.of(),
            Duration.ofSeconds(300),
            Duration.ofSeconds(15),
            "probe.example.org",
            IpPreference.ANY);
    fixture.register(optional).register(endpoint("127.0.0.1", 2526, Mode.PLAIN, Map.of()));

    assertThat(Exposition.samples(fixture.text(), "smtp_probe_tls_required"))
        .containsExactly(
            "smtp_probe_tls_required{host=\"127.0.0.1\",mode=\"plain\",port=\"2526\"} 0.0",
            "smtp_probe_tls_required{host=\"mx.example.net\",mode=\"starttls\",port=\"25\"} 0.0");
    assertThat(Exposition.samples(fixture.text(), "smtp_probe_interval_seconds"))
        .contains(
            "smtp_probe_interval_seconds{host=\"mx.example.net\",mode=\"starttls\",port=\"25\"}"
                + " 300.0");
  }

  @Test
  void endpointsWithDifferentLabelNamesShareAFamily() {
    fixture.record(ProbeSamples.starttlsSuccess(ProbeSamples.submission(), NOW));
    Endpoint other = endpoint("mx.example.net", 25, Mode.STARTTLS, Map.of("site", "fra1"));
    fixture.record(ProbeSamples.noTls(other, NOW));

    assertThat(Exposition.samples(fixture.text(), "smtp_probe_success"))
        .containsExactly(
            "smtp_probe_success{" + L + "} 1.0",
            "smtp_probe_success{host=\"mx.example.net\",mode=\"starttls\",port=\"25\",site=\"fra1\"}"
                + " 1.0");
  }

  @Test
  void aFamilysOwnLabelWinsOverAConfigLabelOfTheSameName() {
    Endpoint clash =
        endpoint("mail.example.com", 587, Mode.STARTTLS, Map.of("version", "v2", "team", "mail"));
    fixture.record(ProbeSamples.starttlsSuccess(clash, NOW));
    String labels = "host=\"mail.example.com\",mode=\"starttls\",port=\"587\",team=\"mail\"";

    assertThat(fixture.smtpLines())
        .contains(
            "smtp_tls_version_info{" + labels + ",version=\"TLSv1.3\"} 1",
            "smtp_probe_success{" + labels + ",version=\"v2\"} 1.0");
  }

  @Test
  void labelsTheClientReservesForHistogramsCannotBreakTheScrape() {
    Endpoint reserved =
        endpoint("mail.example.com", 587, Mode.STARTTLS, Map.of("le", "x", "quantile", "y"));
    fixture.record(ProbeSamples.starttlsSuccess(reserved, NOW));

    assertThat(fixture.smtpLines())
        .contains(
            "smtp_handshake_duration_seconds_count{host=\"mail.example.com\",mode=\"starttls\","
                + "port=\"587\"} 1");
  }

  @Test
  void aPhaseRecordedTwiceCannotBreakTheScrape() {
    ProbeResult twice = ProbeSamples.starttlsSuccess(ProbeSamples.submission(), NOW);
    List<PhaseTiming> phases = new ArrayList<>(twice.phases());
    phases.add(new PhaseTiming(Phase.CONNECT, Duration.ofSeconds(9)));
    fixture.record(
        new ProbeResult(
            twice.endpoint(),
            twice.address(),
            twice.startedAt(),
            twice.duration(),
            phases,
            null,
            220,
            "x",
            new EhloCapabilities(List.of("SIZE", "SIZE"), OptionalLong.empty(), List.of()),
            true,
            false,
            null,
            null,
            null,
            null));

    assertThat(fixture.smtpLines())
        .contains(
            "smtp_probe_phase_duration_seconds{"
                + L.replace(",port", ",phase=\"connect\",port")
                + "} 0.002",
            "smtp_ehlo_extension_info{extension=\"SIZE\"," + L + "} 1");
  }

  @Test
  void everyPerEndpointFamilyOfTheDesignIsExposed() {
    fixture.record(ProbeSamples.starttlsSuccess(ProbeSamples.submission(), NOW));
    fixture.record(
        ProbeSamples.failure(
            endpoint("down.example.com", 465, Mode.TLS, Map.of()),
            NOW,
            Phase.CONNECT,
            FailureReason.CONNECT_REFUSED));
    String text = fixture.text();

    Stream.of(
            "smtp_probe_success gauge",
            "smtp_probe_duration_seconds gauge",
            "smtp_probe_phase_duration_seconds gauge",
            "smtp_probe_failure_info gauge",
            "smtp_probes_total counter",
            "smtp_probe_failures_total counter",
            "smtp_probe_last_run_timestamp_seconds gauge",
            "smtp_probe_last_success_timestamp_seconds gauge",
            "smtp_handshake_duration_seconds histogram",
            "smtp_greeting_code gauge",
            "smtp_banner_info gauge",
            "smtp_ehlo_extension_info gauge",
            "smtp_size_limit_bytes gauge",
            "smtp_starttls_offered gauge",
            "smtp_auth_before_tls gauge",
            "smtp_tls_version_info gauge",
            "smtp_tls_cipher_info gauge",
            "smtp_cert_not_after_timestamp_seconds gauge",
            "smtp_cert_not_before_timestamp_seconds gauge",
            "smtp_cert_chain_earliest_not_after_timestamp_seconds gauge",
            "smtp_cert_trusted gauge",
            "smtp_cert_hostname_match gauge",
            "smtp_cert_info gauge",
            "smtp_auth_success gauge",
            "smtp_auth_duration_seconds gauge",
            "smtp_auth_plaintext gauge",
            "smtp_probe_interval_seconds gauge",
            "smtp_probe_tls_required gauge")
        .forEach(family -> assertThat(text).contains("\n# TYPE " + family + "\n"));
  }
}
