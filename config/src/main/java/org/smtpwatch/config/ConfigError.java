package org.smtpwatch.config;

/**
 * One mistake in a config file, located so a person can go straight to it.
 *
 * @param file the file as given on the command line
 * @param line 1-based line, or 0 when the mistake is not at one place (an empty file)
 * @param column 1-based column, or 0 with line 0
 * @param path where in the document: {@code targets[1].ports[0].interval}; empty for the root
 * @param message what is wrong and, where it helps, how to fix it
 */
public record ConfigError(String file, int line, int column, String path, String message) {

  /** {@code file:line:column: path: message}, the form editors and compilers use. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line).append(':').append(column);
    }
    text.append(": ");
    if (!path.isEmpty()) {
      text.append(path).append(": ");
    }
    return text.append(message).toString();
  }
}
