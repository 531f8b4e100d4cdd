package org.smtpwatch.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Real signals on a real process: HUP reloads and the process lives on, TERM exits 0. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class RunCommandProcessTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
  private Process process;

  @AfterEach
  void kill() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  // SIGINT is handled the same way but not tested here: a parent that ignores it (a background
  // job of a non-interactive shell, as CI runners often are) passes that on, and the JVM then
  // rightly leaves it ignored.
  @Test
  void hangupReloadsAndTermExitsWithStatusZero() throws Exception {
    process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                RunCommandProcessMain.class.getName(),
                "--config",
                "smtpwatch.yml")
            .redirectErrorStream(true)
            .start();
    readOutputInBackground();
    awaitLine("smtpwatch running");

    signal("HUP");
    awaitLine("loading smtpwatch.yml");
    awaitLine("config smtpwatch.yml applied");
    assertThat(process.isAlive()).isTrue();

    signal("TERM"); // not Process.destroy(): that also closes the pipe we read the output from
    assertThat(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    awaitLine("run returned 0");
    assertThat(process.exitValue()).isZero();
  }

  private void signal(String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
    assertThat(kill.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  private void awaitLine(String fragment) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    List<String> seen = new java.util.ArrayList<>();
    while (true) {
      String line = output.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError(
            "no line with \"" + fragment + "\" within " + DEADLINE + ": " + seen);
      }
      seen.add(line);
      if (line.contains(fragment)) {
        return;
      }
    }
  }

  private void readOutputInBackground() {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
              } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // the process ended
              }
            },
            "child-output");
    reader.setDaemon(true);
    reader.start();
  }
}
