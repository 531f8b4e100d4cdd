package org.smtpwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchArgumentsTest {

  @Test
  void noStageMeansEveryScenarioThenCompare() throws Exception {
    BenchArguments arguments = BenchArguments.parse();

    assertThat(arguments.stages())
        .containsExactly("1k-60s", "10k-60s", "1k-15s", "1k-60s-hanging", "compare");
    assertThat(arguments.intervals()).isEqualTo(1);
    assertThat(arguments.warmUpSeconds()).isEqualTo(30);
    assertThat(arguments.warmUpMaxSeconds()).isEqualTo(600);
    assertThat(arguments.help()).isFalse();
  }

  @Test
  void stagesAndNumbersAreTakenInTheOrderGiven() throws Exception {
    BenchArguments arguments =
        BenchArguments.parse("compare", "1k-60s", "--rate", "5", "--intervals", "3", "--jfr");

    assertThat(arguments.stages()).containsExactly("compare", "1k-60s");
    assertThat(arguments.rate()).isEqualTo(5);
    assertThat(arguments.intervals()).isEqualTo(3);
    assertThat(arguments.jfr()).isTrue();
  }

  @Test
  void aMisspeltScenarioIsRefusedBeforeAnyStageRuns() {
    assertThatThrownBy(() -> BenchArguments.parse("10k-60s", "1k-60", "compare"))
        .isInstanceOf(BenchArguments.UsageException.class)
        .hasMessage("unknown scenario 1k-60");
  }

  @Test
  void anUnknownOptionIsRefused() {
    assertThatThrownBy(() -> BenchArguments.parse("--intervalls", "2"))
        .isInstanceOf(BenchArguments.UsageException.class)
        .hasMessage("unknown option --intervalls");
  }

  @Test
  void aNumberMustBePositiveAndPresent() {
    assertThatThrownBy(() -> BenchArguments.parse("--rate", "0"))
        .hasMessage("--rate needs a positive number, not 0");
    assertThatThrownBy(() -> BenchArguments.parse("--intervals"))
        .hasMessage("--intervals needs a positive number");
  }

  @Test
  void aWarmUpMaxBelowTheWarmUpIsRefusedRatherThanRaised() {
    assertThatThrownBy(() -> BenchArguments.parse("--warm-up", "90", "--warm-up-max", "60"))
        .isInstanceOf(BenchArguments.UsageException.class)
        .hasMessage("--warm-up-max 60 is below --warm-up 90");
  }

  @Test
  void aWarmUpAboveTheDefaultMaxRaisesTheMaxWhenNoneWasGiven() throws Exception {
    BenchArguments arguments = BenchArguments.parse("--warm-up", "900");

    assertThat(arguments.warmUpMaxSeconds()).isEqualTo(900);
  }

  @Test
  void helpAsksForNothingElse() throws Exception {
    assertThat(BenchArguments.parse("compare", "--help").help()).isTrue();
  }
}
