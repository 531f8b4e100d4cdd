package org.smtpwatch.agent.tls;

import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * Distinguished names in RFC 2253 form, with the attribute names OpenSSL prints ({@code openssl
 * x509 -nameopt RFC2253}). On its own the JDK knows only the RFC's few keywords and writes every
 * other attribute as an OID with a hex value ({@code 1.2.840.113549.1.9.1=#1616...} for an {@code
 * emailAddress}), which no administrator recognises and no openssl output matches.
 */
final class DistinguishedNames {

  /** OpenSSL's short names, for attributes the JDK has no RFC 2253 keyword for (and street). */
  private static final Map<String, String> OPENSSL_NAMES =
      Map.ofEntries(
          Map.entry("2.5.4.4", "SN"),
          Map.entry("2.5.4.5", "serialNumber"),
          Map.entry("2.5.4.9", "street"),
          Map.entry("2.5.4.12", "title"),
          Map.entry("2.5.4.13", "description"),
          Map.entry("2.5.4.15", "businessCategory"),
          Map.entry("2.5.4.17", "postalCode"),
          Map.entry("2.5.4.18", "postOfficeBox"),
          Map.entry("2.5.4.41", "name"),
          Map.entry("2.5.4.42", "GN"),
          Map.entry("2.5.4.43", "initials"),
          Map.entry("2.5.4.44", "generationQualifier"),
          Map.entry("2.5.4.46", "dnQualifier"),
          Map.entry("2.5.4.65", "pseudonym"),
          Map.entry("2.5.4.97", "organizationIdentifier"),
          Map.entry("1.2.840.113549.1.9.1", "emailAddress"),
          Map.entry("1.3.6.1.4.1.311.60.2.1.1", "jurisdictionL"),
          Map.entry("1.3.6.1.4.1.311.60.2.1.2", "jurisdictionST"),
          Map.entry("1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC"));

  private DistinguishedNames() {}

  static String rfc2253(X500Principal name) {
    return name.getName(X500Principal.RFC2253, OPENSSL_NAMES);
  }
}
