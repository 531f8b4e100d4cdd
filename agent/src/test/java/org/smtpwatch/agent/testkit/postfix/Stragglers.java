package org.smtpwatch.agent.testkit.postfix;

import java.time.Duration;
import java.util.List;

/**
 * Kills, by pid, the processes a daemon had when it was told to stop, if they outlive the stop.
 * {@link ProcessHandle} remembers each process's start time, so a pid reused meanwhile by an
 * unrelated process is never touched.
 */
final class Stragglers {

  private Stragglers() {}

  static void kill(List<ProcessHandle> started, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    while (started.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() - end < 0) {
      PostfixLogs.pause();
    }
    List<ProcessHandle> left = started.stream().filter(ProcessHandle::isAlive).toList();
    left.forEach(ProcessHandle::destroyForcibly);
    if (!left.isEmpty()) {
      PostfixLogs.await(
          "stragglers " + left + " gone after SIGKILL",
          deadline,
          () -> left.stream().noneMatch(ProcessHandle::isAlive),
          () -> "");
    }
  }
}
