package org.smtpwatch.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.smtpwatch.exporter.BuildInfo;

class CommandLineTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<String> calls = new ArrayList<>();

  private int run(String... args) {
    Map<String, Supplier<CliCommand>> verbs = new LinkedHashMap<>();
    for (String verb : List.of("run", "check-config", "probe")) {
      verbs.put(
          verb,
          () ->
              verbArgs -> {
                calls.add(verb + " " + verbArgs);
                return 7;
              });
    }
    return new CommandLine(
            verbs,
            new BuildInfo("1.2.3", "17.0.15"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(List.of(args));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void versionPrintsNameVersionAndJava() {
    assertThat(run("--version")).isZero();
    assertThat(out()).isEqualTo("smtpwatch 1.2.3 (Java 17.0.15)\n");
    assertThat(err()).isEmpty();
  }

  @Test
  void helpInEveryFormPrintsTheUsageOnStdout() {
    for (String help : List.of("--help", "-h", "help")) {
      out.reset();
      assertThat(run(help)).as(help).isZero();
      assertThat(out()).as(help).isEqualTo(Usage.text());
    }
    assertThat(err()).isEmpty();
    assertThat(calls).isEmpty();
  }

  @Test
  void helpAfterAVerbIsHelpTooAndRunsNothing() {
    assertThat(run("probe", "mail.example.com:587", "--help")).isZero();
    assertThat(run("check-config", "-h")).isZero();
    assertThat(out()).isEqualTo(Usage.text() + Usage.text());
    assertThat(calls).isEmpty();
  }

  @Test
  void aVerbGetsTheRestOfTheArgumentsAndItsStatusIsReturned() {
    assertThat(run("probe", "mail.example.com:587", "--json")).isEqualTo(7);
    assertThat(run("check-config", "smtpwatch.yml")).isEqualTo(7);
    assertThat(calls)
        .containsExactly("probe [mail.example.com:587, --json]", "check-config [smtpwatch.yml]");
  }

  @Test
  void aLeadingFlagMeansRun() {
    assertThat(run("--config", "/etc/smtpwatch.yml")).isEqualTo(7);
    assertThat(run("run", "--config", "x.yml")).isEqualTo(7);
    assertThat(calls)
        .containsExactly("run [--config, /etc/smtpwatch.yml]", "run [--config, x.yml]");
  }

  @Test
  void anUnknownVerbIsOneLineOnStderrWithAHint() {
    assertThat(run("demo")).isEqualTo(2);
    assertThat(err()).isEqualTo("smtpwatch: unknown command \"demo\" (see smtpwatch --help)\n");
    assertThat(out()).isEmpty();
    assertThat(calls).isEmpty();
  }

  @Test
  void noArgumentsPrintsTheUsageOnStderr() {
    assertThat(run()).isEqualTo(2);
    assertThat(err()).isEqualTo(Usage.text());
    assertThat(out()).isEmpty();
  }

  @Test
  void theUsageNamesEveryVerbAndProbeFlag() {
    assertThat(Usage.text())
        .contains("run --config FILE", "check-config FILE", "probe HOST:PORT", "--version")
        .contains("--mode plain|starttls|tls", "--timeout DURATION", "--ca-file FILE")
        .contains("--server-name NAME", "--no-verify", "--ehlo-name NAME", "-4, -6")
        .contains("--json", "--transcript", "-h, --help")
        .contains("\n       smtpwatch demo\n", "  demo  ");
    assertThat(Usage.text().lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(80));
  }
}
