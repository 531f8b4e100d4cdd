package org.smtpwatch.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM options the agent runs with as a service: the {@code JAVA_OPTS} of the systemd unit in
 * the source tree, so the benchmark measures what users run (heap cap and collector included).
 */
public final class JavaOptions {

  private static final String PREFIX = "Environment=\"JAVA_OPTS=";

  private JavaOptions() {}

  public static List<String> fromUnit(Path unit) throws IOException {
    for (String line : Files.readAllLines(unit)) {
      if (line.startsWith(PREFIX) && line.endsWith("\"")) {
        String options = line.substring(PREFIX.length(), line.length() - 1).trim();
        return Arrays.asList(options.split("\\s+"));
      }
    }
    throw new IOException(unit + ": no " + PREFIX + "...\" line");
  }
}
