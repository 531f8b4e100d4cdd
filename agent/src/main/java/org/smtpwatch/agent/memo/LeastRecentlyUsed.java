package org.smtpwatch.agent.memo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most {@code capacity} entries, dropping the least recently read or written:
 * the bound of the agent's memos of per-server work (keys, trusted chains), whose servers come and
 * go with the config. Not thread-safe; its users hold their own lock.
 */
public final class LeastRecentlyUsed<K, V> extends LinkedHashMap<K, V> {

  private static final long serialVersionUID = 1L;

  private final int capacity;

  public LeastRecentlyUsed(int capacity) {
    super(16, 0.75f, true);
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    this.capacity = capacity;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    return size() > capacity;
  }
}
