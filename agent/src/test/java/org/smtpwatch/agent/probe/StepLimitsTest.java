package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StepLimitsTest {

  @Test
  void theGreetingMayUseTheTimeoutLessAReserveOfTenPercentBetween100msAnd1s() {
    assertThat(greeting("15s")).isEqualTo(Duration.ofSeconds(14));
    assertThat(greeting("5s")).isEqualTo(Duration.ofMillis(4500));
    assertThat(greeting("6.5s")).isEqualTo(Duration.ofMillis(5850));
    assertThat(greeting("1s")).isEqualTo(Duration.ofMillis(900));
    assertThat(greeting("0.5s")).isEqualTo(Duration.ofMillis(400));
    assertThat(greeting("0.05s")).isEqualTo(Duration.ZERO);
  }

  private static Duration greeting(String seconds) {
    return StepLimits.forTimeout(Duration.parse("PT" + seconds.toUpperCase())).greeting();
  }
}
