package org.smtpwatch.exporter.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.smtpwatch.agent.testkit.ExternalCommand;

/**
 * Every shipped rule file passes {@code promtool check rules}, every promtool unit test under
 * {@code grafana/alerts/tests/} passes {@code promtool test rules}, and every alert says how bad it
 * is and what to check first. Files are found by listing, so rule files and tests added later are
 * checked too.
 */
class AlertRuleFilesTest {

  @TestFactory
  Stream<DynamicTest> promtoolAcceptsEveryRuleFile() {
    return promtool(GrafanaFiles.ruleFiles(), "check");
  }

  @TestFactory
  Stream<DynamicTest> everyPromtoolUnitTestPasses() {
    return promtool(GrafanaFiles.ruleTests(), "test");
  }

  /**
   * {@code promtool VERB rules FILE} for each file, run from the file's directory (its rule_files
   * are relative to it).
   */
  private static Stream<DynamicTest> promtool(List<Path> files, String verb) {
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    "promtool " + verb + " rules " + file.getFileName(),
                    () -> assertPromtoolPasses(file.getParent(), verb, "rules", file)));
  }

  @TestFactory
  Stream<DynamicTest> everyAlertHasSeveritySummaryAndDescription() {
    return GrafanaFiles.ruleFiles().stream()
        .flatMap(file -> AlertRule.load(file).stream())
        .map(
            rule ->
                DynamicTest.dynamicTest(
                    rule.name(),
                    () -> {
                      assertThat(rule.labels().get("severity"))
                          .as("%s: severity label", rule.name())
                          .isIn("critical", "warning", "info");
                      assertThat(rule.annotations())
                          .as("%s: annotations", rule.name())
                          .containsKeys("summary", "description");
                      namesWhatToLookAt(rule);
                    }));
  }

  /**
   * Per-endpoint alerts name the endpoint a person must look at, per-domain alerts (on the
   * domain-watch series) the domain; both say what to check first.
   */
  private static void namesWhatToLookAt(AlertRule rule) {
    if (!rule.expr().contains("smtp_")) {
      return;
    }
    boolean perDomain =
        rule.expr().contains("smtp_domain_") || rule.expr().contains("smtp_mta_sts_");
    String[] names =
        perDomain ? new String[] {"$labels.domain"} : new String[] {"$labels.host", "$labels.port"};
    assertThat(rule.annotations().get("summary")).as("%s: summary", rule.name()).contains(names);
    assertThat(rule.annotations().get("description"))
        .as("%s: description", rule.name())
        .contains(names)
        .contains("heck first");
  }

  @Test
  void everyAlertIsExercisedByAPromtoolUnitTest() throws IOException {
    StringBuilder tests = new StringBuilder();
    for (Path file : GrafanaFiles.ruleTests()) {
      tests.append(Files.readString(file));
    }
    List<String> untested =
        GrafanaFiles.ruleFiles().stream()
            .flatMap(file -> AlertRule.load(file).stream())
            .map(AlertRule::name)
            .filter(name -> !tests.toString().contains("alertname: " + name + "\n"))
            .toList();
    assertThat(untested).as("alerts no promtool test evaluates").isEmpty();
  }

  @Test
  void durationsAreReadAsPrometheusWritesThem() {
    assertThat(AlertRule.duration("2m")).hasSeconds(120);
    assertThat(AlertRule.duration("1h30m")).hasMinutes(90);
    assertThat(AlertRule.duration("0s")).isZero();
  }

  private static void assertPromtoolPasses(Path dir, String verb, String noun, Path file)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("promtool", ".log");
    try {
      Process process =
          new ProcessBuilder(
                  ExternalCommand.locate("promtool", "prometheus"),
                  verb,
                  noun,
                  file.getFileName().toString())
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      process.getOutputStream().close();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("promtool " + verb + " " + noun + " " + file + ": no end in 60 s");
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(process.exitValue())
          .as("promtool %s %s %s:%n%s", verb, noun, file, output)
          .isZero();
      assertThat(output).contains("SUCCESS");
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
