package org.smtpwatch.bench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Copies a child's output to a log file and notes when a line containing a marker first appears
 * (for the agent: its first probe result), so the benchmark needs no scrape to see it.
 */
final class OutputWatcher {

  private final String marker;
  private final CountDownLatch seen = new CountDownLatch(1);
  private volatile long seenAtNanos;

  private OutputWatcher(String marker) {
    this.marker = marker;
  }

  static OutputWatcher start(InputStream output, Path log, String marker) {
    OutputWatcher watcher = new OutputWatcher(marker);
    Thread thread = new Thread(() -> watcher.copy(output, log), "output " + log.getFileName());
    thread.setDaemon(true);
    thread.start();
    return watcher;
  }

  /** When the marker was first seen ({@link System#nanoTime()}), or -1 if not within timeout. */
  long awaitMarker(long timeoutMillis) throws InterruptedException {
    return seen.await(timeoutMillis, TimeUnit.MILLISECONDS) ? seenAtNanos : -1;
  }

  private void copy(InputStream output, Path log) {
    try (BufferedReader lines =
            new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (seen.getCount() > 0 && line.contains(marker)) {
          seenAtNanos = System.nanoTime();
          seen.countDown();
        }
        out.write(line);
        out.write('\n');
      }
    } catch (IOException e) {
      // The child was stopped and its pipe closed: the log has all it wrote.
    }
  }
}
