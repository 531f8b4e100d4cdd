package org.smtpwatch.agent.tls;

/**
 * What a completed handshake negotiated.
 *
 * @param version {@code TLSv1.3}, {@code TLSv1.2}, … as the JDK and OpenSSL both name them
 * @param cipher the suite's IANA name, as the JDK names it
 */
public record TlsSession(String version, String cipher) {

  /**
   * OpenSSL's name of the suite (what Postfix logs and {@code s_client} print), or the IANA one.
   */
  public String openSslCipher() {
    return OpenSslCipherNames.of(cipher).orElse(cipher);
  }
}
