package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

  private long now = 1_000;

  private Deadline deadline(Duration timeout) {
    return Deadline.after(timeout, () -> now);
  }

  @Test
  void countsDownOnTheGivenClock() throws Exception {
    Deadline deadline = deadline(Duration.ofMillis(100));
    now += Duration.ofMillis(40).toNanos();

    assertThat(deadline.remaining()).isEqualTo(Duration.ofMillis(60));
    assertThat(deadline.elapsed()).isEqualTo(Duration.ofMillis(40));
    assertThat(deadline.socketTimeoutMillis()).isEqualTo(60);
    assertThat(deadline.expired()).isFalse();
  }

  @Test
  void socketTimeoutRoundsUpAndNeverReturnsZero() throws Exception {
    Deadline deadline = deadline(Duration.ofNanos(10));

    assertThat(deadline.socketTimeoutMillis()).isEqualTo(1);
  }

  @Test
  void expiredDeadlineThrowsLikeATimedOutRead() {
    Deadline deadline = deadline(Duration.ofMillis(5));
    now += Duration.ofMillis(6).toNanos();

    assertThat(deadline.expired()).isTrue();
    assertThat(deadline.remaining()).isZero();
    assertThatThrownBy(deadline::socketTimeoutMillis).isInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void cappedStepNeverOutlivesTheProbe() {
    Deadline probe = deadline(Duration.ofMillis(100));
    now += Duration.ofMillis(50).toNanos();

    assertThat(probe.capped(Duration.ofMillis(20)).remaining()).isEqualTo(Duration.ofMillis(20));
    assertThat(probe.capped(Duration.ofSeconds(5)).remaining()).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void survivesHugeTimeouts() {
    assertThat(deadline(Duration.ofSeconds(Long.MAX_VALUE)).expired()).isFalse();
  }
}
