package org.smtpwatch.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Credentials for authenticated submission. The password itself is never held in the config: it is
 * read from {@code passwordFile} or the environment variable {@code passwordEnv} when needed.
 *
 * @param mechanisms SASL mechanisms to offer, in order of preference; empty for the library's
 *     choice
 * @param allowPlaintextAuth send credentials on a channel without TLS (off unless explicitly set)
 */
public record AuthSpec(
    String username,
    Path passwordFile,
    String passwordEnv,
    List<String> mechanisms,
    boolean allowPlaintextAuth) {

  public AuthSpec {
    mechanisms = List.copyOf(mechanisms);
  }
}
