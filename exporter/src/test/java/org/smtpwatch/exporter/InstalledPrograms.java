package org.smtpwatch.exporter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Programs from Debian packages the tests run (promtool, prometheus). A missing one fails the test
 * rather than skipping it, so CI cannot pass without the check it makes.
 */
public final class InstalledPrograms {

  private InstalledPrograms() {}

  /** The path of {@code program}, looked up on PATH and in /usr/bin and /usr/local/bin. */
  public static String find(String program, String debianPackage) {
    List<String> path = List.of(System.getenv().getOrDefault("PATH", "").split(":"));
    return Stream.concat(path.stream(), Stream.of("/usr/bin", "/usr/local/bin"))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst()
        .map(Path::toString)
        .orElseThrow(
            () ->
                new AssertionError(
                    program
                        + " not found; install the Debian package "
                        + debianPackage
                        + " (apt-get install "
                        + debianPackage
                        + "), as .ci/run does"));
  }
}
