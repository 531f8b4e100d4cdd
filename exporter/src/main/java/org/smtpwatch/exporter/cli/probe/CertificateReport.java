package org.smtpwatch.exporter.cli.probe;

import static org.smtpwatch.exporter.cli.probe.ReportFormat.FIELD;
import static org.smtpwatch.exporter.cli.probe.ReportFormat.printable;
import static org.smtpwatch.exporter.cli.probe.ReportFormat.yesNo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Formatter;
import org.smtpwatch.agent.tls.CertificateDetails;

/** The certificate part of the human-readable report; dates are judged against a clock. */
final class CertificateReport {

  private final Clock clock;

  CertificateReport(Clock clock) {
    this.clock = clock;
  }

  void render(CertificateDetails certificate, Formatter out) {
    Instant now = clock.instant();
    out.format("certificate%n");
    field(out, "subject", certificate.subject());
    field(out, "issuer", certificate.issuer());
    field(out, "serial", certificate.serial());
    field(out, "san", certificate.san().isEmpty() ? "none" : String.join(", ", certificate.san()));
    field(out, "not before", notBefore(certificate.notBefore(), now));
    field(out, "not after", expiry(certificate.notAfter(), now));
    if (certificate.chainEarliestNotAfter() != null
        && !certificate.chainEarliestNotAfter().equals(certificate.notAfter())) {
      field(out, "chain expires", expiry(certificate.chainEarliestNotAfter(), now));
    }
    field(out, "trusted", trusted(certificate));
    field(out, "hostname match", yesNo(certificate.hostnameMatch()));
    field(out, "key", certificate.keyAlgorithm() + " " + certificate.keyBits() + " bits");
    field(out, "signature", certificate.signatureAlgorithm());
    field(out, "sha256", certificate.fingerprintSha256());
  }

  /** Every value passes through {@link ReportFormat#printable}: names come from the server. */
  private static void field(Formatter out, String label, String value) {
    out.format(FIELD, "  " + label, printable(value));
  }

  private static String trusted(CertificateDetails certificate) {
    if (certificate.trusted() || certificate.validationError() == null) {
      return yesNo(certificate.trusted());
    }
    return "no (" + certificate.validationError() + ")";
  }

  private static String notBefore(Instant notBefore, Instant now) {
    String date = DateTimeFormatter.ISO_INSTANT.format(notBefore);
    return now.isBefore(notBefore) ? date + " (NOT VALID YET)" : date;
  }

  /** The date and, because that is what people act on, whole days until it (or since). */
  static String expiry(Instant notAfter, Instant now) {
    String date = DateTimeFormatter.ISO_INSTANT.format(notAfter);
    if (now.isBefore(notAfter)) {
      return date + " (" + days(Duration.between(now, notAfter)) + " left)";
    }
    return date + " (EXPIRED " + days(Duration.between(notAfter, now)) + " ago)";
  }

  private static String days(Duration duration) {
    long days = duration.toDays();
    return days == 1 ? "1 day" : days + " days";
  }
}
