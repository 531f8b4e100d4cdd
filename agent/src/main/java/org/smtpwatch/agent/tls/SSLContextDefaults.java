package org.smtpwatch.agent.tls;

import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;

/** The JDK's default cipher suite lists, which the socket factory has to report. */
final class SSLContextDefaults {

  private SSLContextDefaults() {}

  static String[] defaultCipherSuites() {
    return context().getDefaultSSLParameters().getCipherSuites();
  }

  static String[] supportedCipherSuites() {
    return context().getSupportedSSLParameters().getCipherSuites();
  }

  private static SSLContext context() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no default TLS context", e);
    }
  }
}
