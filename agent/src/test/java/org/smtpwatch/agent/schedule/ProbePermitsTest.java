package org.smtpwatch.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProbePermitsTest {

  @Test
  void growingAndShrinkingTheLimitTakesEffectAsPermitsReturn() throws Exception {
    ProbePermits permits = new ProbePermits(2);
    assertThat(permits.tryAcquire(Duration.ZERO)).isTrue();
    assertThat(permits.tryAcquire(Duration.ZERO)).isTrue();

    permits.resize(1);
    permits.release();
    assertThat(permits.tryAcquire(Duration.ZERO)).as("one still held, limit 1").isFalse();
    permits.release();
    assertThat(permits.tryAcquire(Duration.ZERO)).isTrue();

    permits.resize(3);
    assertThat(permits.tryAcquire(Duration.ZERO)).isTrue();
    assertThat(permits.tryAcquire(Duration.ZERO)).isTrue();
    assertThat(permits.tryAcquire(Duration.ZERO)).isFalse();
    assertThat(permits.limit()).isEqualTo(3);
  }

  @Test
  void refusesALimitBelowOne() {
    assertThatThrownBy(() -> new ProbePermits(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
