package org.smtpwatch.exporter.cli;

import java.util.ArrayList;
import java.util.List;

/** Closes what a test started, in order, even when some of it fails to close. */
final class Closing {

  private Closing() {}

  /**
   * Closes each of {@code closeables} that is not null, in the order given; throws the first
   * failure afterwards, with the others suppressed in it.
   */
  static void all(AutoCloseable... closeables) throws Exception {
    List<Exception> failures = new ArrayList<>();
    for (AutoCloseable closeable : closeables) {
      if (closeable == null) {
        continue;
      }
      try {
        closeable.close();
      } catch (Exception e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      Exception first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }
}
