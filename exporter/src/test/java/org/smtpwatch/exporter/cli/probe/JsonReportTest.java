package org.smtpwatch.exporter.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.AuthResult;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.SendResult;
import org.smtpwatch.agent.testkit.ProbeResultBuilder;

class JsonReportTest {

  private static final List<String> TOP_LEVEL_FIELDS =
      List.of(
          "host",
          "port",
          "mode",
          "address",
          "success",
          "duration_seconds",
          "failure",
          "phases",
          "greeting_code",
          "banner",
          "ehlo_extensions",
          "starttls_offered",
          "auth_before_tls",
          "tls",
          "certificate",
          "auth",
          "ocsp");

  private final ObjectMapper mapper = new ObjectMapper();

  private JsonNode render(ProbeResult result) throws Exception {
    String json = new JsonReport(mapper).render(result);
    assertThat(json).doesNotContain("\n");
    return mapper.readTree(json);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void successCarriesEveryContractFieldInOrder() throws Exception {
    JsonNode json = render(SampleResults.starttlsSuccess());

    assertThat(fieldNames(json)).containsExactlyElementsOf(TOP_LEVEL_FIELDS);
    assertThat(json.get("host").asText()).isEqualTo("mail.example.com");
    assertThat(json.get("port").isInt()).isTrue();
    assertThat(json.get("port").asInt()).isEqualTo(587);
    assertThat(json.get("mode").asText()).isEqualTo("starttls");
    assertThat(json.get("address").asText()).isEqualTo("192.0.2.10");
    assertThat(json.get("success").asBoolean()).isTrue();
    assertThat(json.get("duration_seconds").asDouble()).isEqualTo(0.123456);
    assertThat(json.get("failure").isNull()).isTrue();
    assertThat(fieldNames(json.get("phases")))
        .containsExactly(
            "resolve",
            "connect",
            "banner",
            "ehlo",
            "starttls",
            "tls_handshake",
            "ehlo_tls",
            "quit");
    assertThat(json.get("phases").get("connect").asDouble()).isEqualTo(0.0025);
    assertThat(json.get("phases").get("tls_handshake").asDouble()).isEqualTo(0.03025);
    assertThat(json.get("greeting_code").asInt()).isEqualTo(220);
    assertThat(json.get("banner").asText()).isEqualTo("mail.example.com ESMTP Postfix");
    assertThat(json.get("ehlo_extensions"))
        .extracting(JsonNode::asText)
        .containsExactly("PIPELINING", "SIZE", "AUTH", "8BITMIME");
    assertThat(json.get("starttls_offered").asBoolean()).isTrue();
    assertThat(json.get("auth_before_tls").asBoolean()).isFalse();
    assertThat(fieldNames(json.get("tls"))).containsExactly("version", "cipher", "openssl_cipher");
    assertThat(json.get("tls").get("version").asText()).isEqualTo("TLSv1.3");
    assertThat(json.get("tls").get("cipher").asText()).isEqualTo("TLS_AES_256_GCM_SHA384");
    assertThat(json.get("tls").get("openssl_cipher").asText()).isEqualTo("TLS_AES_256_GCM_SHA384");
    assertThat(json.get("auth").isNull()).isTrue();
  }

  @Test
  void certificateDatesAreUnixSecondsAndEveryFieldIsThere() throws Exception {
    JsonNode certificate = render(SampleResults.starttlsSuccess()).get("certificate");

    assertThat(fieldNames(certificate))
        .containsExactly(
            "subject",
            "issuer",
            "serial",
            "not_before",
            "not_after",
            "chain_earliest_not_after",
            "trusted",
            "hostname_match",
            "fingerprint_sha256",
            "san",
            "key_algorithm",
            "key_bits",
            "signature_algorithm");
    assertThat(certificate.get("subject").asText()).isEqualTo("CN=mail.example.com");
    assertThat(certificate.get("issuer").asText()).isEqualTo("CN=Example CA,O=Example");
    assertThat(certificate.get("serial").asText()).isEqualTo("1a2b3c");
    assertThat(certificate.get("not_before").isIntegralNumber()).isTrue();
    assertThat(certificate.get("not_before").asLong())
        .isEqualTo(SampleResults.NOT_BEFORE.getEpochSecond())
        .isEqualTo(1767225600L);
    assertThat(certificate.get("not_after").asLong()).isEqualTo(1774958400L);
    assertThat(certificate.get("chain_earliest_not_after").asLong()).isEqualTo(1773187200L);
    assertThat(certificate.get("trusted").asBoolean()).isTrue();
    assertThat(certificate.get("hostname_match").asBoolean()).isTrue();
    assertThat(certificate.get("fingerprint_sha256").asText()).isEqualTo("ab".repeat(32));
    assertThat(certificate.get("san"))
        .extracting(JsonNode::asText)
        .containsExactly("mail.example.com", "smtp.example.com");
    assertThat(certificate.get("key_algorithm").asText()).isEqualTo("RSA");
    assertThat(certificate.get("key_bits").asInt()).isEqualTo(2048);
    assertThat(certificate.get("signature_algorithm").asText()).isEqualTo("SHA256withRSA");
  }

  @Test
  void failureHasPhaseReasonDetailAndOnlyTheCompletedPhases() throws Exception {
    JsonNode json = render(SampleResults.starttlsNotOffered());

    assertThat(fieldNames(json)).containsExactlyElementsOf(TOP_LEVEL_FIELDS);
    assertThat(json.get("success").asBoolean()).isFalse();
    assertThat(fieldNames(json.get("failure"))).containsExactly("phase", "reason", "detail");
    assertThat(json.get("failure").get("phase").asText()).isEqualTo("starttls");
    assertThat(json.get("failure").get("reason").asText()).isEqualTo("starttls_not_offered");
    assertThat(json.get("failure").get("detail").asText())
        .isEqualTo("EHLO did not offer STARTTLS and the endpoint requires TLS");
    assertThat(fieldNames(json.get("phases")))
        .containsExactly("resolve", "connect", "banner", "ehlo");
    assertThat(json.get("starttls_offered").asBoolean()).isFalse();
    assertThat(json.get("auth_before_tls").asBoolean()).isTrue();
    assertThat(json.get("tls").isNull()).isTrue();
    assertThat(json.get("certificate").isNull()).isTrue();
  }

  @Test
  void authResultHasItsOwnFailure() throws Exception {
    JsonNode auth = render(SampleResults.plainWithFailedAuth()).get("auth");

    assertThat(fieldNames(auth))
        .containsExactly(
            "success", "mechanism", "duration_seconds", "failure", "plaintext", "send");
    assertThat(auth.get("plaintext").asBoolean()).isFalse();
    assertThat(auth.get("send").isNull()).isTrue();
    assertThat(auth.get("success").asBoolean()).isFalse();
    assertThat(auth.get("mechanism").asText()).isEqualTo("PLAIN");
    assertThat(auth.get("duration_seconds").asDouble()).isEqualTo(0.003);
    assertThat(fieldNames(auth.get("failure"))).containsExactly("reason", "detail");
    assertThat(auth.get("failure").get("reason").asText()).isEqualTo("auth_failed");
    assertThat(auth.get("failure").get("detail").asText())
        .isEqualTo("535 5.7.8 authentication failed");
  }

  @Test
  void aSentMessageReportsItsIdAndTime() throws Exception {
    SendResult send = new SendResult(true, Duration.ofMillis(12), "<smtpwatch.1@probe>", null);
    ProbeResult result =
        ProbeResultBuilder.from(SampleResults.plainWithFailedAuth())
            .auth(new AuthResult(true, "PLAIN", Duration.ofMillis(3), null, true, send))
            .build();

    JsonNode json = render(result).get("auth").get("send");

    assertThat(fieldNames(json))
        .containsExactly("success", "duration_seconds", "message_id", "detail");
    assertThat(json.get("success").asBoolean()).isTrue();
    assertThat(json.get("duration_seconds").asDouble()).isEqualTo(0.012);
    assertThat(json.get("message_id").asText()).isEqualTo("<smtpwatch.1@probe>");
    assertThat(json.get("detail").isNull()).isTrue();
    assertThat(render(result).get("auth").get("plaintext").asBoolean()).isTrue();
  }

  @Test
  void noAddressWhenResolutionFailed() throws Exception {
    JsonNode json = render(SampleResults.dnsFailure());

    assertThat(fieldNames(json)).containsExactlyElementsOf(TOP_LEVEL_FIELDS);
    assertThat(json.get("address").isNull()).isTrue();
    assertThat(json.get("phases").isObject()).isTrue();
    assertThat(json.get("phases")).isEmpty();
    assertThat(json.get("failure").get("phase").asText()).isEqualTo("resolve");
    assertThat(json.get("failure").get("reason").asText()).isEqualTo("dns");
  }

  @Test
  void serverTextKeepsItsControlCharactersEscapedByJson() throws Exception {
    String raw = new JsonReport(mapper).render(SampleResults.hostileBanner());

    assertThat(raw).doesNotContain("\u001b", "\n");
    assertThat(mapper.readTree(raw).get("banner").asText())
        .isEqualTo("evil.example \u001b[31mRED\u001b[0m\nOK fake.example:25");
  }

  @Test
  void nothingReadMeansNullsAndAnEmptyExtensionList() throws Exception {
    JsonNode json = render(SampleResults.connectRefused());

    assertThat(fieldNames(json)).containsExactlyElementsOf(TOP_LEVEL_FIELDS);
    assertThat(json.get("host").asText()).isEqualTo("::1");
    assertThat(json.get("mode").asText()).isEqualTo("tls");
    assertThat(json.get("duration_seconds").asDouble()).isEqualTo(0.0009);
    assertThat(fieldNames(json.get("phases"))).containsExactly("resolve");
    assertThat(json.get("greeting_code").isNull()).isTrue();
    assertThat(json.get("banner").isNull()).isTrue();
    assertThat(json.get("ehlo_extensions").isArray()).isTrue();
    assertThat(json.get("ehlo_extensions")).isEmpty();
    assertThat(json.get("tls").isNull()).isTrue();
    assertThat(json.get("certificate").isNull()).isTrue();
    assertThat(json.get("auth").isNull()).isTrue();
  }

  @Test
  void starttlsAndAuthOffersAreNullUntilAPlaintextEhloWasAnswered() throws Exception {
    JsonNode refused = render(SampleResults.connectRefused());

    assertThat(refused.get("starttls_offered").isNull()).isTrue();
    assertThat(refused.get("auth_before_tls").isNull()).isTrue();
  }

  @Test
  void timesArePlainDecimalsNeverExponents() {
    String json = new JsonReport(mapper).render(SampleResults.starttlsSuccess());

    assertThat(json).doesNotContainPattern("[0-9][eE][-+]?[0-9]");
    assertThat(json).containsPattern("\"phases\":\\{\"resolve\":0\\.[0-9]+");
  }
}
