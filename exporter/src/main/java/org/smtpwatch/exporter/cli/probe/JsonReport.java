package org.smtpwatch.exporter.cli.probe;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.smtpwatch.agent.ocsp.OcspReport;
import org.smtpwatch.agent.ocsp.OcspResult;
import org.smtpwatch.agent.probe.AuthResult;
import org.smtpwatch.agent.probe.Failure;
import org.smtpwatch.agent.probe.PhaseTiming;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.SendResult;
import org.smtpwatch.agent.tls.CertificateDetails;

/**
 * {@code smtpwatch probe --json}: one JSON object per probe. The field names, their types and when
 * they are null are a contract scripts rely on (DESIGN section 5); add fields, never rename them.
 * Times are seconds as numbers, dates Unix seconds as integers.
 */
public final class JsonReport {

  private final ObjectMapper mapper;

  public JsonReport(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** One line of JSON, without a trailing newline. */
  public String render(ProbeResult result) {
    try {
      // Plain decimals (0.000994, not 9.94E-4): the output is read by awk and grep as often as by
      // JSON parsers.
      return mapper
          .writer()
          .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .writeValueAsString(toJson(result));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serialises", e);
    }
  }

  ObjectNode toJson(ProbeResult result) {
    ObjectNode json = mapper.createObjectNode();
    json.put("host", result.endpoint().host());
    json.put("port", result.endpoint().port());
    json.put("mode", result.endpoint().mode().configName());
    json.put("address", result.address());
    json.put("success", result.success());
    json.put("duration_seconds", seconds(result.duration()));
    json.set("failure", failure(result.failure()));
    ObjectNode phases = json.putObject("phases");
    for (PhaseTiming timing : result.phases()) {
      phases.put(timing.phase().label(), seconds(timing.duration()));
    }
    json.put("greeting_code", result.greetingCode());
    json.put("banner", result.banner());
    ArrayNode extensions = json.putArray("ehlo_extensions");
    if (result.ehlo() != null) {
      result.ehlo().keywords().forEach(extensions::add);
    }
    // Known only once EHLO was answered on a plaintext channel; null, not false, before that (a
    // server that refused the connection has not "failed to offer STARTTLS").
    boolean known = result.plaintextEhloCompleted();
    json.put("starttls_offered", known ? result.startTlsOffered() : null);
    json.put("auth_before_tls", known ? result.authBeforeTls() : null);
    json.set("tls", tls(result));
    json.set("certificate", certificate(result.certificate()));
    json.set("auth", auth(result.auth()));
    json.set("ocsp", ocsp(result.ocsp()));
    return json;
  }

  private ObjectNode ocsp(OcspReport ocsp) {
    if (ocsp == null) {
      return null;
    }
    ObjectNode json = mapper.createObjectNode();
    json.set("stapled", ocspResult(ocsp.stapled()));
    json.set("query", ocspResult(ocsp.query()));
    return json;
  }

  private ObjectNode ocspResult(OcspResult result) {
    if (result == null) {
      return null;
    }
    ObjectNode json = mapper.createObjectNode();
    json.put("status", result.status().label());
    json.put("this_update", unixSeconds(result.thisUpdate()));
    json.put("next_update", unixSeconds(result.nextUpdate()));
    json.put("revoked_at", unixSeconds(result.revokedAt()));
    json.put("revocation_reason", result.revocationReason());
    json.put("responder", result.responder());
    json.put("detail", result.detail());
    return json;
  }

  private ObjectNode failure(Failure failure) {
    if (failure == null) {
      return null;
    }
    ObjectNode json = mapper.createObjectNode();
    json.put("phase", failure.phase().label());
    json.put("reason", failure.reason().label());
    json.put("detail", failure.detail());
    return json;
  }

  private ObjectNode tls(ProbeResult result) {
    if (result.tls() == null) {
      return null;
    }
    ObjectNode json = mapper.createObjectNode();
    json.put("version", result.tls().version());
    json.put("cipher", result.tls().cipher());
    json.put("openssl_cipher", result.tls().openSslCipher());
    return json;
  }

  private ObjectNode certificate(CertificateDetails certificate) {
    if (certificate == null) {
      return null;
    }
    ObjectNode json = mapper.createObjectNode();
    json.put("subject", certificate.subject());
    json.put("issuer", certificate.issuer());
    json.put("serial", certificate.serial());
    json.put("not_before", unixSeconds(certificate.notBefore()));
    json.put("not_after", unixSeconds(certificate.notAfter()));
    json.put("chain_earliest_not_after", unixSeconds(certificate.chainEarliestNotAfter()));
    json.put("trusted", certificate.trusted());
    json.put("hostname_match", certificate.hostnameMatch());
    json.put("fingerprint_sha256", certificate.fingerprintSha256());
    ArrayNode san = json.putArray("san");
    certificate.san().forEach(san::add);
    json.put("key_algorithm", certificate.keyAlgorithm());
    json.put("key_bits", certificate.keyBits());
    json.put("signature_algorithm", certificate.signatureAlgorithm());
    return json;
  }

  private ObjectNode auth(AuthResult auth) {
    if (auth == null) {
      return null;
    }
    ObjectNode json = mapper.createObjectNode();
    json.put("success", auth.success());
    json.put("mechanism", auth.mechanism());
    json.put("duration_seconds", auth.duration() != null ? seconds(auth.duration()) : null);
    ObjectNode failure = null;
    if (auth.failure() != null) {
      failure = mapper.createObjectNode();
      failure.put("reason", auth.failure().reason().label());
      failure.put("detail", auth.failure().detail());
    }
    json.set("failure", failure);
    json.put("plaintext", auth.plaintext());
    json.set("send", send(auth.send()));
    return json;
  }

  private ObjectNode send(SendResult send) {
    if (send == null) {
      return null;
    }
    ObjectNode json = mapper.createObjectNode();
    json.put("success", send.success());
    json.put("duration_seconds", seconds(send.duration()));
    json.put("message_id", send.messageId());
    json.put("detail", send.detail());
    return json;
  }

  private static BigDecimal seconds(Duration duration) {
    BigDecimal seconds = BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros();
    return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
  }

  private static Long unixSeconds(Instant instant) {
    return instant != null ? instant.getEpochSecond() : null;
  }
}
