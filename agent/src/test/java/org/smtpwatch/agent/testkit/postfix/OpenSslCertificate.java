package org.smtpwatch.agent.testkit.postfix;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A certificate as {@code openssl x509} describes it: ground truth for what the prober reports.
 *
 * @param subject RFC 2253 ({@code -nameopt RFC2253}), as smtpwatch writes it
 * @param issuer RFC 2253
 * @param serial the serial number
 * @param fingerprintSha256 lower-case hexadecimal, no separators
 */
public record OpenSslCertificate(
    String subject,
    String issuer,
    Instant notBefore,
    Instant notAfter,
    BigInteger serial,
    String fingerprintSha256) {

  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private static final DateTimeFormatter ISO_8601 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssX", Locale.ROOT);

  /** Runs {@code openssl x509} on one PEM certificate. */
  public static OpenSslCertificate describe(String pem) {
    String openssl = ExternalCommand.locate("openssl", "openssl");
    ExternalCommand.Outcome outcome =
        ExternalCommand.run(
            List.of(
                openssl,
                "x509",
                "-noout",
                "-subject",
                "-issuer",
                "-startdate",
                "-enddate",
                "-serial",
                "-fingerprint",
                "-sha256",
                "-nameopt",
                "RFC2253",
                "-dateopt",
                "iso_8601"),
            pem,
            DEADLINE);
    outcome.requireSuccess();
    Map<String, String> fields = new HashMap<>();
    for (String line : outcome.stdout().lines().toList()) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        fields.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
      }
    }
    return new OpenSslCertificate(
        field(fields, "subject", outcome),
        field(fields, "issuer", outcome),
        instant(field(fields, "notBefore", outcome)),
        instant(field(fields, "notAfter", outcome)),
        new BigInteger(field(fields, "serial", outcome), 16),
        field(fields, "sha256 Fingerprint", outcome).replace(":", "").toLowerCase(Locale.ROOT));
  }

  private static String field(
      Map<String, String> fields, String name, ExternalCommand.Outcome outcome) {
    String value = fields.get(name);
    if (value == null) {
      throw new AssertionError("no " + name + " in the output of " + outcome.describe());
    }
    return value;
  }

  private static Instant instant(String iso) {
    return OffsetDateTime.parse(iso, ISO_8601).toInstant();
  }
}
