package org.smtpwatch.config;

import java.util.List;

/**
 * A config file either loads completely or yields every error found in it, never only the first.
 */
public sealed interface ConfigLoadResult {

  record Loaded(Config config) implements ConfigLoadResult {}

  record Invalid(List<ConfigError> errors) implements ConfigLoadResult {
    public Invalid {
      errors = List.copyOf(errors);
    }
  }
}
