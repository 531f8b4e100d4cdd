package org.smtpwatch.agent.memo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LeastRecentlyUsedTest {

  @Test
  void dropsTheEntryLeastRecentlyReadOrWritten() {
    LeastRecentlyUsed<String, Integer> map = new LeastRecentlyUsed<>(2);
    map.put("a", 1);
    map.put("b", 2);
    map.get("a"); // b is now the least recently used
    map.put("c", 3);

    assertThat(map).containsOnlyKeys("a", "c");
  }

  @Test
  void refusesACapacityBelowOne() {
    assertThatThrownBy(() -> new LeastRecentlyUsed<String, String>(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity must be at least 1");
  }
}
