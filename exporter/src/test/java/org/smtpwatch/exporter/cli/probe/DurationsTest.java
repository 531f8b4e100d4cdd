package org.smtpwatch.exporter.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parsesEveryUnit() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void refusesABareNumberWithAHint() {
    assertThatThrownBy(() -> Durations.parse("10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"10\" has no unit; write 10s or 10ms");
  }

  @Test
  void refusesOtherText() {
    for (String text : new String[] {"ten", "10 s", "1.5s", "-1s", "10d", "", "s"}) {
      assertThatThrownBy(() -> Durations.parse(text))
          .as(text)
          .hasMessage("\"" + text + "\" is not a duration; write it like 500ms, 10s or 1m");
    }
  }

  @Test
  void refusesZero() {
    assertThatThrownBy(() -> Durations.parse("0ms"))
        .hasMessage("\"0ms\" is zero; give a positive duration");
  }
}
