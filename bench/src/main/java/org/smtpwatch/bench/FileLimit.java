package org.smtpwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The open-file limit: the fleet holds one listening socket per endpoint plus its connections, so
 * 10,000 endpoints need more than the usual 1,024. A JVM cannot raise its own limit; bench/run does
 * ({@code ulimit -n}) before starting it.
 */
final class FileLimit {

  private FileLimit() {}

  static void require(long needed) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
      if (line.startsWith("Max open files")) {
        String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
        if (!soft.equals("unlimited") && Long.parseLong(soft) < needed) {
          throw new IllegalStateException(
              "the largest stage needs "
                  + needed
                  + " open files, the limit is "
                  + soft
                  + ": start it with bench/run, or raise it with ulimit -n "
                  + needed);
        }
      }
    }
  }
}
