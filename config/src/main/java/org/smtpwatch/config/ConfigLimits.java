package org.smtpwatch.config;

/**
 * How much of a config file smtpwatch looks at. A config is a few kilobytes and six levels deep;
 * these bounds are far above that and far below what would hurt the process that reads it (a
 * /dev/zero given as config, a generated file of gigabytes, a document nested ten thousand deep).
 */
final class ConfigLimits {

  /** Bytes in a config file. */
  static final int MAX_FILE_BYTES = 1 << 20;

  /** Nesting of lists and mappings; a config needs six (targets, ports, tls, and their items). */
  static final int MAX_DEPTH = 32;

  /**
   * Mistakes reported for one file: more would bury the first ones, which usually cause the rest.
   */
  static final int MAX_ERRORS = 50;

  /** Characters of a value quoted in a message: enough to recognise it, not a copy of the file. */
  static final int MAX_QUOTED = 80;

  private ConfigLimits() {}
}
