package org.smtpwatch.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The rule for password files, wherever one is named (config or command line): readable by its
 * owner only. Where the file system has no POSIX permissions (Windows) there is nothing to check.
 */
public final class PasswordFiles {

  private PasswordFiles() {}

  /** Why {@code file} is not private enough, starting with its name; empty when it is. */
  public static Optional<String> problem(Path file) {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
      return Optional.empty();
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ)) {
        return Optional.of(
            file
                + " is readable by group or others ("
                + PosixFilePermissions.toString(permissions)
                + "); a password file must be readable by its owner only (chmod 600)");
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(file + " permissions cannot be read: " + e.getMessage());
    }
  }
}
