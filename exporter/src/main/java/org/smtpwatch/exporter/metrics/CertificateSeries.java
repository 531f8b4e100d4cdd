package org.smtpwatch.exporter.metrics;

import static org.smtpwatch.exporter.metrics.SmtpFamilies.CERT_CHAIN_NOT_AFTER;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.CERT_HOSTNAME_MATCH;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.CERT_INFO;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.CERT_NOT_AFTER;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.CERT_NOT_BEFORE;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.CERT_TRUSTED;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.TLS_CIPHER;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.TLS_VERSION;

import java.time.Instant;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.tls.CertificateDetails;
import org.smtpwatch.agent.tls.TlsSession;

/**
 * TLS session and leaf certificate series. The certificate is exported whenever the probe saw one,
 * also when the probe failed because of it: an expired certificate must still show its dates.
 */
final class CertificateSeries {

  void write(ProbeResult result, EndpointLabels labels, FamilySnapshots out) {
    TlsSession tls = result.tls();
    if (tls != null) {
      out.info(TLS_VERSION, labels.with("version", tls.version()));
      out.info(
          TLS_CIPHER, labels.with("cipher", tls.cipher(), "openssl_cipher", tls.openSslCipher()));
    }
    CertificateDetails cert = result.certificate();
    if (cert == null) {
      return;
    }
    timestamp(CERT_NOT_AFTER, cert.notAfter(), labels, out);
    timestamp(CERT_NOT_BEFORE, cert.notBefore(), labels, out);
    timestamp(CERT_CHAIN_NOT_AFTER, cert.chainEarliestNotAfter(), labels, out);
    out.gauge(CERT_TRUSTED, labels.plain(), cert.trusted() ? 1 : 0);
    out.gauge(CERT_HOSTNAME_MATCH, labels.plain(), cert.hostnameMatch() ? 1 : 0);
    out.info(
        CERT_INFO,
        labels.with(
            "subject", CertificateLabelText.bounded(cert.subject()),
            "issuer", CertificateLabelText.bounded(cert.issuer()),
            "serial", CertificateLabelText.bounded(cert.serial()),
            "fingerprint_sha256", cert.fingerprintSha256(),
            "san", CertificateLabelText.names(cert.san()),
            "key_algorithm", cert.keyAlgorithm(),
            "key_bits", Integer.toString(cert.keyBits()),
            "signature_algorithm", cert.signatureAlgorithm()));
  }

  private static void timestamp(
      MetricFamily family, Instant at, EndpointLabels labels, FamilySnapshots out) {
    if (at != null) {
      out.gauge(family, labels.plain(), UnixSeconds.of(at));
    }
  }
}
