package org.smtpwatch.agent.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;
import org.smtpwatch.agent.probe.Failure;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;

/**
 * Runs the three checks a presented chain must pass: PKIX trust (the JDK's validation decides, as
 * OpenSSL's does for {@code s_client}), then the name. When trust fails and a presented certificate
 * is outside its validity, the failure says so: an expired certificate is the most common outage
 * and the most specific message. A presented certificate that is out of date but not needed for the
 * path (an old cross-signed root) does not make the chain untrusted.
 */
final class ChainValidator {

  private final X509TrustManager pkix;
  private final HostnameMatcher hostnames;
  private final Clock clock;
  private final TrustedChains trustedChains;

  ChainValidator(X509TrustManager pkix, HostnameMatcher hostnames, Clock clock) {
    this(pkix, hostnames, clock, TrustedChains.forThisJvm());
  }

  /**
   * @param trustedChains chains {@code pkix} trusted before; only this validator's own findings
   */
  ChainValidator(
      X509TrustManager pkix, HostnameMatcher hostnames, Clock clock, TrustedChains trustedChains) {
    this.pkix = pkix;
    this.hostnames = hostnames;
    this.clock = clock;
    this.trustedChains = trustedChains;
  }

  X509Certificate[] acceptedIssuers() {
    return pkix.getAcceptedIssuers();
  }

  CertificateVerdict validate(X509Certificate[] chain, String authType, String expectedName) {
    List<X509Certificate> presented = List.of(chain);
    Instant now = clock.instant();
    Optional<String> untrusted = pkixProblem(chain, authType, now);
    boolean trusted = untrusted.isEmpty();
    Optional<String> outsideValidity = trusted ? Optional.empty() : validityProblem(presented, now);
    boolean nameMatches = hostnames.matches(chain[0], expectedName);

    String validationError = outsideValidity.or(() -> untrusted).orElse(null);
    Failure problem = null;
    if (outsideValidity.isPresent()) {
      problem = failure(FailureReason.CERT_EXPIRED, outsideValidity.get());
    } else if (untrusted.isPresent()) {
      problem = failure(FailureReason.CERT_UNTRUSTED, untrusted.get());
    } else if (!nameMatches) {
      problem = failure(FailureReason.CERT_HOSTNAME_MISMATCH, mismatch(chain[0], expectedName));
    }
    return new CertificateVerdict(presented, trusted, nameMatches, validationError, problem);
  }

  /** The first certificate of the chain that is not valid at {@code now}, described. */
  private static Optional<String> validityProblem(List<X509Certificate> chain, Instant now) {
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate certificate = chain.get(i);
      Instant notAfter = certificate.getNotAfter().toInstant();
      Instant notBefore = certificate.getNotBefore().toInstant();
      if (now.isAfter(notAfter)) {
        return Optional.of(which(certificate, i) + " expired on " + notAfter);
      }
      if (now.isBefore(notBefore)) {
        return Optional.of(which(certificate, i) + " is not valid before " + notBefore);
      }
    }
    return Optional.empty();
  }

  private Optional<String> pkixProblem(X509Certificate[] chain, String authType, Instant now) {
    if (trustedChains.isTrusted(chain, authType, now)) {
      return Optional.empty();
    }
    try {
      pkix.checkServerTrusted(chain, authType);
      trustedChains.rememberTrusted(chain, authType, now);
      return Optional.empty();
    } catch (CertificateException | RuntimeException e) {
      return Optional.of(untrustedDetail(chain, e));
    }
  }

  private static String untrustedDetail(X509Certificate[] chain, Exception e) {
    X509Certificate last = chain[chain.length - 1];
    X500Principal issuer = last.getIssuerX500Principal();
    String kind =
        issuer.equals(last.getSubjectX500Principal())
            ? "self-signed certificate " + name(last) + " is not trusted"
            : "unknown issuer " + DistinguishedNames.rfc2253(issuer);
    return kind + " (" + rootMessage(e) + ")";
  }

  private static String mismatch(X509Certificate leaf, String expectedName) {
    List<String> names = new ArrayList<>(CertificateInspector.subjectAltNames(leaf));
    String listed = names.isEmpty() ? "no SAN, subject " + name(leaf) : "SAN " + names;
    return "certificate is not valid for " + expectedName + " (" + listed + ")";
  }

  private static String which(X509Certificate certificate, int position) {
    return (position == 0 ? "certificate " : "chain certificate " + (position + 1) + " ")
        + name(certificate);
  }

  private static String name(X509Certificate certificate) {
    return DistinguishedNames.rfc2253(certificate.getSubjectX500Principal());
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }

  private static Failure failure(FailureReason reason, String detail) {
    return new Failure(Phase.TLS_HANDSHAKE, reason, detail);
  }
}
