package org.smtpwatch.packaging;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the repository's files and the package the build made. */
final class Repository {

  private Repository() {}

  /** The repository root: the tests run in the packaging module's directory. */
  static Path root() {
    return Path.of("..").toAbsolutePath().normalize();
  }

  static Path unit() {
    return root().resolve("systemd/smtpwatch.service");
  }

  static String version() {
    return property("smtpwatch.version");
  }

  /** The .deb of this build; the integration tests run after the package phase made it. */
  static Path debianPackage() {
    Path deb = Path.of(property("smtpwatch.deb"));
    if (!Files.isRegularFile(deb)) {
      throw new AssertionError(deb + " is missing: run the tests with mvn verify");
    }
    return deb;
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new AssertionError(name + " is not set: run the tests through Maven");
    }
    return value;
  }
}
