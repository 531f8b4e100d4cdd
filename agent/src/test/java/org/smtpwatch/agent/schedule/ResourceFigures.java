package org.smtpwatch.agent.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Open file descriptors, live threads and heap in use: what a leak makes grow. */
record ResourceFigures(long fileDescriptors, int threads, long heapBytes) {

  /** After full collections: explicit GCs are full with the JVM's defaults. */
  static ResourceFigures measure() {
    System.gc();
    System.gc();
    return withoutGc();
  }

  static ResourceFigures withoutGc() {
    return new ResourceFigures(openFileDescriptors(), liveThreads(), heapUsed());
  }

  boolean isWithin(ResourceFigures baseline, int moreFileDescriptors, int moreThreads) {
    return fileDescriptors <= baseline.fileDescriptors + moreFileDescriptors
        && threads <= baseline.threads + moreThreads;
  }

  private static long openFileDescriptors() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int liveThreads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Override
  public String toString() {
    return fileDescriptors + " fds, " + threads + " threads, " + (heapBytes >> 20) + " MiB heap";
  }
}
