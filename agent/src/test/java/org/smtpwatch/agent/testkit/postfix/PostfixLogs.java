package org.smtpwatch.agent.testkit.postfix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Reading the daemons' logs for failure messages, and waiting on them under a deadline. */
final class PostfixLogs {

  private static final Duration POLL_PAUSE = Duration.ofMillis(20);

  private PostfixLogs() {}

  /** The file's text, or a note saying why there is none: it goes into failure messages. */
  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "(no " + file + ")\n";
    } catch (IOException e) {
      return "(unreadable " + file + ": " + e + ")\n";
    }
  }

  static void pause() {
    LockSupport.parkNanos(POLL_PAUSE.toNanos());
  }

  /** Polls {@code condition} until it holds; fails with {@code what} and {@code context}. */
  static void await(
      String what, Duration deadline, BooleanSupplier condition, Supplier<String> context) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError(
            "not within " + deadline.toSeconds() + " s: " + what + "\n" + context.get());
      }
      pause();
    }
  }
}
