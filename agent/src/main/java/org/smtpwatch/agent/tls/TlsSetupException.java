package org.smtpwatch.agent.tls;

/** The trust material of a TLS policy cannot be prepared (unreadable or empty {@code ca_file}). */
public final class TlsSetupException extends Exception {

  public TlsSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
