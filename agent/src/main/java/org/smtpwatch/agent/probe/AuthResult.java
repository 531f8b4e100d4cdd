package org.smtpwatch.agent.probe;

import java.time.Duration;

/**
 * The outcome of authenticated submission on an endpoint with credentials.
 *
 * @param mechanism the SASL mechanism used, or {@code null} when none could be chosen
 * @param duration the login session from connect to the server's answer to AUTH; zero when the
 *     login was not attempted
 * @param failure why it failed ({@code auth_failed}, {@code auth_unavailable}, {@code timeout},
 *     ...); {@code null} on success
 * @param plaintext the credentials crossed the network without TLS (only ever with {@code
 *     allow_plaintext_auth: true})
 * @param send the test message's outcome, or {@code null} when the endpoint has no {@code send:}
 */
public record AuthResult(
    boolean success,
    String mechanism,
    Duration duration,
    Failure failure,
    boolean plaintext,
    SendResult send) {

  /** A login over TLS without a test message. */
  public AuthResult(boolean success, String mechanism, Duration duration, Failure failure) {
    this(success, mechanism, duration, failure, false, null);
  }
}
