package org.smtpwatch.bench.process;

import java.util.Map;

/**
 * A process's CPU at one moment: all of it, and each JIT compiler thread's, so the CPU between two
 * readings can be split into the compiler's share and the rest.
 *
 * @param seconds user plus system CPU seconds of the whole process so far
 * @param compilerThreads CPU seconds of each live compiler thread so far, by thread id
 */
public record CpuReading(double seconds, Map<String, Double> compilerThreads) {

  public CpuReading {
    compilerThreads = Map.copyOf(compilerThreads);
  }

  /** Reads process {@code pid} now (Linux {@code /proc}). */
  public static CpuReading of(long pid) {
    return new CpuReading(ProcStats.cpuSeconds(pid), ProcStats.compilerThreadSeconds(pid));
  }

  /** The process's CPU seconds since {@code earlier}. */
  public double secondsSince(CpuReading earlier) {
    return seconds - earlier.seconds;
  }

  /**
   * The compiler threads' CPU seconds since {@code earlier}, thread by thread: a thread started
   * since counts whole, one retired since counts only up to {@code earlier} (its last moments are
   * lost with it, and the JVM retires only threads that have been idle).
   */
  public double compilerSecondsSince(CpuReading earlier) {
    double sum = 0;
    for (Map.Entry<String, Double> thread : compilerThreads.entrySet()) {
      sum += thread.getValue() - earlier.compilerThreads.getOrDefault(thread.getKey(), 0.0);
    }
    return sum;
  }
}
