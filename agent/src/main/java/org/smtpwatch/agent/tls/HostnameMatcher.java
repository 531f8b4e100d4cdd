package org.smtpwatch.agent.tls;

import java.net.IDN;
import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Decides whether a certificate is valid for a name, following RFC 6125: DNS names are compared
 * case-insensitively in their ASCII (A-label) form, a wildcard is honoured only as the whole
 * left-most label and covers exactly one label, IP literals match only IP address SANs, and the
 * subject CN is consulted only when the certificate has no DNS or IP SAN at all.
 */
public final class HostnameMatcher {

  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  /** Whether {@code certificate} names {@code expected} (a host name or an IP literal). */
  public boolean matches(X509Certificate certificate, String expected) {
    List<List<?>> sans = subjectAltNames(certificate);
    Optional<InetAddress> ip = IpLiteral.parse(expected);
    if (ip.isPresent()) {
      return sans.stream()
          .filter(san -> (Integer) san.get(0) == SAN_IP)
          .map(san -> IpLiteral.parse((String) san.get(1)))
          .anyMatch(address -> address.equals(ip));
    }
    List<String> dnsNames = new ArrayList<>();
    for (List<?> san : sans) {
      if ((Integer) san.get(0) == SAN_DNS) {
        dnsNames.add((String) san.get(1));
      }
    }
    if (sans.isEmpty()) {
      // Legacy certificates without SANs: RFC 6125 6.4.4 allows the CN as a last resort only.
      commonName(certificate).ifPresent(dnsNames::add);
    }
    return dnsNames.stream().anyMatch(pattern -> matchesDnsName(pattern, expected));
  }

  /**
   * Whether one DNS name from a certificate (possibly {@code *.example.com}) covers {@code host}.
   */
  public boolean matchesDnsName(String pattern, String host) {
    Optional<String> name = asciiLowerCase(host);
    Optional<String> reference = asciiLowerCase(pattern);
    if (name.isEmpty() || reference.isEmpty() || IpLiteral.is(name.get())) {
      return false;
    }
    String candidate = reference.get();
    if (!candidate.startsWith("*.")) {
      // A '*' anywhere else (f*.example.com, www.*.com) is not honoured at all.
      return !candidate.contains("*") && candidate.equals(name.get());
    }
    String suffix = candidate.substring(1); // ".example.com"
    if (suffix.contains("*") || suffix.indexOf('.', 1) < 0) {
      return false; // "*.com" would cover a whole public suffix
    }
    String host0 = name.get();
    if (!host0.endsWith(suffix)) {
      return false;
    }
    String coveredLabel = host0.substring(0, host0.length() - suffix.length());
    return !coveredLabel.isEmpty() && coveredLabel.indexOf('.') < 0;
  }

  /** Lower-case A-label form without a trailing dot; empty if the name is not a valid IDN. */
  private static Optional<String> asciiLowerCase(String name) {
    String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    try {
      String ascii =
          trimmed.startsWith("*.") ? "*." + toAscii(trimmed.substring(2)) : toAscii(trimmed);
      return Optional.of(ascii.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String toAscii(String name) {
    return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
  }

  private static List<List<?>> subjectAltNames(X509Certificate certificate) {
    try {
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      List<List<?>> relevant = new ArrayList<>();
      if (names != null) {
        for (List<?> san : names) {
          Object type = san.get(0);
          if (type.equals(SAN_DNS) || type.equals(SAN_IP)) {
            relevant.add(san);
          }
        }
      }
      return relevant;
    } catch (CertificateParsingException e) {
      return List.of();
    }
  }

  private static Optional<String> commonName(X509Certificate certificate) {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    RDN[] rdns = subject.getRDNs(BCStyle.CN);
    if (rdns.length == 0) {
      return Optional.empty();
    }
    // The most specific CN is the last one in the DER sequence.
    return Optional.of(IETFUtils.valueToString(rdns[rdns.length - 1].getFirst().getValue()));
  }
}
