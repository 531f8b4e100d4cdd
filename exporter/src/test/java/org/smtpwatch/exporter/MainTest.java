package org.smtpwatch.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.smtpwatch.exporter.cli.Usage;

/** Main wired for real, on the commands that need no network and no config. */
class MainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void versionComesFromTheFilteredResource() {
    assertThat(run("--version")).isZero();
    // The project version, not "unknown" or an unfiltered ${project.version}.
    assertThat(out.toString(StandardCharsets.UTF_8))
        .matches(
            "smtpwatch \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java \\Q"
                + System.getProperty("java.version")
                + "\\E\\)\n");
  }

  @Test
  void helpPrintsTheUsage() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Usage.text());
  }

  @Test
  void unknownVerbExitsTwo() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("smtpwatch: unknown command \"frobnicate\" (see smtpwatch --help)\n");
  }

  @Test
  void probeUsageMistakeExitsTwoBeforeAnyProbe() {
    assertThat(run("probe", "mail.example.com")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "smtpwatch probe: \"mail.example.com\" has no port; write mail.example.com:587"
                + " (usage: smtpwatch probe HOST:PORT [options]; see smtpwatch --help)\n");
  }
}
