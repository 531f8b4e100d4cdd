package org.smtpwatch.config;

import java.nio.file.Path;

/**
 * Reads a YAML config file into a validated {@link Config}.
 *
 * <p>SKELETON: the API the agent and CLI build against; the implementation lands with the config
 * work.
 */
public final class ConfigLoader {

  public ConfigLoadResult load(Path file) {
    throw new UnsupportedOperationException("config loading not built yet");
  }
}
