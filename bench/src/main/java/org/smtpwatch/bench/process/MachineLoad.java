package org.smtpwatch.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How busy the whole machine is, from the first line of Linux's {@code /proc/stat}. A start time is
 * only the agent's when nothing else runs: right after the fleet is up, the benchmark's own JVM is
 * still compiling and collecting what it used to generate certificates and open 10,000 sockets, and
 * on two cores that competes with the agent's start for whole seconds.
 */
public final class MachineLoad {

  private static final Path STAT = Path.of("/proc/stat");
  private static final Duration SLICE = Duration.ofMillis(500);

  private MachineLoad() {}

  /**
   * Waits until a half-second slice of the machine's CPU time is at most {@code maxBusyShare} busy
   * (0.1: a tenth of all cores), or until {@code deadline} has passed.
   *
   * @return the busy share of the last slice, so the caller can say when it gave up waiting
   */
  public static double awaitQuiet(double maxBusyShare, Duration deadline)
      throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      long[] before = ticks();
      Thread.sleep(SLICE.toMillis()); // the measuring window, not a wait for an event
      long[] after = ticks();
      double total = after[0] - before[0];
      double busy = total <= 0 ? 1 : (total - (after[1] - before[1])) / total;
      if (busy <= maxBusyShare || System.nanoTime() > end) {
        return busy;
      }
    }
  }

  /** All CPU ticks since boot, and the idle ones (idle plus iowait). */
  private static long[] ticks() {
    String line;
    try {
      line = Files.readAllLines(STAT).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + STAT, e);
    }
    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"; guest time is
    // already counted in user.
    String[] fields = line.trim().split("\\s+");
    long total = 0;
    for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
      total += Long.parseLong(fields[i]);
    }
    return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
  }
}
