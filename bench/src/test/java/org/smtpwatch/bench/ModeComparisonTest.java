package org.smtpwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpwatch.config.Mode;

class ModeComparisonTest {

  private static final WarmUp.Figures WARM = new WarmUp.Figures(30, 2400, 5.0, 1.0, true);

  @Test
  void windowsArePooledAsOneLoad() {
    ExporterLoad first = smtpwatchWindow(100, 0.4, 0.004);
    ExporterLoad second = smtpwatchWindow(100, 0.6, 0.002);

    ExporterLoad pooled = ExporterLoad.pooled(List.of(first, second));

    assertThat(pooled.requests()).isEqualTo(200);
    assertThat(pooled.succeeded()).isEqualTo(200);
    assertThat(pooled.cpuPerThousand()).isEqualTo(5.0);
    assertThat(pooled.durationsSeconds()).hasSize(200);
    assertThat(pooled.phaseSeconds().get("connect")).hasSize(200);
    assertThat(pooled.medianSeconds()).isEqualTo(0.004);
  }

  @Test
  void eachRoundsRatioIsPrintedBesideThePooledOne() {
    ModeComparison comparison =
        new ModeComparison(
            Mode.STARTTLS,
            WARM,
            WARM,
            List.of(smtpwatchWindow(100, 0.4, 0.004), smtpwatchWindow(100, 0.6, 0.004)),
            List.of(blackboxWindow(100, 0.5, 0.003), blackboxWindow(100, 0.5, 0.005)));

    String printed = printed(comparison);

    assertThat(printed)
        .contains(
            "compare starttls: CPU s per 1,000 probes (2 rounds): smtpwatch 5.00 (JIT compiler"
                + " 0.00), blackbox_exporter 5.00, ratio 1.00; per round 0.80 1.20")
        .contains("(-1.00 ms); per round +1.00 ms -1.00 ms")
        .contains("compare starttls: smtpwatch phase medians: connect 0.200 ms")
        .contains("successful probes: smtpwatch 200/200, blackbox_exporter 200/200");
  }

  @Test
  void roundsOfDifferentCountsAreRefused() {
    List<ExporterLoad> one = List.of(smtpwatchWindow(10, 0.1, 0.004));

    assertThatThrownBy(() -> new ModeComparison(Mode.TLS, WARM, WARM, one, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rounds: smtpwatch 1, blackbox 0");
  }

  private static ExporterLoad smtpwatchWindow(int requests, double cpu, double duration) {
    String answer =
        "smtp_probe_success 1\n"
            + "smtp_probe_duration_seconds "
            + duration
            + "\nsmtp_probe_phase_duration_seconds{phase=\"connect\"} 0.0002\n";
    return ExporterLoad.of(
        Collections.nCopies(requests, answer),
        cpu,
        0,
        "smtp_probe_duration_seconds",
        "smtp_probe_success");
  }

  private static ExporterLoad blackboxWindow(int requests, double cpu, double duration) {
    String answer = "probe_success 1\nprobe_duration_seconds " + duration + "\n";
    return ExporterLoad.of(
        Collections.nCopies(requests, answer), cpu, 0, "probe_duration_seconds", "probe_success");
  }

  private static String printed(ModeComparison comparison) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    comparison.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
