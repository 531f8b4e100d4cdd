package org.smtpwatch.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Credentials for authenticated submission. The password itself is never held in the config: it is
 * read from {@code passwordFile} or the environment variable {@code passwordEnv} when needed.
 *
 * @param mechanisms SASL mechanisms to try, in order of preference; empty for {@link
 *     #SUPPORTED_MECHANISMS}
 * @param allowPlaintextAuth send credentials on a channel without TLS (off unless explicitly set)
 * @param send the test message to send after logging in, or {@code null} to only log in
 */
public record AuthSpec(
    String username,
    Path passwordFile,
    String passwordEnv,
    List<String> mechanisms,
    boolean allowPlaintextAuth,
    SendSpec send) {

  /** The SASL mechanisms smtpwatch speaks (through Angus Mail), in its order of preference. */
  public static final List<String> SUPPORTED_MECHANISMS = List.of("PLAIN", "LOGIN");

  public AuthSpec {
    mechanisms = List.copyOf(mechanisms);
  }

  /** Credentials that only log in. */
  public AuthSpec(
      String username,
      Path passwordFile,
      String passwordEnv,
      List<String> mechanisms,
      boolean allowPlaintextAuth) {
    this(username, passwordFile, passwordEnv, mechanisms, allowPlaintextAuth, null);
  }

  public AuthSpec withSend(SendSpec send) {
    return new AuthSpec(username, passwordFile, passwordEnv, mechanisms, allowPlaintextAuth, send);
  }

  /** The mechanisms to try, in order: the configured ones, or every supported one. */
  public List<String> effectiveMechanisms() {
    return mechanisms.isEmpty() ? SUPPORTED_MECHANISMS : mechanisms;
  }
}
