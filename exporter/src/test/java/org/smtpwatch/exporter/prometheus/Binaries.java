package org.smtpwatch.exporter.prometheus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the Debian package {@code prometheus}'s programs ({@code prometheus}, {@code promtool}).
 * Missing ones fail the test with what to install: CI installs the package, tests never skip.
 */
public final class Binaries {

  private Binaries() {}

  /** The absolute path of {@code name} on the PATH, or in /usr/bin or /usr/local/bin. */
  public static String find(String name) {
    List<String> path = List.of(System.getenv().getOrDefault("PATH", "").split(":"));
    return Stream.concat(path.stream(), Stream.of("/usr/bin", "/usr/local/bin"))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst()
        .map(Path::toString)
        .orElseThrow(
            () ->
                new AssertionError(
                    name
                        + " not found; install the Debian package prometheus"
                        + " (apt-get install prometheus), as .ci/run does"));
  }
}
