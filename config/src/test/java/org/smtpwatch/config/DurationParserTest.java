package org.smtpwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {

  @ParameterizedTest
  @CsvSource({
    "500ms, 500",
    "30s, 30000",
    "5m, 300000",
    "1h, 3600000",
    "1m30s, 90000",
    "1h2m3s4ms, 3723004",
    "0s, 0"
  })
  void readsUnitsAndCombinations(String text, long millis) {
    assertThat(DurationParser.parse(text)).contains(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"30", "", "s", "1.5s", "-5s", "5 s", "30S", "1d", "30s1m", "1s1s", "5m s"})
  void refusesAnythingElse(String text) {
    assertThat(DurationParser.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "30, '\"30\" is not a duration (use 30s)'",
    "'30 s', '\"30 s\" is not a duration (use e.g. 500ms, 30s, 5m, 1h or 1m30s)'"
  })
  void explainsTheMistake(String text, String problem) {
    assertThat(DurationParser.problem(text)).isEqualTo(problem);
  }

  @ParameterizedTest
  @CsvSource({
    "500, 500ms",
    "15000, 15s",
    "60000, 60s",
    "90000, 1m30s",
    "300000, 5m",
    "3600000, 1h",
    "3661500, 1h1m1s500ms"
  })
  void formatsTheWayTheFileReads(long millis, String text) {
    assertThat(DurationFormat.format(Duration.ofMillis(millis))).isEqualTo(text);
  }
}
