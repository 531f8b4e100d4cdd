package org.smtpwatch.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smtpwatch.agent.schedule.TestEndpoints.endpoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smtpwatch.config.Endpoint;

class ConfigDiffTest {

  private static final Duration MINUTE = Duration.ofSeconds(60);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void matchesEndpointsByKeyAndComparesTheirSettings() {
    Endpoint kept = endpoint("127.0.0.1", 25, MINUTE, TIMEOUT);
    Endpoint retimed = endpoint("127.0.0.2", 25, MINUTE, TIMEOUT);
    Endpoint relabelled = endpoint("127.0.0.3", 25, MINUTE, TIMEOUT);
    Endpoint dropped = endpoint("127.0.0.4", 25, MINUTE, TIMEOUT);
    Endpoint fresh = endpoint("127.0.0.5", 25, MINUTE, TIMEOUT);
    Endpoint retimedNow = endpoint("127.0.0.2", 25, Duration.ofSeconds(30), TIMEOUT);
    Endpoint relabelledNow = endpoint("127.0.0.3", 25, MINUTE, TIMEOUT, Map.of("group", "prod"));

    ConfigDiff diff =
        ConfigDiff.between(
            List.of(kept, retimed, relabelled, dropped),
            List.of(fresh, relabelledNow, kept, retimedNow));

    assertThat(diff.added()).containsExactly(fresh);
    assertThat(diff.removed()).containsExactly(dropped.key());
    assertThat(diff.changed()).containsExactlyInAnyOrder(retimedNow, relabelledNow);
    assertThat(diff.unchanged()).containsExactly(kept);
  }

  @Test
  void refusesAKeyListedTwice() {
    Endpoint once = endpoint("127.0.0.1", 25, MINUTE, TIMEOUT);
    Endpoint twice = endpoint("127.0.0.1", 25, Duration.ofSeconds(30), TIMEOUT);

    assertThatThrownBy(() -> ConfigDiff.between(List.of(), List.of(once, twice)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("127.0.0.1:25/plain");
  }
}
