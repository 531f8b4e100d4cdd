package org.smtpwatch.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpwatch.exporter.Main;

/**
 * Every verb with missing, extra and malformed arguments, through {@link Main} as the jar runs it:
 * exit 2, nothing on stdout, one line on stderr that names the problem and the usage, no stack
 * trace, and nothing started.
 */
class BadArgumentsTest {

  static Stream<String> commandLines() {
    return Stream.of(
        "frobnicate",
        "''",
        "run",
        "run --config",
        "run --config a.yml b.yml",
        "run --config a.yml --config b.yml",
        "run --bogus",
        "--config",
        "check-config",
        "check-config a.yml b.yml",
        "check-config --bogus",
        "probe",
        "probe mail.example.com",
        "probe mail.example.com:",
        "probe :25",
        "probe mail.example.com:0",
        "probe mail.example.com:99999",
        "probe mail.example.com:smtp",
        "probe [::1:25",
        "probe mail.example.com:25 extra.example.com:25",
        "probe mail.example.com:25 --mode",
        "probe mail.example.com:25 --mode bogus",
        "probe mail.example.com:25 --timeout",
        "probe mail.example.com:25 --timeout soon",
        "probe mail.example.com:25 --timeout -5s",
        "probe mail.example.com:25 --bogus",
        "probe mail.example.com:25 --ca-file",
        "probe mail.example.com:25 -4 -6",
        "probe mail..example.com:25",
        "demo extra",
        "demo --port 25");
  }

  @ParameterizedTest(name = "smtpwatch {0}")
  @MethodSource("commandLines")
  void isOneLineOnStderrWithTheUsageAndExitTwo(String commandLine) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = commandLine.equals("''") ? new String[] {""} : commandLine.split(" ");

    int status =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    String error = err.toString(StandardCharsets.UTF_8);
    assertThat(status).as(error).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(error.lines()).as(error).hasSize(1);
    assertThat(error).startsWith("smtpwatch").endsWith("\n").doesNotContain("Exception", "\tat ");
    assertThat(error).containsAnyOf("usage: smtpwatch", "see smtpwatch --help");
  }
}
