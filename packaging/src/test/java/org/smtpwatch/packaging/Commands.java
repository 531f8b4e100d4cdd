package org.smtpwatch.packaging;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Debian tools the tests drive. Output goes to a file, not a pipe, so a command that hangs
 * is stopped at its deadline instead of blocking a read forever.
 */
final class Commands {

  /** What a command printed (stdout and stderr interleaved) and how it exited. */
  record Result(int exitCode, String output) {
    String describe() {
      return "exit " + exitCode + ":\n" + output;
    }
  }

  private Commands() {}

  static Result run(Duration timeout, String... command) {
    return run(timeout, Map.of(), List.of(command));
  }

  /** Runs {@code command} with {@code environment} added, stdin empty, within {@code timeout}. */
  static Result run(Duration timeout, Map<String, String> environment, List<String> command) {
    Path output = null;
    try {
      output = Files.createTempFile("smtpwatch-command", ".out");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(
            command + " did not finish within " + timeout + ":\n" + Files.readString(output));
      }
      return new Result(
          process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    } finally {
      if (output != null) {
        output.toFile().delete();
      }
    }
  }
}
