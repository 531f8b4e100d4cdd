package org.smtpwatch.bench.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program the benchmark measures from outside: started with its output in a log file, stopped
 * (TERM, then KILL after a grace) when the benchmark is done with it.
 */
public final class ChildProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final long startedAtNanos;
  private final OutputWatcher output;

  private ChildProcess(String name, Process process, long startedAtNanos, OutputWatcher output) {
    this.name = name;
    this.process = process;
    this.startedAtNanos = startedAtNanos;
    this.output = output;
  }

  /**
   * @param marker text of the output line {@link #awaitMarker} waits for
   */
  public static ChildProcess start(String name, List<String> command, Path log, String marker)
      throws IOException {
    long startedAt = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    return new ChildProcess(
        name, process, startedAt, OutputWatcher.start(process.getInputStream(), log, marker));
  }

  public long pid() {
    return process.pid();
  }

  public String name() {
    return name;
  }

  /** Seconds from start until the marker appeared in the output, or -1 if not within timeout. */
  public double awaitMarker(long timeoutMillis) throws InterruptedException {
    long seenAt = output.awaitMarker(timeoutMillis);
    return seenAt < 0 ? -1 : (seenAt - startedAtNanos) / 1e9;
  }

  /** Fails clearly if the program has already ended (bad config, port taken, ...). */
  public void checkAlive(Path log) {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          name + " exited with status " + process.exitValue() + "; see " + log);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
