package org.smtpwatch.agent.tls.issue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.util.IPAddress;

/**
 * What a certificate to issue should look like (for the demo's mail server and for tests). Validity
 * instants are truncated to whole seconds (X.509 cannot hold more), so {@code spec.notAfter()}
 * equals the issued certificate's notAfter exactly and tests can assert on it.
 *
 * @param commonName the subject CN
 * @param dnsNames DNS subject alternative names
 * @param ipAddresses IP subject alternative names (literals)
 * @param ocspUrl the OCSP responder named in the Authority Information Access extension, or {@code
 *     null} for none
 */
public record CertificateSpec(
    String commonName,
    List<String> dnsNames,
    List<String> ipAddresses,
    Instant notBefore,
    Instant notAfter,
    KeyType keyType,
    String ocspUrl) {

  /** A spec without an OCSP responder. */
  public CertificateSpec(
      String commonName,
      List<String> dnsNames,
      List<String> ipAddresses,
      Instant notBefore,
      Instant notAfter,
      KeyType keyType) {
    this(commonName, dnsNames, ipAddresses, notBefore, notAfter, keyType, null);
  }

  public CertificateSpec {
    Objects.requireNonNull(commonName, "commonName");
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
    notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS);
    notAfter = notAfter.truncatedTo(ChronoUnit.SECONDS);
    Objects.requireNonNull(keyType, "keyType");
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException(
          "notAfter "
              + notAfter
              + " must be after notBefore "
              + notBefore
              + " ("
              + commonName
              + ")");
    }
  }

  /**
   * A server certificate for {@code hosts} (IP literals become IP SANs, the rest DNS SANs; the CN
   * is the first host), EC P-256, valid from a day ago for 90 days.
   */
  public static CertificateSpec forHosts(String... hosts) {
    List<String> dns = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    for (String host : hosts) {
      (IPAddress.isValid(host) ? ips : dns).add(host);
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String commonName = hosts.length > 0 ? hosts[0] : "smtpwatch test server";
    return new CertificateSpec(
        commonName,
        dns,
        ips,
        now.minus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(90)),
        KeyType.EC_P256);
  }

  /**
   * A certificate authority named {@code commonName}, EC P-256, valid from 30 days ago for 10
   * years.
   */
  public static CertificateSpec forAuthority(String commonName) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return new CertificateSpec(
        commonName,
        List.of(),
        List.of(),
        now.minus(Duration.ofDays(30)),
        now.plus(Duration.ofDays(3650)),
        KeyType.EC_P256);
  }

  public CertificateSpec withValidity(Instant notBefore, Instant notAfter) {
    return new CertificateSpec(
        commonName, dnsNames, ipAddresses, notBefore, notAfter, keyType, ocspUrl);
  }

  public CertificateSpec withNotAfter(Instant notAfter) {
    return withValidity(notBefore, notAfter);
  }

  public CertificateSpec withNotBefore(Instant notBefore) {
    return withValidity(notBefore, notAfter);
  }

  public CertificateSpec withKeyType(KeyType keyType) {
    return new CertificateSpec(
        commonName, dnsNames, ipAddresses, notBefore, notAfter, keyType, ocspUrl);
  }

  public CertificateSpec withCommonName(String commonName) {
    return new CertificateSpec(
        commonName, dnsNames, ipAddresses, notBefore, notAfter, keyType, ocspUrl);
  }

  /** This spec with an Authority Information Access extension naming {@code url} for OCSP. */
  public CertificateSpec withOcspUrl(String url) {
    return new CertificateSpec(
        commonName, dnsNames, ipAddresses, notBefore, notAfter, keyType, url);
  }
}
