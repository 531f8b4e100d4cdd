package org.smtpwatch.agent.testkit.postfix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a program of a Debian package the tests drive (postfix, openssl, swaks) to its end under a
 * deadline, and says clearly which package is missing when it is not installed: those tests fail,
 * they never skip.
 */
public final class ExternalCommand {

  /** What a finished command printed; stdout and stderr are kept apart. */
  public record Outcome(List<String> command, int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
      return exitCode == 0;
    }

    /** Fails with everything the command printed unless it exited with 0. */
    public Outcome requireSuccess() {
      if (!succeeded()) {
        throw new AssertionError(describe());
      }
      return this;
    }

    public String describe() {
      return String.join(" ", command)
          + " exited with "
          + exitCode
          + "\nstdout:\n"
          + stdout
          + "\nstderr:\n"
          + stderr;
    }
  }

  private ExternalCommand() {}

  /**
   * The absolute path of {@code program}, searched in {@code PATH} and the sbin directories (root's
   * tools live there); fails naming the Debian {@code debianPackage} to install.
   */
  public static String locate(String program, String debianPackage) {
    List<String> path = List.of(System.getenv().getOrDefault("PATH", "").split(":"));
    return Stream.concat(path.stream(), Stream.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst()
        .map(Path::toString)
        .orElseThrow(
            () ->
                new AssertionError(
                    program
                        + " not found: these tests drive the real Debian package "
                        + debianPackage
                        + "; install it (apt-get install "
                        + debianPackage
                        + "), as .ci/run does"));
  }

  /** Runs {@code command} with {@code stdin} as its input; kills it at the deadline and fails. */
  public static Outcome run(List<String> command, String stdin, Duration deadline) {
    Path out = null;
    Path err = null;
    try {
      // Files, not pipes: a daemon the command starts (postfix start) may keep them open.
      out = Files.createTempFile("smtpwatch-command-", ".out");
      err = Files.createTempFile("smtpwatch-command-", ".err");
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      try (var in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      } catch (IOException closedEarly) {
        // The program stopped reading its input; what it printed says why.
      }
      awaitExit(process, command, deadline);
      return new Outcome(
          List.copyOf(command), process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new AssertionError("cannot run " + String.join(" ", command), e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static void awaitExit(Process process, List<String> command, Duration deadline) {
    try {
      if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError(
            String.join(" ", command) + " did not finish within " + deadline.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + String.join(" ", command), e);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a leftover file in the temp directory harms nobody
      }
    }
  }

  /** Runs {@code command} with no input and requires it to exit with 0. */
  public static Outcome runOrFail(Duration deadline, String... command) {
    return run(new ArrayList<>(List.of(command)), "", deadline).requireSuccess();
  }
}
