package org.smtpwatch.exporter.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.smtpwatch.config.AuthSpec;
import org.smtpwatch.config.SendSpec;

/**
 * The demo's submission user: a random password made at start, written to a file only this user can
 * read, as a real config's {@code password_file} must be. The 587-like listener requires it.
 */
record DemoCredentials(String username, String password, Path passwordFile) {

  static final String USERNAME = "demo@smtpwatch-demo.localdomain";

  static DemoCredentials create(Path workDir) throws IOException {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path file = workDir.resolve("demo-user.pass");
    if (Files.getFileAttributeView(workDir, PosixFileAttributeView.class) != null) {
      // Created private, so the password is never readable by others, not even for a moment.
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(file, password + "\n");
    return new DemoCredentials(USERNAME, password, file);
  }

  /** Log in, and send one message to the demo server (which discards it) on every probe. */
  AuthSpec authSpec() {
    return new AuthSpec(
        username,
        passwordFile,
        null,
        List.of(),
        false,
        new SendSpec(username, username, "smtpwatch demo probe"));
  }
}
