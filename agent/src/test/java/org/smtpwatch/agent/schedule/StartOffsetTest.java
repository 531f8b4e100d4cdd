package org.smtpwatch.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.smtpwatch.config.EndpointKey;
import org.smtpwatch.config.Mode;

class StartOffsetTest {

  private static final Duration MINUTE = Duration.ofSeconds(60);

  @Test
  void theSameKeyAlwaysGetsTheSameOffset() {
    EndpointKey key = new EndpointKey("mail.example.com", 587, Mode.STARTTLS);

    assertThat(StartOffset.of(key, MINUTE))
        .isEqualTo(StartOffset.of(new EndpointKey("mail.example.com", 587, Mode.STARTTLS), MINUTE))
        // Pinned: a restart, another JVM or another machine computes the same offset.
        .isEqualTo(StartOffset.of(key, MINUTE));
    assertThat(StartOffset.of(key, MINUTE)).isBetween(Duration.ZERO, MINUTE.minusMillis(1));
  }

  @Test
  void offsetsSpreadOverTheInterval() {
    int[] perSecond = new int[60];
    IntStream.range(0, 1200)
        .mapToObj(i -> new EndpointKey("127.0.0." + (1 + i / 4), 25 + i % 4, Mode.PLAIN))
        .map(key -> StartOffset.of(key, MINUTE))
        .forEach(offset -> perSecond[(int) offset.toSeconds()]++);

    // 20 a second on average; a clumping hash would leave seconds empty and overload others.
    assertThat(IntStream.of(perSecond).min().orElseThrow()).isGreaterThanOrEqualTo(5);
    assertThat(IntStream.of(perSecond).max().orElseThrow()).isLessThanOrEqualTo(40);
  }

  @Test
  void neighbouringKeysDoNotGetNeighbouringOffsets() {
    Duration first = StartOffset.of(new EndpointKey("127.0.0.1", 10000, Mode.PLAIN), MINUTE);
    Duration second = StartOffset.of(new EndpointKey("127.0.0.1", 10001, Mode.PLAIN), MINUTE);

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void firstRunFallsOnTheOffsetOfTheClockNotOfTheStart() {
    EndpointKey key = new EndpointKey("mail.example.com", 25, Mode.STARTTLS);
    long offset = StartOffset.of(key, MINUTE).toMillis();
    Instant minute = Instant.parse("2026-01-01T10:00:00Z");

    Instant early = StartOffset.firstRun(key, MINUTE, minute);
    Instant late = StartOffset.firstRun(key, MINUTE, minute.plusMillis(offset + 1));

    assertThat(early).isEqualTo(minute.plusMillis(offset));
    assertThat(late).isEqualTo(minute.plusMillis(offset).plus(MINUTE));
    assertThat(StartOffset.firstRun(key, MINUTE, early)).isEqualTo(early);
  }
}
