package org.smtpwatch.exporter.cli.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.smtpwatch.config.PasswordFiles;

/** {@code --password-file}: held to the same rule as a config's {@code password_file}. */
final class PrivateFile {

  private PrivateFile() {}

  static Path check(String flag, String value) throws UsageException {
    Path path = Path.of(value);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new UsageException(flag + " " + value + ": not a readable file");
    }
    Optional<String> problem = PasswordFiles.problem(path);
    if (problem.isPresent()) {
      throw new UsageException(flag + " " + problem.get());
    }
    return path;
  }
}
