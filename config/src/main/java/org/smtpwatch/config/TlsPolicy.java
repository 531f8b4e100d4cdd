package org.smtpwatch.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What an endpoint expects of TLS.
 *
 * @param required the probe fails when TLS cannot be established (STARTTLS not offered, rejected)
 * @param verify the probe fails when the certificate is untrusted, expired or for another host;
 *     certificate facts are reported either way
 * @param caFile PEM bundle to trust instead of the JDK's store; {@code null} for the JDK's store
 * @param serverName name sent as SNI and matched against the certificate; {@code null} for the host
 * @param minVersion lowest acceptable protocol, as the JDK names it ({@code TLSv1.2}); {@code null}
 *     for the JDK's default set
 * @param ocspQuery after the session, ask the OCSP responder named in the certificate about it (off
 *     by default: it makes the agent contact a third party on every probe)
 */
public record TlsPolicy(
    boolean required,
    boolean verify,
    Path caFile,
    String serverName,
    String minVersion,
    boolean ocspQuery) {

  /** A policy without the direct OCSP query. */
  public TlsPolicy(
      boolean required, boolean verify, Path caFile, String serverName, String minVersion) {
    this(required, verify, caFile, serverName, minVersion, false);
  }

  public Optional<Path> caFileIfSet() {
    return Optional.ofNullable(caFile);
  }

  /** The name the certificate must carry for an endpoint on {@code host}. */
  public String expectedName(String host) {
    return serverName != null ? serverName : host;
  }
}
