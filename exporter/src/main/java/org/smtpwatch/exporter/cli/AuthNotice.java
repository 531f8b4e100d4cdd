package org.smtpwatch.exporter.cli;

import java.util.List;
import java.util.Optional;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.Endpoint;

/**
 * The config accepts {@code auth:} (its shape is settled and validated), but this version does not
 * log in yet. Saying so where the config is read keeps a configured login from passing for a
 * checked one.
 */
final class AuthNotice {

  private AuthNotice() {}

  static Optional<String> forConfig(Config config) {
    List<String> targets =
        config.endpoints().stream()
            .filter(endpoint -> endpoint.auth() != null)
            .map(Endpoint::target)
            .toList();
    if (targets.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "note: auth is configured on "
            + String.join(", ", targets)
            + ", but this version does not log in yet: those endpoints are probed without"
            + " authenticating");
  }
}
