package org.smtpwatch.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What was built and what runs it: for {@code --version} and {@code smtpwatch_build_info}.
 *
 * @param version the project version Maven filtered into {@code version.properties}, or {@code
 *     unknown} when running from classes that were not filtered (an IDE)
 * @param javaVersion the running JVM's {@code java.version}
 */
public record BuildInfo(String version, String javaVersion) {

  private static final String RESOURCE = "version.properties";

  /** Reads the version resource next to this class and the running JVM's version. */
  public static BuildInfo current() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + " from the smtpwatch jar", e);
    }
    String version = properties.getProperty("version", "unknown");
    // An unfiltered resource still holds the placeholder; do not show it to people.
    if (version.isBlank() || version.startsWith("${")) {
      version = "unknown";
    }
    return new BuildInfo(version, System.getProperty("java.version"));
  }

  /** {@code smtpwatch 0.1.0 (Java 17.0.15)}. */
  public String describe() {
    return "smtpwatch " + version + " (Java " + javaVersion + ")";
  }
}
