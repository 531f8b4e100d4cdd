package org.smtpwatch.exporter.cli.probe;

/**
 * A mistake on the command line, with a one-line message that says what and where. Thrown only
 * inside argument parsing; {@link ProbeArguments#parse} turns it into a value.
 */
final class UsageException extends Exception {

  UsageException(String message) {
    super(message);
  }
}
